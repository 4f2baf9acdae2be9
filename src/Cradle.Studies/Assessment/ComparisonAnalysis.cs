using Cradle.Core.Engine;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>One pair of alternatives compared on the same draws: the distribution of A − B and P(A &lt; B), per category.</summary>
/// <param name="A">The first alternative's label.</param>
/// <param name="B">The second alternative's label.</param>
/// <param name="Difference">Per category: statistics of A − B per functional unit.</param>
/// <param name="ProbabilityALower">Per category: the share of draws in which A's total is below B's.</param>
public sealed record PairComparison(string A, string B, IReadOnlyList<SampleStatistics> Difference, IReadOnlyList<double> ProbabilityALower);

/// <summary>The comparison of alternatives that deliver one functional unit.</summary>
/// <param name="FunctionalUnit">The shared functional unit, as written.</param>
/// <param name="Labels">The alternatives.</param>
/// <param name="Categories">The categories compared.</param>
/// <param name="Totals">Per alternative, per category: the deterministic total.</param>
/// <param name="Uncertainty">Per alternative: its Monte Carlo summary.</param>
/// <param name="Pairs">Every pair, in order.</param>
/// <param name="Iterations">Monte Carlo iterations.</param>
/// <param name="Seed">The seed.</param>
public sealed record ComparisonResult(
    string FunctionalUnit, IReadOnlyList<string> Labels, IReadOnlyList<CategoryInfo> Categories, IReadOnlyList<IReadOnlyList<double>> Totals,
    IReadOnlyList<UncertaintyAssessment> Uncertainty, IReadOnlyList<PairComparison> Pairs, int Iterations, ulong Seed)
{
    /// <summary>Quantities the alternatives take from different sources.</summary>
    public IReadOnlyList<ConsistencyNote> Consistency { get; init; } = [];

    /// <summary>
    /// How the alternatives' functional units differ, when the user accepted the difference (empty otherwise: they agree).
    /// </summary>
    public IReadOnlyList<string> FunctionalUnitDifferences { get; init; } = [];

    /// <summary>Why the user accepted different functional units (--accept-different-functional-units), or null.</summary>
    public string? FunctionalUnitReason { get; init; }

    /// <summary>
    /// The basis the alternatives report carbon on ("location-based", "market-based"), when they agree; null when no
    /// greenhouse-gas category is assessed or the user accepted different bases.
    /// </summary>
    public string? CarbonBasis { get; init; }

    /// <summary>How the alternatives' carbon bases differ, when the user accepted the difference (empty otherwise).</summary>
    public IReadOnlyList<string> CarbonBasisDifferences { get; init; } = [];

    /// <summary>Why the user accepted different carbon bases (--accept-different-carbon-bases), or null.</summary>
    public string? CarbonBasisReason { get; init; }

    /// <summary>
    /// Other-basis carbon rows (gwp100-market, gwp100-location) some alternatives show and others do not: left out of
    /// the comparison, since not every alternative has a figure for them.
    /// </summary>
    public IReadOnlyList<string> RowsNotCompared { get; init; } = [];
}

/// <summary>What the user accepted in a comparison, each with their reason; null where nothing was accepted.</summary>
/// <param name="DifferentFunctionalUnits">Why alternatives with different functional units may be compared.</param>
/// <param name="DifferentCarbonBases">Why alternatives reported on different carbon bases may be compared.</param>
public sealed record ComparisonAcceptance(string? DifferentFunctionalUnits, string? DifferentCarbonBases);

/// <summary>
/// Compares alternatives on one functional unit with common random numbers: every alternative is sampled with the same
/// seed, so a parameter they share (by name) takes the same value in the same draw, and P(A &lt; B) reflects only how
/// they differ.
/// </summary>
public static class ComparisonAnalysis
{
    /// <summary>Compares <paramref name="candidates"/>; throws <see cref="StudyException"/> if their functional units or categories differ.</summary>
    public static ComparisonResult Compare(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, MonteCarloOptions options) =>
        Compare(candidates, options, new ComparisonAcceptance(null, null));

    /// <summary>
    /// Compares <paramref name="candidates"/>; throws <see cref="StudyException"/> if their categories differ, or their
    /// functional units differ and <paramref name="acceptDifferentFunctionalUnits"/> (the user's reason) is null.
    /// </summary>
    public static ComparisonResult Compare(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, MonteCarloOptions options, string? acceptDifferentFunctionalUnits) =>
        Compare(candidates, options, new ComparisonAcceptance(acceptDifferentFunctionalUnits, null));

    /// <summary>
    /// Compares <paramref name="candidates"/>; throws <see cref="StudyException"/> if their categories differ, or their
    /// functional units or carbon bases differ and <paramref name="accepted"/> gives no reason for it.
    /// </summary>
    public static ComparisonResult Compare(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, MonteCarloOptions options, ComparisonAcceptance accepted)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(accepted);
        var (differences, bases) = RequireComparable(candidates, accepted);
        return Compare(candidates, [.. candidates.Select(c => UncertaintyAnalysis.Sample(c.Compiled, options))], options, accepted, null) with
        {
            FunctionalUnitDifferences = differences,
            FunctionalUnitReason = accepted.DifferentFunctionalUnits?.Trim(),
            CarbonBasisDifferences = bases,
            CarbonBasisReason = accepted.DifferentCarbonBases?.Trim(),
        };
    }

    /// <summary>
    /// Compares <paramref name="candidates"/> on draws already made, one run per candidate with the same
    /// <paramref name="options"/> (as <c>assess --mc</c> has them), so nothing is sampled twice.
    /// </summary>
    public static ComparisonResult Compare(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, IReadOnlyList<MonteCarloResult> runs, MonteCarloOptions options) =>
        Compare(candidates, runs, options, new ComparisonAcceptance(null, null), null);

    /// <summary>
    /// Compares on draws already made and summarised (<paramref name="summaries"/>: one per candidate, from
    /// <see cref="UncertaintyAnalysis.Summarise"/> of its run), so no sample is summarised twice.
    /// </summary>
    public static ComparisonResult Compare(
        IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, IReadOnlyList<MonteCarloResult> runs, IReadOnlyList<UncertaintyAssessment> summaries, MonteCarloOptions options) =>
        Compare(candidates, runs, options, new ComparisonAcceptance(null, null), summaries);

    private static ComparisonResult Compare(
        IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, IReadOnlyList<MonteCarloResult> runs, MonteCarloOptions options, ComparisonAcceptance accepted,
        IReadOnlyList<UncertaintyAssessment>? summaries)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(options);
        var (_, bases) = RequireComparable(candidates, accepted);
        if (runs.Count != candidates.Count)
        {
            throw new ArgumentException($"{runs.Count} Monte Carlo runs for {candidates.Count} candidates.", nameof(runs));
        }
        var method = candidates[0].Compiled.Method;
        // Only the rows every alternative has are compared: an other-basis carbon row (gwp100-market) one alternative
        // shows and another does not is left out, and listed as such.
        var compared = method.Categories.Where(c => candidates.All(x => x.Compiled.Method.Categories.Any(o => o.Id == c.Id))).ToList();
        var rows = candidates.Select(x => compared.Select(c => x.Compiled.Method.Categories.ToList().FindIndex(o => o.Id == c.Id)).ToArray()).ToList();
        var totals = candidates.Select((c, i) => (IReadOnlyList<double>)Pick(LcaCalculator.Calculate(c.Compiled.System, c.Compiled.Method, c.Compiled.Demand, c.Compiled.Values).Impacts, rows[i])).ToList();
        var pairs = new List<PairComparison>();
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var j = i + 1; j < candidates.Count; j++)
            {
                var differences = new List<SampleStatistics>();
                var lower = new List<double>();
                for (var k = 0; k < compared.Count; k++)
                {
                    var a = runs[i].Impacts[0][rows[i][k]];
                    var b = runs[j].Impacts[0][rows[j][k]];
                    var difference = new double[a.Length];
                    var below = 0;
                    for (var n = 0; n < a.Length; n++)
                    {
                        difference[n] = a[n] - b[n];
                        below += a[n] < b[n] ? 1 : 0;
                    }
                    differences.Add(SampleStatistics.Of(difference));
                    lower.Add((double)below / a.Length);
                }
                pairs.Add(new PairComparison(candidates[i].Label, candidates[j].Label, differences, lower));
            }
        }
        return new ComparisonResult(candidates[0].Compiled.Study.FunctionalUnit.Amount.Text, candidates.Select(c => c.Label).ToList(),
            compared.Select(c => new CategoryInfo(c.Id, c.Name, c.Unit.Symbol)).ToList(), totals,
            candidates.Select((c, i) => Pick(summaries?[i] ?? UncertaintyAnalysis.Summarise(c.Compiled, runs[i]), rows[i])).ToList(), pairs, options.Iterations, options.Seed)
        {
            RowsNotCompared = [.. candidates.SelectMany(x => x.Compiled.Method.Categories.Select(c => c.Id)).Distinct(StringComparer.Ordinal)
                .Where(id => compared.All(c => c.Id != id))],
            Consistency = ConsistencyCheck.Check(candidates),
            CarbonBasis = bases.Count == 0 ? CarbonBasisCheck.Of(candidates[0].Compiled) : null,
        };
    }

    private static (IReadOnlyList<string> FunctionalUnits, IReadOnlyList<string> CarbonBases) RequireComparable(
        IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, ComparisonAcceptance accepted)
    {
        if (candidates.Count < 2)
        {
            var problems = new ProblemList();
            // One study without alternatives: the place is the study itself (there is no 'alternatives' line to point at).
            var where = candidates.Count == 1 ? new SourceLocation(candidates[0].Compiled.Study.File, 1, 1) : null;
            problems.Error("nothing-to-compare", where, "alternatives", "a comparison needs at least two alternatives: give several study files, or a study with 'alternatives'.");
            problems.ThrowIfErrors();
        }
        var differences = FunctionalUnitCheck.Require(candidates, accepted.DifferentFunctionalUnits);
        var bases = CarbonBasisCheck.Require(candidates, accepted.DifferentCarbonBases);
        RequireSameCategories(candidates);
        return (differences, bases);
    }

    private static List<double> Pick(IReadOnlyList<double> values, int[] rows) => [.. rows.Select(k => values[k])];

    private static UncertaintyAssessment Pick(UncertaintyAssessment u, int[] rows) =>
        u with
        {
            Totals = [.. rows.Select(k => u.Totals[k])],
            Stages = [.. u.Stages.Select(s => (s.Stage, (IReadOnlyList<SampleStatistics>)[.. rows.Select(k => s.Values[k])]))],
            Histograms = u.Histograms.Count == 0 ? [] : [.. rows.Select(k => u.Histograms[k])],
        };

    /// <summary>The assessed categories without the other-basis carbon rows, which depend on the figures each study has.</summary>
    private static List<string> AssessedIds(CompiledStudy compiled)
    {
        var otherRows = CarbonBasis.Indicators.SelectMany(i => CarbonBasis.All.Select(b => CarbonBasis.RowId(i, b))).ToHashSet(StringComparer.Ordinal);
        return [.. compiled.Method.Categories.Select(c => c.Id).Where(id => !otherRows.Contains(id))];
    }

    private static void RequireSameCategories(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates)
    {
        var first = AssessedIds(candidates[0].Compiled);
        var problems = new ProblemList();
        foreach (var (label, compiled) in candidates.Skip(1))
        {
            var ids = AssessedIds(compiled);
            if (!ids.SequenceEqual(first))
            {
                problems.Error("category-mismatch", null, "impact_categories",
                    $"'{candidates[0].Label}' assesses [{string.Join(", ", first)}] but '{label}' assesses [{string.Join(", ", ids)}]; list the same impact_categories in both.");
            }
        }
        problems.ThrowIfErrors();
    }
}
