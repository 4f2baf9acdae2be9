using Cradle.Core.Uncertainty;
using CsCheck;

namespace Cradle.Core.Tests.Uncertainty;

public sealed class OrderStatisticsTests
{
    private static readonly double[] Ps = [0.025, 0.25, 0.5, 0.5, 0.975, 1.0];

    [Fact]
    public void Selected_percentiles_equal_those_of_the_sorted_sample_for_any_sample()
    {
        // Small integer-valued draws repeat a lot, which is where a careless partition goes wrong.
        Gen.Double[-1e6, 1e6].Array[1, 300].Select(Gen.Int[1, 20], (xs, m) => m == 1 ? xs : [.. xs.Select(x => Math.Round(x / 1e5) * m)])
            .Sample(sample =>
            {
                var sorted = (double[])sample.Clone();
                Array.Sort(sorted);
                var results = new double[Ps.Length];
                OrderStatistics.Percentiles((double[])sample.Clone(), Ps, results);
                for (var i = 0; i < Ps.Length; i++)
                {
                    Assert.Equal(SampleStatistics.Percentile(sorted, Ps[i]), results[i]);
                }
            });
    }

    [Fact]
    public void A_constant_sample_and_a_single_draw_give_that_value()
    {
        var results = new double[3];
        OrderStatistics.Percentiles(Enumerable.Repeat(7.5, 10_000).ToArray(), [0.025, 0.5, 0.975], results);
        Assert.Equal([7.5, 7.5, 7.5], results);
        double[] single = [3.0];
        OrderStatistics.Percentiles(single, [0.0, 0.5, 1.0], results);
        Assert.Equal([3.0, 3.0, 3.0], results);
    }

    [Fact]
    public void Interpolation_between_order_statistics_is_hand_checked()
    {
        // Sorted: 1, 2, 4, 8. p = 0.5 → position 1.5 → 2 + 0.5 × (4 − 2) = 3; p = 0.9 → 2.7 → 4 + 0.7 × 4 = 6.8.
        var results = new double[2];
        double[] sample = [8.0, 1, 4, 2];
        OrderStatistics.Percentiles(sample, [0.5, 0.9], results);
        Assert.Equal(3.0, results[0], 12);
        Assert.Equal(6.8, results[1], 12);
    }

    [Fact]
    public void Percentiles_out_of_order_or_range_and_empty_samples_are_refused()
    {
        var results = new double[2];
        double[] two = [1.0, 2];
        Assert.Throws<ArgumentException>(() => OrderStatistics.Percentiles(two, [0.9, 0.1], results));
        Assert.Throws<ArgumentException>(() => OrderStatistics.Percentiles(two, [0.1, 1.1], results));
        Assert.Throws<ArgumentException>(() => OrderStatistics.Percentiles(Array.Empty<double>(), [0.1, 0.2], results));
    }
}
