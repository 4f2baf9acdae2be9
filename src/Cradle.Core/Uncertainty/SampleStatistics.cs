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
        var mean = 0.0;
        foreach (var x in sorted)
        {
            mean += x;
        }
        mean /= sorted.Length;
        var squares = 0.0;
        foreach (var x in sorted)
        {
            squares += (x - mean) * (x - mean);
        }
        var sd = sorted.Length > 1 ? Math.Sqrt(squares / (sorted.Length - 1)) : 0;
        return new SampleStatistics(mean, sd, Percentile(sorted, 0.5), Percentile(sorted, 0.025), Percentile(sorted, 0.05),
            Percentile(sorted, 0.25), Percentile(sorted, 0.75), Percentile(sorted, 0.95), Percentile(sorted, 0.975));
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
