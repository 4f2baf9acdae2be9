namespace Cradle.Import.CodeCarbon;

/// <summary>
/// One row of an <c>emissions.csv</c> with its figures parsed, in CodeCarbon's units. A null figure is an empty cell
/// (or a column the file's version does not have), never 0.
/// </summary>
/// <param name="Row">The row's cells and position.</param>
/// <param name="Version">The CodeCarbon version: the <c>codecarbon_version</c> cell, else the layout's range ("1.x",
/// "2.0–2.1").</param>
/// <param name="VersionNumber">The version as a comparable number (major, minor, patch); for a range, its lowest.</param>
/// <param name="EndLocal">The <c>timestamp</c>: when CodeCarbon wrote the row, i.e. the end of the run, in the
/// machine's local time (CodeCarbon writes no zone).</param>
/// <param name="DurationSeconds">Run duration, s, ≥ 0.</param>
/// <param name="CpuKwh">CPU energy, kWh (PUE-inclusive from 2.2.3); may be negative in a real file (a RAPL artefact).</param>
/// <param name="GpuKwh">GPU energy, kWh (PUE-inclusive from 2.2.3).</param>
/// <param name="RamKwh">RAM energy, kWh (PUE-inclusive from 2.2.3).</param>
/// <param name="TotalKwh">energy_consumed, kWh: the sum of the components, PUE-inclusive from 2.2.3.</param>
/// <param name="CpuWatts">cpu_power, W (the last sample before 3.1.2, the mean from 3.1.2; never PUE-inclusive).</param>
/// <param name="GpuWatts">gpu_power, W.</param>
/// <param name="RamWatts">ram_power, W.</param>
/// <param name="Pue">The pue cell, ≥ 1; null when the file has no such column or the cell is empty.</param>
/// <param name="GpuCount">GPUs CodeCarbon tracked; null when empty (no GPU).</param>
/// <param name="RamTotalGb">RAM size, GB.</param>
internal sealed record CodeCarbonRecord(
    CodeCarbonRow Row,
    string Version,
    Version VersionNumber,
    DateTime EndLocal,
    double DurationSeconds,
    double? CpuKwh,
    double? GpuKwh,
    double? RamKwh,
    double? TotalKwh,
    double? CpuWatts,
    double? GpuWatts,
    double? RamWatts,
    double? Pue,
    int? GpuCount,
    double? RamTotalGb)
{
    /// <summary>CodeCarbon 2.2.3 added PUE: from it on, every component energy is multiplied by <c>pue</c>.</summary>
    public static Version FirstWithPue { get; } = new(2, 2, 3);

    /// <summary>The version text of a row whose codecarbon_version cell is empty.</summary>
    public const string UnrecordedVersion = "(version not recorded)";

    /// <summary>Whether the row says which CodeCarbon wrote it (a version cell, or a layout only one range wrote).</summary>
    public bool VersionKnown => Version != UnrecordedVersion;

    /// <summary>The mode CodeCarbon attributed power in: "machine" (whole host) or "process"; null in 1.x.</summary>
    public string? TrackingMode => Row.Text(CodeCarbonColumns.TrackingMode);
}
