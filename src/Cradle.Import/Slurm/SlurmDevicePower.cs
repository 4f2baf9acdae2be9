using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Core.Units;

namespace Cradle.Import.Slurm;

/// <summary>A catalog device with its rated power per unit (per GPU, or per logical CPU).</summary>
/// <param name="Id">Catalog id.</param>
/// <param name="Name">Catalog name.</param>
/// <param name="WattsPerUnit">Rated power per allocated unit, W, &gt; 0.</param>
/// <param name="How">How it was chosen and where the figure comes from, for the sensor's description.</param>
internal sealed record SlurmDevicePower(string Id, string Name, double WattsPerUnit, string How);

/// <summary>
/// Finds the catalog device behind an allocation: a gres type ("a100", "l40s") by the mapping the user gave, else by
/// the catalog's ids and aliases; a CPU by the id the user gave (sacct never names the CPU model). Never a generic
/// figure for a device it cannot find.
/// </summary>
internal sealed class SlurmDevicePowers(ReferenceCatalog catalog, IReadOnlyDictionary<string, string> gpuMap, string? cpuId)
{
    private static readonly string[] Accelerators = [CatalogKinds.Accelerator];
    private static readonly string[] Cpus = [CatalogKinds.Cpu];

    /// <summary>The device for GPUs of gres type <paramref name="type"/> ("" for untyped); null with the reason.</summary>
    public SlurmDevicePower? Gpu(string type, out string? why)
    {
        why = null;
        var label = type.Length == 0 ? "gres/gpu (no type)" : $"gres/gpu:{type}";
        CatalogEntry? entry;
        string how;
        if (gpuMap.TryGetValue(type, out var mapped))
        {
            entry = catalog.Find(mapped, Accelerators);
            how = type.Length == 0 ? $"{label} given as {mapped} with --gpu" : $"{label} mapped to {mapped} with --gpu {type}={mapped}";
        }
        else if (type.Length > 0 && catalog.Find(type, Accelerators) is { } found)
        {
            entry = found;
            how = $"gres type '{type}' read as the catalog's {found.Id} (its id or an alias; map it with --gpu {type}=ID if the cluster's type means another model)";
        }
        else
        {
            var suggestions = type.Length > 0 ? catalog.Suggest(type, Accelerators) : [];
            var near = suggestions.Count > 0 ? $" (closest: {string.Join(", ", suggestions)})" : "";
            why = type.Length == 0
                ? "GPUs of no stated type (gres/gpu without gres/gpu:TYPE): the model is unknown; name it with --gpu ID (a catalog accelerator)"
                : $"GPU type '{type}' ({label}) is not a catalog accelerator{near}; map it with --gpu {type}=ID";
            return null;
        }
        if (entry is null)
        {
            why = $"'{mapped}' is not a catalog accelerator";
            return null;
        }
        return Power(entry, 1, how, out why);
    }

    /// <summary>The CPU named with --cpu, per logical CPU; null with the reason when none was named.</summary>
    public SlurmDevicePower? Cpu(out string? why)
    {
        why = null;
        if (cpuId is null)
        {
            why = "sacct does not record the CPU model; name it with --cpu ID (a catalog CPU) to model CPU energy";
            return null;
        }
        if (catalog.Find(cpuId, Cpus) is not { } entry)
        {
            why = $"'{cpuId}' is not a catalog CPU";
            return null;
        }
        var threads = Count(entry, "threads") ?? Count(entry, "cores");
        if (threads is null)
        {
            why = $"catalog CPU {entry.Id} gives neither threads nor cores, so its power cannot be shared per allocated CPU";
            return null;
        }
        return Power(entry, threads.Value, $"--cpu {cpuId}: power shared over its {threads} logical CPUs", out why);
    }

    private static SlurmDevicePower? Power(CatalogEntry entry, int units, string how, out string? why)
    {
        why = null;
        if (entry.Figure("power") is not { } figure || figure.Default.Value.Dimension != Dimension.Power)
        {
            why = $"catalog entry {entry.Id} has no power figure in W";
            return null;
        }
        var estimate = figure.Default;
        var citation = $"catalog source {estimate.Source}, {estimate.Year}";
        var watts = estimate.Value.BaseValue;
        return new SlurmDevicePower(entry.Id, entry.Name, watts / units,
            $"{how}; {entry.Name} rated {watts.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} W ({citation})");
    }

    private static int? Count(CatalogEntry entry, string attribute) =>
        entry.Attributes.TryGetValue(attribute, out var text)
        && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
