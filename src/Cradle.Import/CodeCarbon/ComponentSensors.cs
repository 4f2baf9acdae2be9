using System.Globalization;
using Cradle.Store;

namespace Cradle.Import.CodeCarbon;

/// <summary>One component of a row as a sensor, with its IT energy (null when CodeCarbon gave none usable).</summary>
/// <param name="Sensor">The sensor as stored.</param>
/// <param name="EnergyJoules">IT energy over the row's duration, J (the file's kWh × 3.6e6 ÷ the PUE CodeCarbon applied).</param>
internal sealed record ComponentSensor(Sensor Sensor, double? EnergyJoules);

/// <summary>
/// The sensors of one row: cpu, gpu and ram for 2.x and later, one total for 1.x (which logs nothing finer). Each is
/// measured or modelled as the row shows; a component with no usable figure is kept as unavailable, never as 0 J.
/// </summary>
internal static class ComponentSensors
{
    /// <summary>Kind of the CPU sensor.</summary>
    public const string CpuKind = "codecarbon-cpu";
    /// <summary>Kind of the GPU sensor.</summary>
    public const string GpuKind = "codecarbon-gpu";
    /// <summary>Kind of the RAM sensor.</summary>
    public const string RamKind = "codecarbon-ram";
    /// <summary>Kind of the one sensor of a 1.x row (total only).</summary>
    public const string TotalKind = "codecarbon-total";

    private const double JoulesPerKwh = 3.6e6;

    /// <summary>Below this magnitude (kWh; 3.6 µJ) a negative energy is floating-point rounding of zero, not a counter artefact.</summary>
    private const double RoundingKwh = 1e-12;

    public static IReadOnlyList<ComponentSensor> Of(CodeCarbonRecord record, string? cpuModelledWhy, string idPrefix, string deviceSuffix)
    {
        var pue = PueApplied.Of(record);
        var by = $"CodeCarbon {record.Version}";
        if (record.Row.Has(CodeCarbonColumns.CpuEnergy) is false)
        {
            var why = "CodeCarbon 1.x writes only energy_consumed; it does not record whether its CPU part came from RAPL or Power Gadget " +
                "or from its TDP model, so the total is not labelled measured";
            return [Component(idPrefix + "total", TotalKind, "host total (CPU and GPU as CodeCarbon 1.x tracked them; RAM came with 2.0)" + deviceSuffix, record.TotalKwh,
                CodeCarbonColumns.EnergyConsumed, SensorProvenance.Modelled, $"modelled by {by}: {why}; {pue.Note}", pue)];
        }

        var row = record.Row;
        var cpuDevice = row.Text(CodeCarbonColumns.CpuModel) ?? "CPU (model not recorded)";
        if (row.Text(CodeCarbonColumns.CpuCount) is { } threads)
        {
            cpuDevice += $" ({threads} threads)";
        }

        var cpu = cpuModelledWhy is { } modelled
            ? Component(idPrefix + "cpu", CpuKind, cpuDevice + deviceSuffix, record.CpuKwh, CodeCarbonColumns.CpuEnergy, SensorProvenance.Modelled,
                $"modelled by {by}: {modelled}; {pue.Note}", pue)
            : Component(idPrefix + "cpu", CpuKind, cpuDevice + deviceSuffix, record.CpuKwh, CodeCarbonColumns.CpuEnergy, SensorProvenance.Measured,
                $"measured by {by} (RAPL, Power Gadget, powermetrics or Windows EMI; a 3.x CPU-load × TDP estimate cannot be told apart in the file); {pue.Note}", pue);

        var ramDevice = record.RamTotalGb is { } gb ? string.Create(CultureInfo.InvariantCulture, $"RAM {gb:0.#} GB") : "RAM (size not recorded)";
        var ramModel = !record.VersionKnown
            ? "RAM power is not measured by CodeCarbon: it is modelled from the RAM size (3 W per 8 GB in 2.x, per DIMM in 3.x)"
            : record.VersionNumber.Major >= 3
            ? "RAM power is not measured: 3.x estimates it from the number of DIMMs guessed from the RAM size (5 W per x86 DIMM, 1.5 W on ARM)"
            : "RAM power is not measured: 2.x takes 3 W per 8 GB of RAM";
        if (string.Equals(record.TrackingMode, "process", StringComparison.OrdinalIgnoreCase))
        {
            ramModel += ", attributed to the process by its memory use (tracking_mode process)";
        }

        var ram = Component(idPrefix + "ram", RamKind, ramDevice + deviceSuffix, record.RamKwh, CodeCarbonColumns.RamEnergy, SensorProvenance.Modelled,
            $"modelled by {by}: {ramModel}; {pue.Note}", pue);

        var sensors = new List<ComponentSensor> { cpu };
        if (Gpu(record, by, idPrefix, deviceSuffix, pue) is { } gpu)
        {
            sensors.Add(gpu);
        }
        sensors.Add(ram);
        return sensors;
    }

    private static ComponentSensor? Gpu(CodeCarbonRecord record, string by, string idPrefix, string deviceSuffix, PueApplied pue)
    {
        var model = record.Row.Text(CodeCarbonColumns.GpuModel);
        // CodeCarbon writes gpu_energy 0 on machines without a GPU: no GPU there, not a GPU that used nothing.
        if (model is null && record.GpuCount is null or 0 && record.GpuKwh is null or 0)
        {
            return null;
        }

        var device = (model ?? "GPU (model not recorded)") + (record.GpuCount is { } n ? $", {n} tracked" : "") + deviceSuffix;
        var description = $"measured by {by} (NVML; powermetrics on Apple silicon)";
        if (record.GpuKwh is 0 && record.GpuCount is > 0)
        {
            description += "; CodeCarbon reported 0 kWh for a GPU it tracked (the energy may not have been read)";
        }
        var gpu = Component(idPrefix + "gpu", GpuKind, device, record.GpuKwh, CodeCarbonColumns.GpuEnergy, SensorProvenance.Measured,
            $"{description}; {pue.Note}", pue);
        // gpu_energy is the total of the tracked GPUs: one sensor covering gpu_count devices, so device time counts them all.
        return record.GpuCount is > 1 and var count ? gpu with { Sensor = gpu.Sensor with { Devices = count } } : gpu;
    }

    private static ComponentSensor Component(
        string id, string kind, string device, double? kwh, string column, SensorProvenance provenance, string description, PueApplied pue)
    {
        if (kwh is not { } value)
        {
            return new ComponentSensor(new Sensor(id, kind, device, SensorProvenance.Unavailable, $"unavailable: {column} is empty in this row"), null);
        }

        if (value < 0 && value > -RoundingKwh)
        {
            // CodeCarbon subtracts two nearly equal readings; -2e-22 kWh is rounding around zero, not a reading.
            return new ComponentSensor(new Sensor(id, kind, device, provenance, description + string.Create(CultureInfo.InvariantCulture,
                $"; CodeCarbon wrote {value} kWh, floating-point rounding around zero (under 1e-12 kWh): stored as 0 J")), 0);
        }

        if (value < 0)
        {
            return new ComponentSensor(new Sensor(id, kind, device, SensorProvenance.Unavailable, string.Create(CultureInfo.InvariantCulture,
                $"unavailable: CodeCarbon wrote a negative {column} ({value} kWh), a counter artefact (codecarbon#309); not used")), null);
        }
        return new ComponentSensor(new Sensor(id, kind, device, provenance, description), value * JoulesPerKwh / pue.Factor);
    }
}
