namespace Cradle.Core.Uncertainty;

/// <summary>
/// Percentiles of a sample without sorting it whole. Monte Carlo summaries need three or so percentiles of 10,000
/// draws, thousands of times (every model of a trend study, every indicator): selecting the order statistics in place
/// (quickselect, expected linear time) costs a fraction of a full sort and gives exactly the same values.
/// </summary>
public static class OrderStatistics
{
    /// <summary>
    /// Writes the <paramref name="ascendingPercentiles"/> of <paramref name="sample"/> to <paramref name="results"/>, each
    /// equal to <see cref="SampleStatistics.Percentile"/> of the sorted sample (linear interpolation between order
    /// statistics). Reorders <paramref name="sample"/>.
    /// </summary>
    /// <param name="sample">The draws, at least one, no NaN; reordered in place.</param>
    /// <param name="ascendingPercentiles">Fractions in [0, 1], non-decreasing.</param>
    /// <param name="results">As long as <paramref name="ascendingPercentiles"/>.</param>
    /// <exception cref="ArgumentException">An empty sample, mismatched lengths, or percentiles out of range or order.</exception>
    public static void Percentiles(Span<double> sample, ReadOnlySpan<double> ascendingPercentiles, Span<double> results)
    {
        if (sample.IsEmpty)
        {
            throw new ArgumentException("An empty sample has no percentiles.", nameof(sample));
        }

        if (results.Length != ascendingPercentiles.Length)
        {
            throw new ArgumentException("One result per percentile is needed.", nameof(results));
        }

        var n = sample.Length;
        // Each percentile interpolates between the order statistics at 'below' and 'below + 1'. Only the 'below' ranks
        // are selected; the one after each is the smallest draw between it and the next selected rank.
        Span<int> ranks = stackalloc int[ascendingPercentiles.Length];
        var count = 0;
        var previous = 0.0;
        foreach (var p in ascendingPercentiles)
        {
            previous = NextPercentile(p, previous, nameof(ascendingPercentiles));
            count = Add(ranks, count, (int)Math.Floor(p * (n - 1)));
        }

        ranks = ranks[..count];
        // In ascending order, each from the last: everything before a rank found is at most it, so the next lies after.
        var from = 0;
        foreach (var rank in ranks)
        {
            Select(sample, from, n - 1, rank);
            from = rank;
        }
        var next = 0;
        for (var i = 0; i < ascendingPercentiles.Length; i++)
        {
            var position = ascendingPercentiles[i] * (n - 1);
            var below = (int)Math.Floor(position);
            while (next < ranks.Length && ranks[next] <= below)
            {
                next++;
            }

            // Everything after 'below' up to the next selected rank lies between the two: its smallest comes next.
            var end = next < ranks.Length ? ranks[next] : n - 1;
            var low = sample[below];
            var high = below + 1 < n ? Min(sample[(below + 1)..(end + 1)]) : low;
            results[i] = low + ((position - below) * (high - low));
        }
    }

    /// <summary>
    /// Writes the <paramref name="ascendingPercentiles"/> of <paramref name="sample"/> to <paramref name="results"/>, as
    /// <see cref="Percentiles"/> does, without reordering the sample or copying it whole: the order statistics are found
    /// by counting the draws into buckets by their bits and selecting within the few buckets that hold them
    /// (<see cref="BucketSelection"/>). The values are exactly those of the sorted sample. For a sample that is read many
    /// times (a large Monte Carlo run) this is several times faster than selecting in place from a copy.
    /// </summary>
    /// <param name="sample">The draws, at least one, no NaN; left as they are.</param>
    /// <param name="ascendingPercentiles">Fractions in [0, 1], non-decreasing (at most 32).</param>
    /// <param name="results">As long as <paramref name="ascendingPercentiles"/>.</param>
    /// <exception cref="ArgumentException">An empty sample, mismatched lengths, or percentiles out of range or order.</exception>
    public static void PercentilesOf(ReadOnlySpan<double> sample, ReadOnlySpan<double> ascendingPercentiles, Span<double> results)
    {
        if (sample.IsEmpty)
        {
            throw new ArgumentException("An empty sample has no percentiles.", nameof(sample));
        }

        double min = sample[0], max = sample[0];
        foreach (var x in sample)
        {
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }
        PercentilesOf(sample, ascendingPercentiles, results, min, max);
    }

    /// <summary>
    /// As <see cref="PercentilesOf(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>, for a caller that already
    /// knows the smallest (<paramref name="min"/>) and largest (<paramref name="max"/>) draw, which saves a pass.
    /// </summary>
    internal static void PercentilesOf(ReadOnlySpan<double> sample, ReadOnlySpan<double> ascendingPercentiles, Span<double> results, double min, double max)
    {
        if (sample.IsEmpty)
        {
            throw new ArgumentException("An empty sample has no percentiles.", nameof(sample));
        }

        if (results.Length != ascendingPercentiles.Length || ascendingPercentiles.Length > 32)
        {
            throw new ArgumentException("One result per percentile is needed, for at most 32 percentiles.", nameof(results));
        }

        var n = sample.Length;
        // Each percentile interpolates between the order statistics at 'below' and 'below + 1': both are selected.
        Span<int> ranks = stackalloc int[2 * ascendingPercentiles.Length];
        var count = 0;
        var previous = 0.0;
        foreach (var p in ascendingPercentiles)
        {
            previous = NextPercentile(p, previous, nameof(ascendingPercentiles));
            var below = (int)Math.Floor(p * (n - 1));
            count = Add(ranks, count, below);
            count = below + 1 < n ? Add(ranks, count, below + 1) : count;
        }

        ranks = ranks[..count];
        Span<double> values = stackalloc double[count];
        BucketSelection.Select(sample, ranks, values, min, max);
        var at = 0;
        for (var i = 0; i < ascendingPercentiles.Length; i++)
        {
            var position = ascendingPercentiles[i] * (n - 1);
            var below = (int)Math.Floor(position);
            while (ranks[at] < below)
            {
                at++;
            }

            var low = values[at];
            var high = below + 1 < n ? values[at + 1] : low;
            results[i] = low + ((position - below) * (high - low));
        }
    }

    /// <summary>Appends <paramref name="rank"/> to the ascending <paramref name="ranks"/> unless it is already last.</summary>
    private static int Add(Span<int> ranks, int count, int rank)
    {
        if (count > 0 && ranks[count - 1] >= rank)
        {
            return count;
        }

        ranks[count] = rank;
        return count + 1;
    }

    /// <summary>Puts the k-th smallest element of <c>a[lo..hi]</c> at <c>a[k]</c>, smaller ones before it and larger ones after.</summary>
    internal static void Select(Span<double> a, int lo, int hi, int k)
    {
        while (hi > lo)
        {
            var pivot = MedianOfThree(a[lo], a[lo + ((hi - lo) / 2)], a[hi]);
            // Three-way partition: draws often repeat (a constant input gives 10,000 equal values), which a two-way
            // partition would turn quadratic.
            int lt = lo, i = lo, gt = hi;
            while (i <= gt)
            {
                if (a[i] < pivot)
                {
                    (a[lt], a[i]) = (a[i], a[lt]);
                    lt++;
                    i++;
                }
                else if (a[i] > pivot)
                {
                    (a[i], a[gt]) = (a[gt], a[i]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            if (k < lt)
            {
                hi = lt - 1;
            }
            else if (k > gt)
            {
                lo = gt + 1;
            }
            else
            {
                return;
            }
        }
    }

    private static double MedianOfThree(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    private static double Min(ReadOnlySpan<double> values)
    {
        var min = values[0];
        foreach (var v in values)
        {
            if (v < min)
            {
                min = v;
            }
        }

        return min;
    }

    /// <summary>Checks that <paramref name="p"/> continues a non-decreasing list of fractions in [0, 1]; returns it.</summary>
    private static double NextPercentile(double p, double previous, string parameterName) =>
        p >= previous && p <= 1 ? p : throw new ArgumentException("Percentiles are fractions in [0, 1], in non-decreasing order.", parameterName);
}
