namespace Cradle.Measure.Modelled;

/// <summary>
/// The power figure the modelled CPU sensor multiplies CPU time by: the package power of the CPU found in the catalog,
/// shared among its logical CPUs. procfs counts CPU time per logical CPU, so a package whose every logical CPU is busy
/// for one second is charged exactly its package power for that second.
/// </summary>
/// <param name="CpuModelName">The <c>model name</c> line of cpuinfo, as the kernel wrote it.</param>
/// <param name="CatalogId">The catalog entry it matched.</param>
/// <param name="CatalogName">That entry's name.</param>
/// <param name="PackagePowerWatts">The entry's power figure (TDP) in watts, greater than 0.</param>
/// <param name="LogicalCpus">Logical CPUs per package the power is shared among (the entry's threads, else its
/// cores), at least 1.</param>
/// <param name="FigureSource">The figure's citation and note, e.g. "CodeCarbon (mlco2) (2026). … — TDP as CodeCarbon
/// lists it".</param>
public sealed record CpuPowerModel(
    string CpuModelName, string CatalogId, string CatalogName, double PackagePowerWatts, int LogicalCpus, string FigureSource)
{
    /// <summary>Where <see cref="CpuModelName"/> came from: "cpuinfo", or "declared" when the user named the CPU.</summary>
    public string NameSource { get; init; } = "cpuinfo";

    /// <summary>Watts charged per logical CPU that is busy: package power ÷ logical CPUs.</summary>
    public double WattsPerLogicalCpu => PackagePowerWatts / LogicalCpus;

    /// <summary>One line for provenance: the match, the figure, its source.</summary>
    public string Describe() =>
        $"process-tree CPU time × {WattsPerLogicalCpu.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} W per busy logical CPU " +
        $"({NameSource} '{CpuModelName}' matched catalog '{CatalogId}' ({CatalogName}): " +
        $"{PackagePowerWatts.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} W TDP ÷ {LogicalCpus} logical CPUs; " +
        $"source: {FigureSource})";
}
