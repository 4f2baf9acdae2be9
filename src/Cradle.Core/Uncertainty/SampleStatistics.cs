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
    /// <summary>Summarises <paramref name="sample"/> (percentiles by linear interpolation between order statistics).</summary>
    public static SampleStatistics Of(ReadOnlySpan<double> sample)
    {
        if (sample.Length == 0)
        {
            throw new ArgumentException("An empty sample has no statistics.", nameof(sample));
        }
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        if (WithinRoundingError(sorted[0], sorted[^1]))
        {
            // Draws that differ only in their last bits (a stage no uncertain input reaches, computed along different
            // paths per draw) are one value: summing them could put the mean a few bits outside its own percentiles,
            // and a value at a rounding boundary (0.011175) would then print as "0.01118 [0.01117–0.01117]".
            var value = Percentile(sorted, 0.5);
            return new SampleStatistics(value, 0, value, value, value, value, value, value, value);
        }
        var mean = 0.0;
        foreach (var x in sorted)
        {
            mean += x;
        }
        // A mean lies between the smallest and the largest draw; summation error must not take it outside.
        mean = Math.Clamp(mean / sorted.Length, sorted[0], sorted[^1]);
        var squares = 0.0;
        foreach (var x in sorted)
        {
            squares += (x - mean) * (x - mean);
        }
        var sd = sorted.Length > 1 ? Math.Sqrt(squares / (sorted.Length - 1)) : 0;
        return new SampleStatistics(mean, sd, Percentile(sorted, 0.5), Percentile(sorted, 0.025), Percentile(sorted, 0.05),
            Percentile(sorted, 0.25), Percentile(sorted, 0.75), Percentile(sorted, 0.95), Percentile(sorted, 0.975));
    }

    /// <summary>
    /// Whether <paramref name="min"/> and <paramref name="max"/> differ by no more than the rounding error of a few
    /// arithmetic steps (1e-12 relative; a double carries about 16 significant digits).
    /// </summary>
    private static bool WithinRoundingError(double min, double max) =>
        max - min <= 1e-12 * Math.Max(Math.Abs(min), Math.Abs(max));

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
