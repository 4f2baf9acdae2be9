using System.Buffers;
using System.Numerics;

namespace Cradle.Core.Uncertainty;

/// <summary>
/// Order statistics of a sample that is left as it is: the draws are counted into buckets by their bits (an
/// order-preserving map of a double to an integer), the buckets that hold the wanted ranks are found from the counts, and
/// only those buckets' draws are copied out and selected from. Three passes over the sample, none of them a partition
/// of it, and a copy of a few hundredths of it instead of the whole: the values found are the exact order statistics.
/// </summary>
internal static class BucketSelection
{
    /// <summary>The most buckets: 16,384 counts (64 KiB) stay in the L2 cache.</summary>
    private const int MostBucketBits = 14;

    /// <summary>
    /// Writes the order statistics of the ascending <paramref name="ranks"/> (0-based, each below the sample's length)
    /// to <paramref name="values"/>; <paramref name="min"/> and <paramref name="max"/> are the smallest and largest draw.
    /// </summary>
    public static void Select(ReadOnlySpan<double> sample, ReadOnlySpan<int> ranks, Span<double> values, double min, double max)
    {
        var n = sample.Length;
        var (low, high) = (Key(min), Key(max));
        // About 32 draws a bucket on average: enough buckets that the wanted ones hold little, few enough to count fast.
        var bits = Math.Clamp(BitOperations.Log2((uint)n) - 5, 1, MostBucketBits);
        var spread = high - low;
        var shift = spread == 0 ? 0 : Math.Max(0, 64 - BitOperations.LeadingZeroCount(spread) - bits);
        var buckets = (int)(spread >> shift) + 1;
        var counts = ArrayPool<int>.Shared.Rent(buckets + 1);
        try
        {
            var count = counts.AsSpan(0, buckets + 1);
            count.Clear();
            foreach (var x in sample)
            {
                count[(int)((Key(x) - low) >> shift)]++;
            }
            SelectFromBuckets(sample, ranks, values, count, low, shift);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>With the draws counted per bucket, copies out the buckets that hold the ranks and selects in each.</summary>
    private static void SelectFromBuckets(ReadOnlySpan<double> sample, ReadOnlySpan<int> ranks, Span<double> values, Span<int> count, ulong low, int shift)
    {
        // The bucket of each rank, and the rank within that bucket, from the running count.
        Span<int> bucketOf = stackalloc int[ranks.Length];
        Span<int> firstRank = stackalloc int[ranks.Length];
        var bucket = 0;
        var before = 0;
        for (var r = 0; r < ranks.Length; r++)
        {
            while (before + count[bucket] <= ranks[r])
            {
                before += count[bucket];
                bucket++;
            }
            bucketOf[r] = bucket;
            firstRank[r] = before;
        }

        // Each wanted bucket gets a stretch of the copy, in bucket order; 'start' marks each by its bucket.
        Span<int> wanted = stackalloc int[ranks.Length];
        Span<int> start = stackalloc int[ranks.Length + 1];
        var distinct = 0;
        var total = 0;
        for (var r = 0; r < ranks.Length; r++)
        {
            if (distinct == 0 || wanted[distinct - 1] != bucketOf[r])
            {
                wanted[distinct] = bucketOf[r];
                start[distinct] = total;
                total += count[bucketOf[r]];
                distinct++;
            }
        }
        start[distinct] = total;

        // The counts are no longer needed: a wanted bucket's entry becomes −(1 + its stretch's index); others stay ≥ 0.
        for (var d = 0; d < distinct; d++)
        {
            count[wanted[d]] = -(d + 1);
        }
        // Not pooled: usually a few hundred draws, but up to the whole sample when the draws differ only in their last
        // bits, and a pool would keep such an array alive for the rest of the process.
        var copy = GC.AllocateUninitializedArray<double>(total);
        Span<int> next = stackalloc int[distinct];
        start[..distinct].CopyTo(next);
        foreach (var x in sample)
        {
            var c = count[(int)((Key(x) - low) >> shift)];
            if (c < 0)
            {
                copy[next[-c - 1]++] = x;
            }
        }

        // Within a stretch, the ranks in ascending order, each selected from the last (as OrderStatistics does).
        var stretch = 0;
        var from = 0;
        for (var r = 0; r < ranks.Length; r++)
        {
            while (wanted[stretch] != bucketOf[r])
            {
                stretch++;
                from = start[stretch];
            }
            var k = start[stretch] + (ranks[r] - firstRank[r]);
            OrderStatistics.Select(copy, from, start[stretch + 1] - 1, k);
            values[r] = copy[k];
            from = k;
        }
    }

    /// <summary>
    /// An integer that orders as the double does: the bits of a positive number as they are, those of a negative one
    /// flipped (its magnitude orders the other way), with the sign bit set for positives so they come after. Both zeros
    /// get the same key, as they compare equal.
    /// </summary>
    private static ulong Key(double x)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(x + 0.0);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }
}
