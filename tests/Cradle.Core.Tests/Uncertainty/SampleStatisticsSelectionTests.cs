using Cradle.Core.Uncertainty;

namespace Cradle.Core.Tests.Uncertainty;

/// <summary>
/// The linear-time summary (selection, compensated sums) against the definition it replaced: copy, sort whole, sum in
/// sorted order, interpolate between order statistics. Percentiles must be the same doubles; the moments may move by
/// rounding only, since only the order of summation changed.
/// </summary>
public sealed class SampleStatisticsSelectionTests
{
    private static readonly double[] Ps = [0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975];

    public static TheoryData<int, int> Samples()
    {
        var data = new TheoryData<int, int>();
        foreach (var n in new[] { 2, 3, 7, 40, 1001, 10_000 })
        {
            for (var seed = 0; seed < 8; seed++)
            {
                data.Add(n, seed);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_summary_equals_the_full_sort_definition_on_random_samples(int n, int seed)
    {
        var sample = RandomSample(n, seed);

        var stats = SampleStatistics.Of(sample);
        var sorted = sample.Order().ToArray();

        double[] expected = [.. Ps.Select(p => SampleStatistics.Percentile(sorted, p))];
        double[] actual = [stats.P025, stats.P5, stats.P25, stats.Median, stats.P75, stats.P95, stats.P975];
        Assert.Equal(expected, actual);
        var mean = sorted.Sum() / n;
        Assert.Equal(mean, stats.Mean, Math.Abs(mean) * 1e-12);
        var sd = Math.Sqrt(sorted.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        Assert.Equal(sd, stats.StandardDeviation, (sd * 1e-12) + 1e-300);
    }

    [Fact]
    public void The_summary_leaves_the_caller_s_draws_in_their_order()
    {
        var sample = RandomSample(1000, 5);
        var copy = sample.ToArray();

        SampleStatistics.Of(sample);

        Assert.Equal(copy, sample);
    }

    /// <summary>Draws of several shapes: skewed, signed, and with many ties (a partly constant input).</summary>
    private static double[] RandomSample(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (seed % 4) switch
        {
            0 => Math.Exp(random.NextDouble() * 6),
            1 => (random.NextDouble() - 0.5) * 1e3,
            2 => Math.Round(random.NextDouble() * 5),
            _ => random.NextDouble() < 0.7 ? 42.0 : random.NextDouble(),
        })];
    }
}
