using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Tests;

/// <summary>A sysfs tree written into a temporary folder; deleted on dispose.</summary>
internal sealed class FakeSysfs : IDisposable
{
    public FakeSysfs()
    {
        Root = Path.Combine(Path.GetTempPath(), "cradle-sysfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Powercap => Path.Combine(Root, "sys", "class", "powercap");

    /// <summary>Writes <paramref name="text"/> and a newline, as sysfs does, at a path relative to the root.</summary>
    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n");
    }

    /// <summary>A RAPL zone with its name, counter and range.</summary>
    public void Zone(string id, string name, ulong energyUj, ulong maxRangeUj = 262_143_328_850)
    {
        Write($"sys/class/powercap/{id}/name", name);
        Write($"sys/class/powercap/{id}/energy_uj", energyUj.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Write($"sys/class/powercap/{id}/max_energy_range_uj",
            maxRangeUj.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Energy(string id, ulong energyUj) =>
        Write($"sys/class/powercap/{id}/energy_uj", energyUj.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>
/// Reads real files but fails with EACCES for paths ending in <see cref="DeniedSuffix"/>. Tests run as root, for whom
/// file modes do not stop reads, so permission denial is simulated at the reader seam (what .NET throws for EACCES).
/// </summary>
internal sealed class DenyingReader(string deniedSuffix) : ISysfsReader
{
    public string DeniedSuffix { get; } = deniedSuffix;

    public string ReadAllText(string path) => path.EndsWith(DeniedSuffix, StringComparison.Ordinal)
        ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
        : File.ReadAllText(path);
}
