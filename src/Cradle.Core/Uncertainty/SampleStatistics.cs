namespace Cradle.Core.Uncertainty;

/// <summary>Summary of a sample: moments and the percentiles reports show.</summary>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Sample standard deviation.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="P025">2.5th percentile.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P25">25th percentile.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P975">97.5th percentile.</param>
public sealed record SampleStatistics(double Mean, double StandardDeviation, double Median, double P025, double P5, double P25, double P75, double P95, double P975)
{
    /// <summary>The percentiles a summary reports, ascending (the order <see cref="OrderStatistics.PercentilesOf(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/> needs).</summary>
    private static readonly double[] Reported = [0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975];

    /// <summary>
    /// Summarises <paramref name="sample"/> in linear expected time: the percentiles are selected from the few buckets
    /// that hold them, without copying or reordering the sample (<see cref="OrderStatistics.PercentilesOf(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>: exactly the
    /// values linear interpolation between order statistics of the sorted sample gives), and the moments are
    /// compensated sums in draw order, so no step sorts the sample.
    /// </summary>
    public static SampleStatistics Of(ReadOnlySpan<double> sample)
    {
        if (sample.Length == 0)
        {
            throw new ArgumentException("An empty sample has no statistics.", nameof(sample));
        }
        // One pass for the range and the sum (the same additions, in the same order, as summing alone).
        double min = sample[0], max = sample[0], sum = 0, compensation = 0;
        foreach (var x in sample)
        {
            // Plain comparisons (no NaN reaches a summary): Math.Min's care for NaN and the sign of zero costs a
            // branch or two a draw, and both zeros are one value here.
            min = x < min ? x : min;
            max = x > max ? x : max;
            var t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        Span<double> p = stackalloc double[Reported.Length];
        if (WithinRoundingError(min, max))
        {
            // Draws that differ only in their last bits (a stage no uncertain input reaches, computed along different
            // paths per draw) are one value: summing them could put the mean a few bits outside its own percentiles,
            // and a value at a rounding boundary (0.011175) would then print as "0.01118 [0.01117–0.01117]".
            if (min == max)
            {
                // Every draw compares equal (a stage no input reaches, often all zeros): the sample is already sorted,
                // so its median is read where it lies, with no selection and no copy (the very draws a selection would
                // leave there, for −0 and +0 compare equal and are not moved).
                p[0] = MedianOfSorted(sample);
            }
            else
            {
                OrderStatistics.PercentilesOf(sample, [0.5], p[..1], min, max);
            }
            var value = p[0];
            return new SampleStatistics(value, 0, value, value, value, value, value, value, value);
        }
        OrderStatistics.PercentilesOf(sample, Reported, p, min, max);
        // A mean lies between the smallest and the largest draw; summation error must not take it outside.
        var mean = Math.Clamp((sum + compensation) / sample.Length, min, max);
        var sd = sample.Length > 1 ? Math.Sqrt(CompensatedSquares(sample, mean) / (sample.Length - 1)) : 0;
        return new SampleStatistics(mean, sd, p[3], p[0], p[1], p[2], p[4], p[5], p[6]);
    }

    /// <summary>
    /// The sum of the squared deviations from <paramref name="centre"/>, Neumaier-compensated (as the sum of the draws
    /// is): within about one rounding of the exact sum whatever the order, so the figure does not depend on the order
    /// the draws happen to be in (a plain sum would move in its last bits).
    /// </summary>
    private static double CompensatedSquares(ReadOnlySpan<double> sample, double centre)
    {
        double sum = 0, compensation = 0;
        foreach (var draw in sample)
        {
            var x = (draw - centre) * (draw - centre);
            var t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    /// <summary>
    /// Whether <paramref name="min"/> and <paramref name="max"/> differ by no more than the rounding error of a few
    /// arithmetic steps (1e-12 relative; a double carries about 16 significant digits).
    /// </summary>
    private static bool WithinRoundingError(double min, double max) =>
        max - min <= 1e-12 * Math.Max(Math.Abs(min), Math.Abs(max));

    /// <summary>The median of a sample that is in order, by <see cref="Percentile"/>'s interpolation.</summary>
    private static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        var position = 0.5 * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>The p-th percentile of an already sorted sample.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
