using Cradle.Core.Engine;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;
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
}

/// <summary>
/// Compares alternatives on one functional unit with common random numbers: every alternative is sampled with the same
/// seed, so a parameter they share (by name) takes the same value in the same draw, and P(A &lt; B) reflects only how
/// they differ.
/// </summary>
public static class ComparisonAnalysis
{
    /// <summary>Compares <paramref name="candidates"/>; throws <see cref="StudyException"/> if their functional units or categories differ.</summary>
    public static ComparisonResult Compare(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, MonteCarloOptions options) =>
        Compare(candidates, options, null);

    /// <summary>
    /// Compares <paramref name="candidates"/>; throws <see cref="StudyException"/> if their categories differ, or their
    /// functional units differ and <paramref name="acceptDifferentFunctionalUnits"/> (the user's reason) is null.
    /// </summary>
    public static ComparisonResult Compare(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, MonteCarloOptions options, string? acceptDifferentFunctionalUnits)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(options);
        var differences = RequireComparable(candidates, acceptDifferentFunctionalUnits);
        return Compare(candidates, [.. candidates.Select(c => UncertaintyAnalysis.Sample(c.Compiled, options))], options, acceptDifferentFunctionalUnits) with
        {
            FunctionalUnitDifferences = differences,
            FunctionalUnitReason = acceptDifferentFunctionalUnits?.Trim(),
        };
    }

    /// <summary>
    /// Compares <paramref name="candidates"/> on draws already made, one run per candidate with the same
    /// <paramref name="options"/> (as <c>assess --mc</c> has them), so nothing is sampled twice.
    /// </summary>
    public static ComparisonResult Compare(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, IReadOnlyList<MonteCarloResult> runs, MonteCarloOptions options) =>
        Compare(candidates, runs, options, null);

    private static ComparisonResult Compare(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, IReadOnlyList<MonteCarloResult> runs, MonteCarloOptions options, string? acceptDifferentFunctionalUnits)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(options);
        RequireComparable(candidates, acceptDifferentFunctionalUnits);
        if (runs.Count != candidates.Count)
        {
            throw new ArgumentException($"{runs.Count} Monte Carlo runs for {candidates.Count} candidates.", nameof(runs));
        }
        var method = candidates[0].Compiled.Method;
        var totals = candidates.Select(c => (IReadOnlyList<double>)LcaCalculator.Calculate(c.Compiled.System, c.Compiled.Method, c.Compiled.Demand, c.Compiled.Values).Impacts).ToList();
        var pairs = new List<PairComparison>();
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var j = i + 1; j < candidates.Count; j++)
            {
                var differences = new List<SampleStatistics>();
                var lower = new List<double>();
                for (var k = 0; k < method.Categories.Count; k++)
                {
                    var a = runs[i].Impacts[0][k];
                    var b = runs[j].Impacts[0][k];
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
            method.Categories.Select(c => new CategoryInfo(c.Id, c.Name, c.Unit.Symbol)).ToList(), totals,
            candidates.Select((c, i) => UncertaintyAnalysis.Summarise(c.Compiled, runs[i])).ToList(), pairs, options.Iterations, options.Seed)
        {
            Consistency = ConsistencyCheck.Check(candidates),
        };
    }

    private static IReadOnlyList<string> RequireComparable(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, string? acceptDifferentFunctionalUnits)
    {
        if (candidates.Count < 2)
        {
            var problems = new ProblemList();
            // One study without alternatives: the place is the study itself (there is no 'alternatives' line to point at).
            var where = candidates.Count == 1 ? new SourceLocation(candidates[0].Compiled.Study.File, 1, 1) : null;
            problems.Error("nothing-to-compare", where, "alternatives", "a comparison needs at least two alternatives: give several study files, or a study with 'alternatives'.");
            problems.ThrowIfErrors();
        }
        var differences = FunctionalUnitCheck.Require(candidates, acceptDifferentFunctionalUnits);
        RequireSameCategories(candidates);
        return differences;
    }

    private static void RequireSameCategories(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates)
    {
        var first = candidates[0].Compiled.Method.Categories.Select(c => c.Id).ToList();
        var problems = new ProblemList();
        foreach (var (label, compiled) in candidates.Skip(1))
        {
            var ids = compiled.Method.Categories.Select(c => c.Id).ToList();
            if (!ids.SequenceEqual(first))
            {
                problems.Error("category-mismatch", null, "impact_categories",
                    $"'{candidates[0].Label}' assesses [{string.Join(", ", first)}] but '{label}' assesses [{string.Join(", ", ids)}]; list the same impact_categories in both.");
            }
        }
        problems.ThrowIfErrors();
    }
}
