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
    /// Bytes per Monte Carlo iteration for <paramref name="alternatives"/> as <c>assess --mc</c> (with
    /// <paramref name="energyRows"/>) or <c>compare</c> and <c>breakeven</c> (an upper estimate for them) hold them. A
    /// run keeps, per draw, each category's impact for each demand and each stage, the tracked lifetime and, for assess,
    /// the energy processes' scaling. Summarising it adds at most one array of the sample's length (the buckets a
    /// percentile falls in, copied out: usually a few hundredths of it); the break-even adds two (inference per request,
    /// and one buffer every point of the curve and the break-even band reuse) and the energy rows two (the totals).
    /// <c>assess</c> draws the alternatives one after the other and keeps only each run's totals once its results are
    /// made (collecting the rest before the next run from a million draws), so it needs the largest run with its work
    /// arrays plus every alternative's totals; compare and breakeven keep every run. Then, per pair of alternatives,
    /// each category's differences. Arrays that are garbage are counted as alive where no full collection separates
    /// them, since large arrays are reclaimed only by full collections.
    /// </summary>
    /// <param name="alternatives">The alternatives sampled.</param>
    /// <param name="energyRows">Whether this is <c>assess</c>, which keeps the energy rows' scaling too and draws the alternatives one after the other.</param>
    public static long MonteCarloPerIteration(IReadOnlyCollection<CompiledStudy> alternatives, bool energyRows = false)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        var runs = alternatives.Select(compiled =>
        {
            var categories = (long)compiled.Method.Categories.Count;
            var demands = compiled.PerRequest && compiled.TrainedModelProduct is not null ? 2 : 1;
            var stages = compiled.System.Processes.Select(p => p.Stage).Distinct(StringComparer.Ordinal).Count();
            var tracked = BreakEvenAnalysis.TrackedSlots(compiled).Count;
            var energy = energyRows ? EnergyDrawn.TrackedProcesses(compiled).Count : 0;
            var kept = (categories * (demands + stages)) + tracked + energy;
            var work = 1 + (tracked == 0 ? 0 : 2) + (energy == 0 ? 0 : 2);
            return (Run: kept + work, Totals: categories);
        }).ToList();
        var values = energyRows
            ? runs.Select(r => r.Run).DefaultIfEmpty(0).Max() + runs.Sum(r => r.Totals)
            : runs.Sum(r => r.Run);
        var pairs = (long)alternatives.Count * (alternatives.Count - 1) / 2;
        var categoriesCompared = alternatives.Select(c => c.Method.Categories.Count).DefaultIfEmpty(0).Max();
        return Value * (values + (pairs * categoriesCompared));
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
