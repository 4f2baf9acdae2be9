namespace Cradle.Measure.Rapl;

/// <summary>One powercap RAPL zone chosen for measurement.</summary>
/// <param name="ZoneId">The zone's directory name, e.g. <c>intel-rapl:0</c> or <c>intel-rapl:0:2</c>.</param>
/// <param name="Directory">Full path of the zone directory.</param>
/// <param name="DomainName">Contents of the zone's <c>name</c> file, e.g. <c>package-0</c>, <c>dram</c>.</param>
/// <param name="PackageDomainName">The package this zone belongs to (its own name for a package zone).</param>
public sealed record RaplZone(string ZoneId, string Directory, string DomainName, string PackageDomainName)
{
    /// <summary>True for a package (socket or die) zone, false for a DRAM subzone.</summary>
    public bool IsPackage => DomainName.StartsWith("package", StringComparison.Ordinal);
}

/// <summary>A zone found but not measured, and why (subset of a measured zone, duplicate, superset…).</summary>
/// <param name="ZoneId">The zone's directory name.</param>
/// <param name="DomainName">Its <c>name</c>, or null when unreadable.</param>
/// <param name="Reason">Why it is not measured.</param>
public sealed record SkippedRaplZone(string ZoneId, string? DomainName, string Reason);
