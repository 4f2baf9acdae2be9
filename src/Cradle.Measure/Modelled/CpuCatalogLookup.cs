using System.Globalization;
using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Core.Units;
using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Modelled;

/// <summary>The outcome of looking a CPU up: a power model, or the reason there is none.</summary>
/// <param name="Model">The power model; null when <paramref name="Reason"/> says why there is none.</param>
/// <param name="Reason">Why no model was found; null when <paramref name="Model"/> is set.</param>
public sealed record CpuLookupResult(CpuPowerModel? Model, string? Reason);

/// <summary>
/// Identifies the CPU from cpuinfo's <c>model name</c> and finds its power in the reference catalog. The kernel's name
/// carries decorations the catalog's aliases may lack (<c>@ 2.40GHz</c>, <c>(R)</c>, <c>CPU</c>, <c>Processor</c>), so
/// a few stripped forms are tried in turn; no generic figure is ever substituted for a missing match.
/// </summary>
public static class CpuCatalogLookup
{
    /// <summary>The first <c>model name</c> of <c>&lt;procRoot&gt;/cpuinfo</c>, or null when there is none (many ARM
    /// kernels write no model name).</summary>
    /// <exception cref="IOException">cpuinfo cannot be read.</exception>
    public static string? ReadModelName(string procRoot, ISysfsReader reader)
    {
        ArgumentNullException.ThrowIfNull(procRoot);
        ArgumentNullException.ThrowIfNull(reader);
        foreach (var line in reader.ReadAllText(Path.Combine(procRoot, "cpuinfo")).Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == "model name")
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    /// <summary>Finds <paramref name="cpuModelName"/> among the catalog's CPUs and reads its power figure.</summary>
    public static CpuLookupResult Find(string cpuModelName, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(cpuModelName);
        ArgumentNullException.ThrowIfNull(catalog);
        var kinds = new[] { CatalogKinds.Cpu };
        var entry = Candidates(cpuModelName).Select(c => catalog.Find(c, kinds)).FirstOrDefault(e => e is not null);
        if (entry is null)
        {
            var candidates = Candidates(cpuModelName);
            var closest = catalog.Suggest(candidates[^1], kinds);
            // A generic model name ("AMD EPYC" in many VMs) has no close entry: say so rather than list nothing.
            var near = closest.Count > 0 ? $"closest: {string.Join(", ", closest)}" : "no catalog CPU has a close name";
            return new CpuLookupResult(null,
                $"CPU '{cpuModelName}' is not in the reference catalog ({near}); name it with --cpu or " +
                "add it with a cited power figure in a user catalog file");
        }

        if (entry.Figure("power") is not { } figure || figure.Default.Value.Dimension != Dimension.Power)
        {
            return new CpuLookupResult(null, $"catalog entry '{entry.Id}' has no power figure in watts");
        }

        var logical = Count(entry, "threads") ?? Count(entry, "cores");
        if (logical is null)
        {
            return new CpuLookupResult(null, $"catalog entry '{entry.Id}' gives neither threads nor cores");
        }

        var estimate = figure.Default;
        var citation = catalog.Sources.TryGetValue(estimate.Source, out var source) ? source.Citation() : estimate.Source;
        var figureSource = estimate.Note is null ? citation : $"{citation} — {estimate.Note}";
        return new CpuLookupResult(
            new CpuPowerModel(cpuModelName, entry.Id, entry.Name, estimate.Value.BaseValue, logical.Value, figureSource), null);
    }

    /// <summary>The name as written, then without the clock suffix, then without trademarks and generic words.</summary>
    internal static IReadOnlyList<string> Candidates(string name)
    {
        var at = name.IndexOf('@', StringComparison.Ordinal);
        var noClock = (at < 0 ? name : name[..at]).Trim();
        var plain = noClock.Replace("(R)", "", StringComparison.OrdinalIgnoreCase)
            .Replace("(TM)", "", StringComparison.OrdinalIgnoreCase);
        var words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("CPU" or "Processor") && !w.EndsWith("-Core", StringComparison.Ordinal));
        return new[] { name, noClock, plain, string.Join(' ', words) }.Distinct(StringComparer.Ordinal).ToList();
    }

    private static int? Count(CatalogEntry entry, string attribute) =>
        entry.Attributes.TryGetValue(attribute, out var text)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
