using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>
/// How many bytes the sampling analyses hold for a study, so that a caller can refuse a size that cannot fit before
/// anything is allocated. These are estimates of the arrays that grow with the sample size (8 bytes a value), written
/// from the allocations of <see cref="UncertaintyAnalysis"/>, <see cref="BreakEvenAnalysis"/>,
/// <see cref="ComparisonAnalysis"/> and <see cref="SensitivityAnalysis"/>; fixed-size work areas are left out.
/// </summary>
public static class SamplingMemory
{
    private const long Value = sizeof(double);

    /// <summary>
    /// Bytes per Monte Carlo iteration for all of <paramref name="alternatives"/> sampled at once and summarised as
    /// <c>assess --mc</c> does (an upper estimate for <c>compare</c> and <c>breakeven</c>, which do less). Per alternative:
    /// each category's impact for each demand and each stage, and the tracked lifetime, which are kept; the sorted copies
    /// behind percentiles and histograms; for a per-request unit, the break-even's inference per request, its values and
    /// sorted copies at each lifetime, and its band of break-even lifetimes (filtered, grown, then sorted). Then, per pair
    /// of alternatives, each category's differences and their sorted copy. The copies are counted although they are
    /// garbage soon after: large arrays are reclaimed only by full collections, so they can all be alive at the peak.
    /// </summary>
    /// <param name="alternatives">The alternatives sampled.</param>
    /// <param name="energyRows">Whether the energy rows' scaling is kept too (<c>assess</c> does; compare and breakeven do not).</param>
    public static long MonteCarloPerIteration(IReadOnlyCollection<CompiledStudy> alternatives, bool energyRows = false)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        var values = alternatives.Sum(compiled =>
        {
            var categories = (long)compiled.Method.Categories.Count;
            var demands = compiled.PerRequest && compiled.TrainedModelProduct is not null ? 2 : 1;
            var stages = compiled.System.Processes.Select(p => p.Stage).Distinct(StringComparer.Ordinal).Count();
            var tracked = BreakEvenAnalysis.TrackedSlots(compiled).Count;
            // The energy processes' scaling is kept per draw too, and each scope's three figures (and the two totals)
            // are summarised with a sorted copy.
            var energy = energyRows ? EnergyDrawn.TrackedProcesses(compiled).Count + 2 : 0;
            var kept = (categories * (demands + stages)) + tracked + energy;
            var energySummaries = energy;
            var summaries = categories * (1 + stages + 1);
            var breakEven = tracked == 0 ? 0 : categories * (1 + (2 * BreakEvenAnalysis.DefaultLifetimes.Count) + 4);
            return kept + summaries + energySummaries + breakEven;
        });
        var pairs = (long)alternatives.Count * (alternatives.Count - 1) / 2;
        var categoriesCompared = alternatives.Select(c => c.Method.Categories.Count).DefaultIfEmpty(0).Max();
        return Value * (values + (pairs * categoriesCompared * 2));
    }

    /// <summary>
    /// Bytes per Sobol base sample of <see cref="SensitivityAnalysis.Run(CompiledStudy, int, int, ulong)"/>: the two
    /// sample matrices, a column per parameter and per exchange and process for the model, the outputs of each of the
    /// inputs + 2 model evaluations (new arrays each time, counted although each is garbage after the next), and the
    /// estimators' per-sample terms (two per input and category).
    /// </summary>
    public static long SobolPerSample(CompiledStudy compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var inputs = UncertaintyAnalysis.Inputs(compiled).Count;
        var categories = compiled.Method.Categories.Count;
        var model = new VectorisedModel(compiled.System, compiled.Method);
        var workspace = model.CreateWorkspace(1); // one row of each column the model works in
        var columns = model.SlotCount + workspace.Stack.Length + workspace.Technosphere.Length + workspace.Biosphere.Length + workspace.Scaling.Length;
        var outputs = (inputs + 2) * categories * (1 + model.Stages.Count);
        var estimators = categories * (2 + (2 * inputs));
        return Value * ((2 * inputs) + columns + outputs + estimators + 1);
    }

    /// <summary>Bytes per bootstrap resample of the Sobol intervals: a first- and a total-order index per input and category.</summary>
    public static long SobolPerResample(CompiledStudy compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        return Value * 2 * UncertaintyAnalysis.Inputs(compiled).Count * compiled.Method.Categories.Count;
    }
}
