using Cradle.Core.Engine;
using Cradle.Core.Parameters;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>The share of a category's total that rests on measured, declared and modelled activity data.</summary>
/// <param name="Measured">Share driven by measured activity data.</param>
/// <param name="Declared">Share driven by declared (reported) activity data.</param>
/// <param name="Modelled">Share driven by modelled activity data.</param>
public sealed record ProvenanceShares(double Measured, double Declared, double Modelled);

/// <summary>
/// Data-quality check (ISO 14044 4.5.3): how much of each result rests on measured, declared or modelled data. Every
/// process contribution is attributed to the foreground activity datum that drives it: the energy or device time a
/// stage (or a request) consumes through the chain the process belongs to. The datum's provenance combines its
/// parameters as every computed input does (<see cref="Compilation.ProvenancePropagation"/>): anything modelled makes it
/// modelled; otherwise a measurement scaled by declared factors (a PUE, a count of samples, a share) stays measured.
/// Background factors (grid intensities, embodied figures) are not activity data and do not move the attribution.
/// </summary>
public static class DataQualityCheck
{
    /// <summary>Shares per category, for the result of <paramref name="compiled"/>'s functional unit.</summary>
    public static IReadOnlyList<ProvenanceShares> Shares(CompiledStudy compiled, LcaResult result)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(result);
        var system = compiled.System;
        var n = system.Processes.Count;
        var consumers = Enumerable.Range(0, n).Select(_ => new List<(int Consumer, IReadOnlyList<int> Slots)>()).ToArray();
        foreach (var (consumer, product, amount) in system.Inputs())
        {
            consumers[product].Add((consumer, amount.Slots));
        }
        var origins = Enumerable.Range(0, n).Select(j => OriginOf(j, compiled, consumers, [])).ToArray();
        return Enumerable.Range(0, result.Impacts.Count).Select(k =>
        {
            var total = result.Impacts[k];
            if (total == 0)
            {
                return new ProvenanceShares(double.NaN, double.NaN, double.NaN);
            }
            double Share(DataOrigin origin) => Enumerable.Range(0, n).Where(j => origins[j] == origin).Sum(j => result.ProcessContributions[k, j]) / total;
            return new ProvenanceShares(Share(DataOrigin.Measured), Share(DataOrigin.Declared), Share(DataOrigin.Modelled));
        }).ToList();
    }

    /// <summary>The origin of the activity data above process <paramref name="j"/> (combined over all its consumers).</summary>
    private static DataOrigin OriginOf(int j, CompiledStudy compiled, List<(int Consumer, IReadOnlyList<int> Slots)>[] consumers, HashSet<int> visiting)
    {
        if (!visiting.Add(j) || consumers[j].Count == 0)
        {
            return DataOrigin.Declared; // the functional unit itself (or a loop): no activity datum above it
        }
        var origins = new List<DataOrigin>();
        foreach (var (consumer, slots) in consumers[j])
        {
            origins.Add(IsActivity(compiled.System.Processes[consumer].Id)
                ? Combine(slots.Select(s => compiled.Provenance[compiled.System.Parameters.Parameters[s].Name].Origin))
                : OriginOf(consumer, compiled, consumers, visiting));
        }
        visiting.Remove(j);
        return Combine(origins);
    }

    /// <summary>Stage runs and served requests consume the activity data; everything below them is their supply chain.</summary>
    private static bool IsActivity(string processId) => processId.StartsWith("stage:", StringComparison.Ordinal) || processId == SystemAssembler.ServedRequest;

    private static DataOrigin Combine(IEnumerable<DataOrigin> origins)
    {
        var list = origins.ToList();
        return list.Contains(DataOrigin.Modelled) ? DataOrigin.Modelled
            : list.Contains(DataOrigin.Measured) ? DataOrigin.Measured
            : DataOrigin.Declared;
    }
}
