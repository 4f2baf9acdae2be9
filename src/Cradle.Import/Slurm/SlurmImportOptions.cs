using Cradle.Catalog;

namespace Cradle.Import.Slurm;

/// <summary>How to read sacct output and how to model energy where the cluster measured none.</summary>
/// <param name="Catalog">The reference catalog the GPU and CPU powers come from.</param>
public sealed record SlurmImportOptions(ReferenceCatalog Catalog)
{
    /// <summary>Green Algorithms' default usage factor (Lannelongue, Grealey and Inouye 2021, "Green Algorithms:
    /// Quantifying the Carbon Footprint of Computation", Adv. Sci. 8, 2100707): allocated devices draw their rated
    /// power the whole time. An upper bound: sacct records allocation, not utilisation.</summary>
    public const double DefaultUtilisation = 1.0;

    /// <summary>The field separator, as given to <c>sacct --delimiter</c>; "|" by default.</summary>
    public string Delimiter { get; init; } = "|";

    /// <summary>The fields of output written with <c>--noheader</c>, as given to <c>sacct --format</c>; a file with a
    /// header line uses its header. Null: every file must have its header.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>The time zone sacct printed its times in (it writes local times without a zone); UTC by default,
    /// and the summary says so.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Catalog accelerator id by gres type ("a100" → "nvidia-a100-sxm4-80gb"; the key "" for GPUs of no
    /// stated type).</summary>
    public IReadOnlyDictionary<string, string> GpuDevices { get; init; } = new Dictionary<string, string>();

    /// <summary>The catalog CPU of the cluster's nodes, to model CPU energy; null: CPU energy is unavailable.</summary>
    public string? CpuDevice { get; init; }

    /// <summary>Fraction of rated GPU power drawn while allocated, in (0, 1]; <see cref="DefaultUtilisation"/>.</summary>
    public double GpuUtilisation { get; init; } = DefaultUtilisation;

    /// <summary>Fraction of rated CPU power drawn while allocated, in (0, 1]; <see cref="DefaultUtilisation"/>.</summary>
    public double CpuUtilisation { get; init; } = DefaultUtilisation;

    /// <summary>The energy-accounting plugin of the cluster (e.g. "acct_gather_energy/rapl"), when the user knows it;
    /// sacct output does not say.</summary>
    public string? EnergyPlugin { get; init; }

    /// <summary>The catalog site the runs are assessed for; null for none.</summary>
    public string? SiteId { get; init; }
}
