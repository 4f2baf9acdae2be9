using Cradle.Core;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>
/// Which pairs of alternatives a comparison computes. Every pair grows with the square of the alternatives (1,000 of
/// them are 499,500 pairs), so beyond <see cref="AllPairsUpTo"/> alternatives each is compared with a reference only,
/// unless every pair is asked for.
/// </summary>
/// <param name="AllPairs">Every pair, however many alternatives (--all-pairs).</param>
/// <param name="Reference">The alternative the others are compared with (--reference); null: the first.</param>
public sealed record ComparisonPairs(bool AllPairs, string? Reference)
{
    /// <summary>
    /// The pairs the user chose (--pair A,B), as (A, B) labels in the order given; empty: the pairs are chosen by
    /// <see cref="AllPairs"/> and <see cref="Reference"/>.
    /// </summary>
    public IReadOnlyList<(string A, string B)> Chosen { get; init; } = [];

    /// <summary>
    /// Up to this many alternatives every pair is compared by default: with three there are three pairs against two
    /// with a reference, and the output stays what it was before references existed.
    /// </summary>
    public const int AllPairsUpTo = 3;

    /// <summary>The default: every pair up to <see cref="AllPairsUpTo"/> alternatives, then each against the first.</summary>
    public static ComparisonPairs Default { get; } = new(false, null);

    /// <summary>
    /// The pairs to compute, as (A, B) indices into <paramref name="labels"/>, and the reference's label (null when every
    /// pair, or the chosen pairs, are computed). With a reference R, each pair is (R, other), in the order of the
    /// alternatives, so a pair that all-pairs also computes (R first) is the same pair with the same numbers; so is a
    /// chosen pair. Throws <see cref="StudyException"/> for a reference or a chosen label that is not one of the labels,
    /// naming the closest.
    /// </summary>
    public (IReadOnlyList<(int A, int B)> Pairs, string? Reference) Select(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (Chosen.Count > 0)
        {
            return (SelectChosen(labels), null);
        }
        var reference = Reference is null ? 0 : IndexOf(labels, Reference, "unknown-reference", "--reference", $"'{Reference}'");
        if (Reference is null && (AllPairs || labels.Count <= AllPairsUpTo))
        {
            var all = new List<(int, int)>(labels.Count * (labels.Count - 1) / 2);
            for (var i = 0; i < labels.Count; i++)
            {
                for (var j = i + 1; j < labels.Count; j++)
                {
                    all.Add((i, j));
                }
            }
            return (all, null);
        }
        if (AllPairs)
        {
            var problems = new ProblemList();
            problems.Error("pairs-conflict", null, "--reference", "--all-pairs compares every pair; --reference compares each with one: give one of them.");
            problems.ThrowIfErrors();
        }
        return ([.. Enumerable.Range(0, labels.Count).Where(i => i != reference).Select(i => (reference, i))], labels[reference]);
    }

    /// <summary>
    /// The chosen pairs as indices, each once, in the order given; refuses an unknown label (naming the closest), a pair
    /// of one alternative with itself, and --pair given with --all-pairs or --reference.
    /// </summary>
    private List<(int A, int B)> SelectChosen(IReadOnlyList<string> labels)
    {
        if (AllPairs || Reference is not null)
        {
            var conflict = new ProblemList();
            conflict.Error("pairs-conflict", null, "--pair",
                $"--pair chooses the pairs; {(AllPairs ? "--all-pairs compares every pair" : "--reference compares each with one")}: give one of them.");
            conflict.ThrowIfErrors();
        }
        var pairs = new List<(int A, int B)>(Chosen.Count);
        var seen = new HashSet<(int A, int B)>();
        foreach (var (a, b) in Chosen)
        {
            var written = $"'{a},{b}'";
            var pair = (A: IndexOf(labels, a, "unknown-pair", "--pair", $"'{a}' in --pair {written}"),
                B: IndexOf(labels, b, "unknown-pair", "--pair", $"'{b}' in --pair {written}"));
            if (pair.A == pair.B)
            {
                var problems = new ProblemList();
                problems.Error("pair-with-itself", null, "--pair", $"--pair {written} compares '{a}' with itself: give two different alternatives.");
                problems.ThrowIfErrors();
            }
            if (seen.Add(pair))
            {
                pairs.Add(pair);
            }
        }
        return pairs;
    }

    private static int IndexOf(IReadOnlyList<string> labels, string id, string code, string field, string what)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], id, StringComparison.Ordinal))
            {
                return i;
            }
        }
        var closest = NameSuggestions.Closest(id, labels, 5);
        var problems = new ProblemList();
        problems.Error(code, null, field,
            $"{what} is not one of the alternatives compared; " + (closest.Count > 0
                ? $"closest: {string.Join(", ", closest)}."
                : $"they are {string.Join(", ", labels.Take(5))}{(labels.Count > 5 ? ", …" : "")}."));
        problems.ThrowIfErrors();
        return -1;
    }
}
