namespace Cradle.Import.CodeCarbon;

/// <summary>
/// The column names CodeCarbon writes to <c>emissions.csv</c>, and the layouts (sets of names) of its releases. Columns
/// are always looked up by name: their order changes between versions and even between rows of one version (3.1.1–3.2.3
/// move columns that were empty to the end of the header).
/// </summary>
internal static class CodeCarbonColumns
{
    public const string Timestamp = "timestamp";
    public const string ExperimentId = "experiment_id";
    public const string ProjectName = "project_name";
    public const string RunId = "run_id";
    public const string TaskName = "task_name";
    public const string Duration = "duration";
    public const string Emissions = "emissions";
    public const string EmissionsRate = "emissions_rate";
    public const string CpuPower = "cpu_power";
    public const string GpuPower = "gpu_power";
    public const string RamPower = "ram_power";
    public const string CpuEnergy = "cpu_energy";
    public const string GpuEnergy = "gpu_energy";
    public const string RamEnergy = "ram_energy";
    public const string EnergyConsumed = "energy_consumed";
    public const string WaterConsumed = "water_consumed";
    public const string CountryName = "country_name";
    public const string CountryIsoCode = "country_iso_code";
    public const string Region = "region";
    public const string CloudProvider = "cloud_provider";
    public const string CloudRegion = "cloud_region";
    public const string Os = "os";
    public const string PythonVersion = "python_version";
    public const string CodeCarbonVersion = "codecarbon_version";
    public const string CpuCount = "cpu_count";
    public const string CpuModel = "cpu_model";
    public const string GpuCount = "gpu_count";
    public const string GpuModel = "gpu_model";
    public const string Longitude = "longitude";
    public const string Latitude = "latitude";
    public const string RamTotalSize = "ram_total_size";
    public const string TrackingMode = "tracking_mode";
    public const string CpuUtilisation = "cpu_utilization_percent";
    public const string GpuUtilisation = "gpu_utilization_percent";
    public const string RamUtilisation = "ram_utilization_percent";
    public const string RamUsed = "ram_used_gb";
    public const string OnCloud = "on_cloud";
    public const string Pue = "pue";
    public const string Wue = "wue";

    /// <summary>What a 1.x file must have (1.0 to 1.2 wrote these twelve columns and no others).</summary>
    public static IReadOnlyList<string> Required1 { get; } =
        [Timestamp, ExperimentId, ProjectName, Duration, Emissions, EnergyConsumed, CountryName, CountryIsoCode, Region, OnCloud, CloudProvider, CloudRegion];

    /// <summary>What a 2.x or 3.x file must have: the columns of 2.0 that every later layout kept (task files too).</summary>
    public static IReadOnlyList<string> Required2 { get; } =
    [
        Timestamp, ProjectName, RunId, Duration, Emissions, CpuPower, GpuPower, RamPower, CpuEnergy, GpuEnergy, RamEnergy,
        EnergyConsumed, CountryName, CountryIsoCode, Region, CloudProvider, CloudRegion, Os, CpuCount, CpuModel, GpuCount,
        GpuModel, Longitude, Latitude, RamTotalSize, TrackingMode, OnCloud,
    ];

    /// <summary>Every column name any release wrote (for "did you mean" on an unknown header).</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        Timestamp, ExperimentId, ProjectName, RunId, TaskName, Duration, Emissions, EmissionsRate, CpuPower, GpuPower, RamPower,
        CpuEnergy, GpuEnergy, RamEnergy, EnergyConsumed, WaterConsumed, CountryName, CountryIsoCode, Region, CloudProvider,
        CloudRegion, Os, PythonVersion, CodeCarbonVersion, CpuCount, CpuModel, GpuCount, GpuModel, Longitude, Latitude,
        RamTotalSize, TrackingMode, CpuUtilisation, GpuUtilisation, RamUtilisation, RamUsed, OnCloud, Pue, Wue,
    ];

    /// <summary>The columns of the current (3.2.1 to 3.3) layout, in CodeCarbon's dataclass order: what export writes.</summary>
    public static IReadOnlyList<string> Current { get; } =
    [
        Timestamp, ProjectName, RunId, ExperimentId, Duration, Emissions, EmissionsRate, CpuPower, GpuPower, RamPower,
        CpuEnergy, GpuEnergy, RamEnergy, EnergyConsumed, WaterConsumed, CountryName, CountryIsoCode, Region, CloudProvider,
        CloudRegion, Os, PythonVersion, CodeCarbonVersion, CpuCount, CpuModel, GpuCount, GpuModel, Longitude, Latitude,
        RamTotalSize, TrackingMode, CpuUtilisation, GpuUtilisation, RamUtilisation, RamUsed, OnCloud, Pue, Wue,
    ];
}
