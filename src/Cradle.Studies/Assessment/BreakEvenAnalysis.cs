using Cradle.Core.Engine;
using Cradle.Core.Interpretation;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>The per-functional-unit cost at one lifetime: the deterministic value and, with Monte Carlo, its band.</summary>
/// <param name="Lifetime">Lifetime requests.</param>
/// <param name="Values">Per category: the deterministic cost per functional unit.</param>
/// <param name="Bands">Per category: statistics over the draws, or null without Monte Carlo.</param>
public sealed record LifetimePoint(double Lifetime, IReadOnlyList<double> Values, IReadOnlyList<SampleStatistics>? Bands);

/// <summary>Amortisation and break-even of one alternative.</summary>
/// <param name="Alternative">The alternative, or null.</param>
/// <param name="Categories">The categories.</param>
/// <param name="Curve">The per-functional-unit cost over lifetimes (the position paper's Figure 2b).</param>
/// <param name="BreakEven">Per category: the lifetime at which cumulative inference equals experimentation + training (null: never).</param>
/// <param name="BreakEvenBands">Per category: its statistics over the draws (draws where it never comes are left out), or null.</param>
/// <param name="EmbodiedShare">The share asked about.</param>
/// <param name="EmbodiedBelow">Per category: the lifetime from which embodied impacts are below that share (0: at every lifetime; null: never).</param>
/// <param name="Iterations">Monte Carlo iterations (0: none).</param>
public sealed record BreakEvenResult(
    string? Alternative, IReadOnlyList<CategoryInfo> Categories, IReadOnlyList<LifetimePoint> Curve, IReadOnlyList<double?> BreakEven,
    IReadOnlyList<SampleStatistics?>? BreakEvenBands, double EmbodiedShare, IReadOnlyList<double?> EmbodiedBelow, int Iterations)
{
    /// <summary>
    /// Per category: whether a development stage's declared footprint does not give it, so that development's zero,
    /// and the break-even "never" it implies, is a gap, not a finding (empty: none is).
    /// </summary>
    public IReadOnlyList<bool> DevelopmentNotCovered { get; init; } = [];
}

/// <summary>
/// How the cost of one functional unit depends on how many requests the model serves in its life: c(N) = i + D ÷ N per
/// request, with i the inference cost per request (energy and serving hardware) and D experimentation + training;
/// the break-even N* = D ÷ i; and the lifetime from which embodied impacts (serving hardware, plus the development
/// hardware amortised over N) fall below a share x of the total.
/// </summary>
public static class BreakEvenAnalysis
{
    /// <summary>Lifetimes 10⁶ … 10¹³ requests, one per decade.</summary>
    public static IReadOnlyList<double> DefaultLifetimes { get; } = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13];

    /// <summary>Runs the analysis; <paramref name="monteCarlo"/> null gives deterministic results only.</summary>
    public static BreakEvenResult Run(CompiledStudy compiled, IReadOnlyList<double> lifetimes, double embodiedShare, MonteCarloOptions? monteCarlo)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        RequirePerRequest(compiled);
        return RunOnDraws(compiled, lifetimes, embodiedShare, monteCarlo is null ? null : UncertaintyAnalysis.Sample(compiled, monteCarlo, TrackedSlots(compiled)));
    }

    /// <summary>
    /// The parameter slots a Monte Carlo run must track for <see cref="RunOnDraws"/>:
    /// the lifetime, which the draws of inference per request are recovered with. Empty when the study is not per request.
    /// </summary>
    public static IReadOnlyList<int> TrackedSlots(CompiledStudy compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        return compiled.PerRequest && compiled.TrainedModelProduct is not null
            ? [compiled.System.Parameters.Find("inference.lifetime_requests")!.Slot]
            : [];
    }

    /// <summary>
    /// Runs the analysis on draws already made (<paramref name="run"/>, sampled with <see cref="TrackedSlots"/>), so
    /// that <c>assess --mc</c> samples each alternative once; null gives deterministic results only. With
    /// <paramref name="terms"/> (the assessment's equation (1), already computed), its marginal inference, amortised
    /// embodied and development total are used rather than computed again, so the curve and the equation agree.
    /// </summary>
    public static BreakEvenResult RunOnDraws(
        CompiledStudy compiled, IReadOnlyList<double> lifetimes, double embodiedShare, MonteCarloResult? run, EquationOneTerms? terms = null)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(lifetimes);
        RequirePerRequest(compiled);
        var categories = compiled.Method.Categories;
        var requests = compiled.Demand.Amount;
        var matrices = MatrixSet.Evaluate(compiled.System, compiled.Values);
        var development = LcaCalculator.Calculate(compiled.System, compiled.Method, new Demand(compiled.TrainedModelProduct!, 1), matrices);
        var developmentEmbodied = development.StageContributions()
            .Where(s => s.Stage is Definition.StageKinds.HardwareManufacture or Definition.StageKinds.EndOfLife)
            .Aggregate(new double[categories.Count], (sum, s) => sum.Zip(s.Values, (a, b) => a + b).ToArray());
        double[] marginal, servingEmbodied, total;
        if (terms is not null)
        {
            marginal = terms.MarginalInference.Select(v => v / requests).ToArray();
            servingEmbodied = terms.AmortisedEmbodied.Select(v => v / requests).ToArray();
            total = [.. terms.DevelopmentTotal];
        }
        else
        {
            var parts = ServingParts.Of(compiled, matrices);
            double Part(string? product, int k) => product is null ? 0 : parts.FirstOrDefault(p => p.InputProductId == product)?.Impacts[k] ?? 0;
            marginal = categories.Select((_, k) => (Part(compiled.InferenceEnergyProduct, k) + Part(compiled.InferenceIdleProduct, k) + Part(null, k)
                + compiled.InferenceMarginalProducts.Sum(p => Part(p, k)) + ServingParts.Marginal(compiled).Sum(p => Part(p, k))) / requests).ToArray();
            servingEmbodied = categories.Select((_, k) => (Part(compiled.InferenceHardwareProduct, k)
                + compiled.InferenceEmbodiedProducts.Sum(p => Part(p, k)) + ServingParts.Embodied(compiled).Sum(p => Part(p, k))) / requests).ToArray();
            total = development.Impacts.ToArray();
        }
        var inference = marginal.Zip(servingEmbodied, (m, e) => m + e).ToArray();

        double[][]? inferenceDraws = null;
        if (run is not null)
        {
            var lifetimeDraws = run.Tracked[TrackedSlots(compiled)[0]];
            // Per draw, inference per request = (cost of the functional unit − its share of development) ÷ requests.
            inferenceDraws = categories.Select((_, k) => Enumerable.Range(0, run.Iterations)
                .Select(s => (run.Impacts[0][k][s] - (requests * run.Impacts[1][k][s] / lifetimeDraws[s])) / requests).ToArray()).ToArray();
        }

        // One buffer serves every point of the curve: a summary copies what it needs.
        var buffer = run is null ? [] : new double[run.Iterations];
        var curve = lifetimes.Select(n => new LifetimePoint(n,
            categories.Select((_, k) => requests * Amortisation.PerInference(inference[k], total[k], n)).ToList(),
            run is null ? null : categories.Select((_, k) => AtLifetime(inferenceDraws![k], run.Impacts[1][k], requests, n, buffer)).ToList())).ToList();
        var breakEven = categories.Select((_, k) => Amortisation.BreakEven(inference[k], total[k])).ToList();
        var breakEvenBands = run is null ? null : categories.Select((_, k) =>
        {
            var draws = Enumerable.Range(0, run.Iterations).Select(s => Amortisation.BreakEven(inferenceDraws![k][s], run.Impacts[1][k][s]))
                .OfType<double>().ToArray();
            return draws.Length == 0 ? null : SampleStatistics.Of(draws);
        }).ToList();
        var embodiedBelow = categories.Select((_, k) =>
            EmbodiedBelow(marginal[k], servingEmbodied[k], total[k], developmentEmbodied[k], embodiedShare)).ToList();
        return new BreakEvenResult(compiled.Alternative?.Id, categories.Select(c => new CategoryInfo(c.Id, c.Name, c.Unit.Symbol)).ToList(),
            curve, breakEven, breakEvenBands, embodiedShare, embodiedBelow, run?.Iterations ?? 0)
        {
            DevelopmentNotCovered = categories.Select((c, k) => total[k] == 0 && compiled.NotCovered.Any(n => n.Stage is not null && n.Id == c.Id)).ToList(),
        };
    }

    private static void RequirePerRequest(CompiledStudy compiled)
    {
        if (!compiled.PerRequest || compiled.TrainedModelProduct is null)
        {
            var problems = new ProblemList();
            problems.Error("not-per-request", compiled.Study.FunctionalUnit.Amount.Location, "functional_unit",
                "break-even needs a functional unit of requests and development stages that make the model.");
            problems.ThrowIfErrors();
        }
    }

    /// <summary>
    /// Per request, embodied(N) = e + Ed/N and total(N) = m + e + D/N: the share moves from Ed/D (tiny lifetimes) to
    /// e/(m + e) (endless ones) and equals x at N = (Ed − x·D) / (x·(m + e) − e). Null when the share does not stay below x
    /// as lifetime grows (its limit e/(m + e) is at least x); 0 when it is below x at every lifetime.
    /// </summary>
    public static double? EmbodiedBelow(double marginal, double servingEmbodied, double development, double developmentEmbodied, double share)
    {
        var denominator = (share * (marginal + servingEmbodied)) - servingEmbodied;
        var numerator = developmentEmbodied - (share * development);
        if (denominator <= 0)
        {
            return null;
        }
        return numerator <= 0 ? 0 : numerator / denominator;
    }

    /// <summary>Statistics, over the draws, of the impact per <paramref name="requests"/> at a lifetime of <paramref name="n"/> requests.</summary>
    private static SampleStatistics AtLifetime(double[] inference, double[] development, double requests, double n, double[] buffer)
    {
        for (var s = 0; s < buffer.Length; s++)
        {
            buffer[s] = requests * (inference[s] + (development[s] / n));
        }
        return SampleStatistics.Of(buffer);
    }
}
