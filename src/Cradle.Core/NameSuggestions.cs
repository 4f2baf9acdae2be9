namespace Cradle.Core;

/// <summary>"Did you mean": the valid names closest to a misspelt one, by edit distance, case-insensitive.</summary>
/// <remarks>
/// The work is bounded whatever the input: a name longer than <see cref="MaxNameLength"/> is no typo of a valid one
/// and gets no suggestions; a candidate whose length differs by more than the typo limit is skipped without
/// comparing; and the distance stops as soon as it passes the limit. A million-character name costs one pass.
/// </remarks>
public static class NameSuggestions
{
    /// <summary>Names longer than this get no suggestions: valid names are short, and comparing long text is costly.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Up to <paramref name="count"/> candidates within a distance that still looks like a typo.</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > MaxNameLength)
        {
            return [];
        }
        var lowered = name.ToLowerInvariant();
        var limit = Math.Max(2, lowered.Length / 2);
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Candidate: c, Distance: c.Contains(name, StringComparison.OrdinalIgnoreCase)
                // A name inside a candidate is that many insertions away: no table needed, however far.
                ? Math.Max(0, c.Length - name.Length)
                : BoundedDistance(lowered, c.ToLowerInvariant(), limit)))
            .Where(x => x.Distance <= limit || x.Candidate.Contains(name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>"(did you mean 'a', 'b'?)" or empty when nothing is close.</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
    {
        var closest = Closest(name, candidates);
        return closest.Count == 0 ? "" : $" (did you mean {string.Join(", ", closest.Select(c => $"'{c}'"))}?)";
    }

    /// <summary>Optimal-string-alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return BoundedDistance(a, b, int.MaxValue);
    }

    /// <summary>
    /// The optimal-string-alignment distance when it is at most <paramref name="limit"/>, otherwise some value above
    /// <paramref name="limit"/>: it gives up when the lengths alone differ by more, or when a whole row of the table
    /// exceeds it (no later row can be smaller). Three rows of the table are kept, not the whole table.
    /// </summary>
    private static int BoundedDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit == int.MaxValue ? limit : limit + 1;
        }
        var before = new int[b.Length + 1]; // row i - 2
        var previous = new int[b.Length + 1]; // row i - 1
        var current = new int[b.Length + 1]; // row i
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        var previousMinimum = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, before[j - 2] + cost);
                }
                current[j] = d;
                rowMinimum = Math.Min(rowMinimum, d);
            }
            // Every cell is at least the smallest cell of the two rows above it (a transposition reads two rows
            // back), so once two rows in a row are past the limit, the distance is too.
            if (rowMinimum > limit && previousMinimum > limit)
            {
                return limit + 1;
            }
            previousMinimum = rowMinimum;
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Length];
    }
}
