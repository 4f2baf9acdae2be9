using System.Buffers;
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
/// <param name="Uncertainty">Per alternative, per category: the Monte Carlo statistics of its total.</param>
/// <param name="Pairs">
/// The pairs computed, in order: every pair, each alternative against <see cref="Reference"/>, or the pairs chosen
/// (<see cref="PairsChosen"/>).
/// </param>
/// <param name="Iterations">Monte Carlo iterations.</param>
/// <param name="Seed">The seed.</param>
public sealed record ComparisonResult(
    string FunctionalUnit, IReadOnlyList<string> Labels, IReadOnlyList<CategoryInfo> Categories, IReadOnlyList<IReadOnlyList<double>> Totals,
    IReadOnlyList<IReadOnlyList<SampleStatistics>> Uncertainty, IReadOnlyList<PairComparison> Pairs, int Iterations, ulong Seed)
{
    /// <summary>
    /// The alternative every pair compares with (each pair is (reference, other)), or null when every pair is compared.
    /// </summary>
    public string? Reference { get; init; }

    /// <summary>Whether <see cref="Pairs"/> are the pairs the user chose (--pair), in the order given.</summary>
    public bool PairsChosen { get; init; }

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

    /// <summary>
    /// Per alternative, in the order of <see cref="Labels"/>: what it is shown to deliver against the functional unit's
    /// quality and latency constraints (each outcome empty when the unit has none).
    /// </summary>
    public IReadOnlyList<ServiceCheck> Service { get; init; } = [];

    /// <summary>Why the user compared alternatives that miss a constraint (--accept-unmet-constraints), or null.</summary>
    public string? UnmetConstraintsReason { get; init; }

    /// <summary>
    /// A secondary view: per alternative, per category, the deterministic total per functional unit divided by its stated
    /// benchmark score (impact per unit of quality); null for an alternative that states no score.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>?> PerQualityPoint { get; init; } = [];
}

/// <summary>What the user accepted in a comparison, each with their reason; null where nothing was accepted.</summary>
/// <param name="DifferentFunctionalUnits">Why alternatives with different functional units may be compared.</param>
/// <param name="DifferentCarbonBases">Why alternatives reported on different carbon bases may be compared.</param>
public sealed record ComparisonAcceptance(string? DifferentFunctionalUnits, string? DifferentCarbonBases)
{
    /// <summary>Why alternatives that miss a quality or latency constraint of the functional unit may be compared.</summary>
    public string? UnmetConstraints { get; init; }
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
    public static ComparisonResult Compare(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, MonteCarloOptions options, ComparisonAcceptance accepted) =>
        Compare(candidates, options, accepted, ComparisonPairs.Default);

    /// <summary>
    /// Compares <paramref name="candidates"/>, computing the pairs <paramref name="pairs"/> selects; throws
    /// <see cref="StudyException"/> if their categories differ, their functional units or carbon bases differ and
    /// <paramref name="accepted"/> gives no reason for it, or the reference is not one of them.
    /// </summary>
    public static ComparisonResult Compare(
        IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, MonteCarloOptions options, ComparisonAcceptance accepted, ComparisonPairs pairs)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(pairs);
        var (differences, bases) = RequireComparable(candidates, accepted);
        // An alternative that misses a constraint does not deliver the service: refused (or accepted) before anything is sampled.
        ServiceDelivery.Require(candidates, accepted.UnmetConstraints);
        // An unknown reference is refused before anything is sampled.
        pairs.Select([.. candidates.Select(c => c.Label)]);
        // Each alternative's draws depend on the seed alone, not on the threads: sampling the alternatives side by
        // side, one thread each, keeps every core busy to the last one, and what they share is drawn once.
        var each = options with { Threads = SideBySide.ThreadsEach(candidates.Count, options.Threads), Draws = new SharedDraws() };
        var sampled = SideBySide.Run(candidates.Count, options.Threads, i => UncertaintyAnalysis.Sample(candidates[i].Compiled, each));
        return Compare(candidates, sampled, options, accepted, pairs) with
        {
            FunctionalUnitDifferences = differences,
            FunctionalUnitReason = accepted.DifferentFunctionalUnits?.Trim(),
            CarbonBasisDifferences = bases,
            CarbonBasisReason = accepted.DifferentCarbonBases?.Trim(),
            UnmetConstraintsReason = accepted.UnmetConstraints?.Trim(),
        };
    }

    /// <summary>
    /// Compares <paramref name="candidates"/> on draws already made, one run per candidate with the same
    /// <paramref name="options"/> (as <c>assess --mc</c> has them), so nothing is sampled twice.
    /// </summary>
    public static ComparisonResult Compare(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, IReadOnlyList<MonteCarloResult> runs, MonteCarloOptions options) =>
        Compare(candidates, runs, options, new ComparisonAcceptance(null, null), ComparisonPairs.Default);

    /// <summary>
    /// Compares <paramref name="candidates"/> on draws already made, computing the pairs <paramref name="pairs"/> selects.
    /// </summary>
    public static ComparisonResult Compare(
        IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, IReadOnlyList<MonteCarloResult> runs, MonteCarloOptions options, ComparisonPairs pairs) =>
        Compare(candidates, runs, options, new ComparisonAcceptance(null, null), pairs);

    /// <summary>
    /// As <see cref="Compare(IReadOnlyList{ValueTuple{string, CompiledStudy}}, IReadOnlyList{MonteCarloResult}, MonteCarloOptions, ComparisonPairs)"/>,
    /// with each run's summary (<see cref="UncertaintyAnalysis.Summarise"/> of that candidate and run) already made, so
    /// <c>assess --mc</c> does not summarise every alternative twice.
    /// </summary>
    public static ComparisonResult Compare(
        IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, IReadOnlyList<MonteCarloResult> runs, MonteCarloOptions options, ComparisonPairs pairs,
        IReadOnlyList<UncertaintyAssessment> summaries) =>
        Compare(candidates, runs, options, new ComparisonAcceptance(null, null), pairs, summaries);

    private static ComparisonResult Compare(
        IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, IReadOnlyList<MonteCarloResult> runs, MonteCarloOptions options, ComparisonAcceptance accepted,
        ComparisonPairs selection, IReadOnlyList<UncertaintyAssessment>? summaries = null)
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
        // Marked, not refused, here: assess compares the alternatives it assesses and marks those that miss a constraint.
        var service = candidates.Select(c => ServiceDelivery.Check(c.Label, c.Compiled)).ToList();
        // Only the rows every alternative has are compared: an other-basis carbon row (gwp100-market) one alternative
        // shows and another does not is left out, and listed as such.
        var compared = method.Categories.Where(c => candidates.All(x => x.Compiled.Method.Categories.Any(o => o.Id == c.Id))).ToList();
        var rows = candidates.Select(x => compared.Select(c => x.Compiled.Method.Categories.ToList().FindIndex(o => o.Id == c.Id)).ToArray()).ToList();
        var totals = candidates.Select((c, i) => (IReadOnlyList<double>)Pick(LcaCalculator.Calculate(c.Compiled.System, c.Compiled.Method, c.Compiled.Demand, c.Compiled.Values).Impacts, rows[i])).ToList();
        ArgumentNullException.ThrowIfNull(selection);
        var (chosen, reference) = selection.Select([.. candidates.Select(c => c.Label)]);
        var pairs = SideBySide.Run(chosen.Count, options.Threads,
            p => Pair(candidates[chosen[p].A].Label, candidates[chosen[p].B].Label, runs[chosen[p].A], runs[chosen[p].B], rows[chosen[p].A], rows[chosen[p].B]));
        // A comparison shows each alternative's totals: without assess's summaries, only they are summarised (not the
        // stages and histograms a full summary has).
        IReadOnlyList<IReadOnlyList<SampleStatistics>> uncertainty = summaries is null
            ? SideBySide.Run(candidates.Count, options.Threads, i => (IReadOnlyList<SampleStatistics>)[.. rows[i].Select(k => runs[i].Statistics(k))])
            : [.. summaries.Select((s, i) => Pick(s.Totals, rows[i]))];
        return new ComparisonResult(candidates[0].Compiled.Study.FunctionalUnit.Amount.Text, candidates.Select(c => c.Label).ToList(),
            compared.Select(c => new CategoryInfo(c.Id, c.Name, c.Unit.Symbol)).ToList(), totals,
            uncertainty, pairs, options.Iterations, options.Seed)
        {
            Reference = reference,
            PairsChosen = selection.Chosen.Count > 0,
            RowsNotCompared = [.. candidates.SelectMany(x => x.Compiled.Method.Categories.Select(c => c.Id)).Distinct(StringComparer.Ordinal)
                .Where(id => compared.All(c => c.Id != id))],
            Consistency = ConsistencyCheck.Check(candidates),
            CarbonBasis = bases.Count == 0 ? CarbonBasisCheck.Of(candidates[0].Compiled) : null,
            Service = service,
            PerQualityPoint = [.. service.Select((s, i) => s.Quality is { Value: > 0 } q ? (IReadOnlyList<double>)[.. totals[i].Select(t => t / q.Value)] : null)],
        };
    }

    /// <summary>A − B and P(A &lt; B) per compared category, draw by draw (the draws share their random numbers).</summary>
    private static PairComparison Pair(string labelA, string labelB, MonteCarloResult runA, MonteCarloResult runB, int[] rowsA, int[] rowsB)
    {
        var differences = new List<SampleStatistics>(rowsA.Length);
        var lower = new List<double>(rowsA.Length);
        // One pooled buffer per pair, reused for each category: 4,950 pairs would otherwise allocate 80 KB a category
        // each (--all-pairs on 100 alternatives: about 0.8 GB through the collector).
        var buffer = ArrayPool<double>.Shared.Rent(runA.Iterations);
        try
        {
            for (var k = 0; k < rowsA.Length; k++)
            {
                var a = runA.Impacts[0][rowsA[k]];
                var b = runB.Impacts[0][rowsB[k]];
                var difference = buffer.AsSpan(0, a.Length);
                var below = 0;
                for (var n = 0; n < a.Length; n++)
                {
                    difference[n] = a[n] - b[n];
                    below += a[n] < b[n] ? 1 : 0;
                }
                differences.Add(SampleStatistics.Of(difference));
                lower.Add((double)below / a.Length);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
        return new PairComparison(labelA, labelB, differences, lower);
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

    private static List<T> Pick<T>(IReadOnlyList<T> values, int[] rows) => [.. rows.Select(k => values[k])];

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
