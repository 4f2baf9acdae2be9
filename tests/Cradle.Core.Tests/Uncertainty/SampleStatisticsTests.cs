using Cradle.Core.Uncertainty;

namespace Cradle.Core.Tests.Uncertainty;

/// <summary>A sample's mean stays inside its own interval when the draws differ by rounding error only.</summary>
public sealed class SampleStatisticsTests
{
    [Fact]
    public void A_constant_sample_has_that_value_as_its_mean()
    {
        // 1,000 × 0.1 summed one by one is 99.9999999999986, so the plain mean is 0.0999999999999986: below every draw.
        var sample = Enumerable.Repeat(0.1, 1000).ToArray();

        var stats = SampleStatistics.Of(sample);

        Assert.Equal(0.1, stats.Mean);
        Assert.Equal(0, stats.StandardDeviation);
        Assert.Equal(0.1, stats.P025);
        Assert.Equal(0.1, stats.P975);
    }

    [Fact]
    public void Draws_that_differ_in_their_last_bits_are_one_value_so_the_mean_prints_inside_its_interval()
    {
        // 0.011175 sits on a 4-digit rounding boundary: the CLI printed "0.01118 [0.01117–0.01117]" for such a stage.
        var x = 0.011175;
        var sample = Enumerable.Range(0, 4000).Select(i => (i % 3) switch { 0 => Math.BitDecrement(x), 1 => x, _ => Math.BitIncrement(x) }).ToArray();

        var stats = SampleStatistics.Of(sample);

        Assert.Equal(stats.Median, stats.Mean);
        Assert.Equal(stats.Median, stats.P025);
        Assert.Equal(stats.Median, stats.P975);
    }

    [Fact]
    public void A_sample_that_really_varies_keeps_its_mean_and_percentiles()
    {
        // 1, 2, 3, 4: mean 2.5, SD √(5/3), 2.5th percentile 1 + 0.075 × 1 = 1.075 (linear between order statistics).
        var stats = SampleStatistics.Of([4.0, 1.0, 3.0, 2.0]);

        Assert.Equal(2.5, stats.Mean, 15);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), stats.StandardDeviation, 15);
        Assert.Equal(1.075, stats.P025, 15);
    }
}
