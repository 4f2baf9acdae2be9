using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Rapl;

/// <summary>What RAPL discovery found under a sysfs root.</summary>
/// <param name="Zones">Zones to measure: every package zone and every DRAM subzone, each counted once.</param>
/// <param name="Skipped">Zones seen and left out, each with its reason.</param>
/// <param name="UnavailableReason">Why there is no RAPL at all (no powercap tree, no zones); null when zones exist.</param>
public sealed record RaplDiscoveryResult(
    IReadOnlyList<RaplZone> Zones, IReadOnlyList<SkippedRaplZone> Skipped, string? UnavailableReason);

/// <summary>
/// Finds the RAPL zones under <c>&lt;root&gt;/sys/class/powercap</c>. Intel and AMD (Zen, through
/// <c>intel_rapl_msr</c>) both appear as <c>intel-rapl:N</c> package zones with <c>intel-rapl:N:M</c> subzones.
/// Only package and DRAM zones are measured: <c>core</c> and <c>uncore</c> lie inside their package, <c>psys</c>
/// contains the packages, so adding any of them would count energy twice. An <c>intel-rapl-mmio:N</c> zone with the
/// same domain name as an <c>intel-rapl</c> zone is the same hardware domain read through MMIO and is left out.
/// </summary>
public static class RaplDiscovery
{
    private const string MsrPrefix = "intel-rapl:";
    private const string MmioPrefix = "intel-rapl-mmio:";

    /// <summary>The powercap class directory under a sysfs root.</summary>
    public static string PowercapDirectory(string root) => Path.Combine(root, "sys", "class", "powercap");

    /// <summary>Discovers the zones under <paramref name="root"/> (the file-system root, <c>/</c> on a real host).</summary>
    public static RaplDiscoveryResult Discover(string root, ISysfsReader reader)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(reader);
        var powercap = PowercapDirectory(root);
        if (!Directory.Exists(powercap))
        {
            return new RaplDiscoveryResult([], [], $"no powercap tree at {powercap} (not Linux, a VM, or a container "
                + "without /sys mounted): CPU and DRAM energy cannot be measured through RAPL");
        }

        // The class directory lists every zone flat (as links), subzones included, so nested directories are not walked.
        var entries = Directory.EnumerateDirectories(powercap)
            .Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToList();
        var msr = entries.Where(e => e.StartsWith(MsrPrefix, StringComparison.Ordinal)).ToList();
        var mmio = entries.Where(e => e.StartsWith(MmioPrefix, StringComparison.Ordinal)).ToList();

        var zones = new List<RaplZone>();
        var skipped = new List<SkippedRaplZone>();
        var msrNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in msr)
        {
            Classify(powercap, id, MsrPrefix, reader, zones, skipped, msrNames, null);
        }

        foreach (var id in mmio)
        {
            Classify(powercap, id, MmioPrefix, reader, zones, skipped, msrNames, msrNames);
        }

        var reason = zones.Count == 0
            ? $"no RAPL package or DRAM zone under {powercap}" + (skipped.Count > 0 ? " (only skipped zones)" : "")
            : null;
        return new RaplDiscoveryResult(zones, skipped, reason);
    }

    /// <summary>
    /// Sensors for every discovered zone, or one <see cref="UnavailableSensor"/> saying why there is none.
    /// </summary>
    public static IReadOnlyList<ISensor> CreateSensors(string root, ISysfsReader reader, RaplOptions? options = null)
    {
        var found = Discover(root, reader);
        if (found.UnavailableReason is { } reason)
        {
            return [new UnavailableSensor("rapl", SensorKind.CpuPackage, "CPU packages (RAPL)", reason)];
        }

        return [.. found.Zones.Select(z => new RaplZoneSensor(z, reader, PowercapDirectory(root), options ?? new()))];
    }

    private static void Classify(
        string powercap, string id, string prefix, ISysfsReader reader, List<RaplZone> zones,
        List<SkippedRaplZone> skipped, Dictionary<string, string> msrNames, Dictionary<string, string>? duplicatesOf)
    {
        var dir = Path.Combine(powercap, id);
        var name = SysfsText.TryReadLine(reader, Path.Combine(dir, "name"));
        if (name is null)
        {
            skipped.Add(new SkippedRaplZone(id, null, "its 'name' file cannot be read"));
            return;
        }

        var parts = id[prefix.Length..].Split(':');
        var packageId = prefix + parts[0];
        var packageName = parts.Length == 1
            ? name
            : SysfsText.TryReadLine(reader, Path.Combine(powercap, packageId, "name")) ?? packageId;
        // Subzone names repeat across packages ("dram" under each), so duplicates are keyed by package and name.
        var key = packageName + "/" + name;

        if (duplicatesOf is not null && duplicatesOf.TryGetValue(key, out var original))
        {
            skipped.Add(new SkippedRaplZone(id, name,
                $"the same domain as {original} read through MMIO; counted once, from {original}"));
            return;
        }

        var isPackage = parts.Length == 1 && name.StartsWith("package", StringComparison.Ordinal);
        if (isPackage || (parts.Length > 1 && name == "dram"))
        {
            zones.Add(new RaplZone(id, dir, name, packageName));
            msrNames[key] = id;
            return;
        }

        var why = name switch
        {
            "core" or "uncore" => $"'{name}' is part of its package zone, which is measured",
            "psys" => "'psys' (platform) contains the packages and more; measuring both would count them twice",
            _ => $"domain '{name}' is not a package or DRAM zone",
        };
        skipped.Add(new SkippedRaplZone(id, name, why));
    }
}
