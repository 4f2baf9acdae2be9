using Cradle.Core.Uncertainty;
using CsCheck;

namespace Cradle.Core.Tests.Uncertainty;

/// <summary>
/// <see cref="OrderStatistics.PercentilesOf(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/> counts the draws into buckets by their bits and selects only in the
/// buckets that hold the ranks: it must give exactly the percentiles of the sorted sample, leave the sample as it is, and
/// cope with what breaks bucketing (every draw in one bucket, signs, ties, tails spanning many orders of magnitude).
/// </summary>
public sealed class BucketedPercentilesTests
{
    private static readonly double[] Ps = [0.0, 0.005, 0.025, 0.05, 0.25, 0.5, 0.5, 0.75, 0.95, 0.975, 0.995, 1.0];

    [Fact]
    public void Percentiles_equal_those_of_the_sorted_sample_for_any_sample()
    {
        // Integer-rounded draws repeat a lot; the exponential spread puts draws in far-apart buckets and many in one.
        var values = Gen.OneOf(
            Gen.Double[-1e6, 1e6],
            Gen.Double[-30, 30].Select(e => Math.Pow(10, e)),
            Gen.Double[-30, 30].Select(e => -Math.Pow(10, e)),
            Gen.Const(0.0));
        values.Array[1, 3000].Select(Gen.Int[1, 20], (xs, m) => m == 1 ? xs : [.. xs.Select(x => Math.Round(x / 1e5) * m)])
            .Sample(sample =>
            {
                var before = (double[])sample.Clone();
                var sorted = (double[])sample.Clone();
                Array.Sort(sorted);
                var results = new double[Ps.Length];
                OrderStatistics.PercentilesOf(sample, Ps, results);
                for (var i = 0; i < Ps.Length; i++)
                {
                    Assert.Equal(SampleStatistics.Percentile(sorted, Ps[i]), results[i]);
                }
                Assert.Equal(before, sample);
            }, iter: 2000);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void Large_lognormal_and_normal_samples_give_the_sorted_percentiles(int n)
    {
        // Monte Carlo sizes, where the buckets are many: a right-skewed sample and one around zero (both signs).
        foreach (Distribution distribution in new Distribution[] { new LognormalDistribution(100, 1.8), new NormalDistribution(0, 3) })
        {
            var sample = new double[n];
            distribution.Sample(new RandomDraws(7, "bucketed", n), sample);
            var sorted = (double[])sample.Clone();
            Array.Sort(sorted);
            var results = new double[Ps.Length];
            OrderStatistics.PercentilesOf(sample, Ps, results);
            for (var i = 0; i < Ps.Length; i++)
            {
                Assert.Equal(SampleStatistics.Percentile(sorted, Ps[i]), results[i]);
            }
        }
    }

    [Fact]
    public void A_constant_sample_a_single_draw_and_two_zeros_give_that_value()
    {
        var results = new double[3];
        OrderStatistics.PercentilesOf(Enumerable.Repeat(7.5, 10_000).ToArray(), [0.025, 0.5, 0.975], results);
        Assert.Equal([7.5, 7.5, 7.5], results);
        OrderStatistics.PercentilesOf([3.0], [0.0, 0.5, 1.0], results);
        Assert.Equal([3.0, 3.0, 3.0], results);
        // −0 and +0 compare equal: both are the same order statistic.
        OrderStatistics.PercentilesOf([-0.0, 0.0, -1.0, 1.0], [0.0, 0.5, 1.0], results);
        Assert.Equal([-1.0, 0.0, 1.0], results);
    }

    [Fact]
    public void Percentiles_out_of_order_or_range_and_empty_samples_are_refused()
    {
        var results = new double[2];
        double[] two = [1.0, 2];
        Assert.Throws<ArgumentException>(() => OrderStatistics.PercentilesOf(two, [0.9, 0.1], results));
        Assert.Throws<ArgumentException>(() => OrderStatistics.PercentilesOf(two, [0.1, 1.1], results));
        Assert.Throws<ArgumentException>(() => OrderStatistics.PercentilesOf([], [0.1, 0.2], results));
        Assert.Throws<ArgumentException>(() => OrderStatistics.PercentilesOf(two, [0.1, 0.2], new double[1]));
    }
}
