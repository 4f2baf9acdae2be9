using System.Globalization;
using Cradle.Results;

namespace Cradle.Reports.Rendering;

/// <summary>
/// Which pairs of alternatives a report lists: n alternatives make n(n−1)/2 pairs (19,900 for 200), too many to read
/// or to render. Up to <see cref="Limit"/> pairs are all listed; beyond, the pairs with the first alternative, with a
/// note saying so. The results JSON keeps every pair. A comparison against a reference (more than three alternatives,
/// without --all-pairs) has one pair per other alternative: all are listed, with a note naming the reference; so are
/// the pairs chosen with --pair, with a note saying they were chosen.
/// </summary>
internal static class PairListing
{
    /// <summary>The most pairs listed in full.</summary>
    public const int Limit = 100;

    /// <summary>The pairs to list, and a note when some are left out (null when all are listed).</summary>
    public static IReadOnlyList<(string A, string B, IReadOnlyList<Stats> Difference, IReadOnlyList<double> ProbabilityALower)> Select(
        ComparisonResults comparison, string first, out string? note)
    {
        note = null;
        if (comparison.Reference is { } reference)
        {
            note = string.Create(CultureInfo.InvariantCulture,
                $"Each alternative is compared with {reference} ({comparison.Pairs.Count:N0} pairs); --all-pairs compares every pair.");
            return comparison.Pairs;
        }
        if (comparison.PairsChosen)
        {
            note = string.Create(CultureInfo.InvariantCulture, $"The pairs chosen with --pair ({comparison.Pairs.Count:N0}).");
            return comparison.Pairs;
        }
        if (comparison.Pairs.Count <= Limit)
        {
            return comparison.Pairs;
        }
        var listed = comparison.Pairs.Where(p => p.A == first || p.B == first).ToList();
        note = string.Create(CultureInfo.InvariantCulture,
            $"The results compare {comparison.Pairs.Count:N0} pairs of alternatives; listed here are the {listed.Count:N0} pairs with {first}. Every pair is in the results JSON.");
        return listed;
    }
}
