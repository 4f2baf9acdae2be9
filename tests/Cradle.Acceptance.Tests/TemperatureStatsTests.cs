using Cradle.Cli.Measuring;

namespace Cradle.Acceptance.Tests;

/// <summary>Temperature statistics of a run, hand-computed: time-weighted mean, peak, time at or above the threshold.</summary>
public sealed class TemperatureStatsTests
{
    [Fact]
    public void The_mean_is_weighted_by_time_and_time_above_counts_the_intervals_ending_hot()
    {
        var stats = new TemperatureStats(80);
        // Readings at 0 s (60 °C), then 20 readings 50 ms apart at 70 °C (the fast first second), then 2 s at 90 °C.
        stats.Add(TimeSpan.Zero, 60);
        for (var i = 1; i <= 20; i++)
        {
            stats.Add(TimeSpan.FromMilliseconds(50 * i), 70);
        }
        stats.Add(TimeSpan.FromSeconds(3), 90);

        // Weighted: (70 °C × 1 s + 90 °C × 2 s) ÷ 3 s = 83.33 °C; a plain average of the 22 readings would be 70.45 °C.
        Assert.Equal(250.0 / 3, stats.MeanCelsius!.Value, 9);
        Assert.Equal(90, stats.PeakCelsius);
        // Only the last 2 s end at or above 80 °C.
        Assert.Equal(TimeSpan.FromSeconds(2), stats.AboveThreshold);
        Assert.Equal(22, stats.Count);
    }

    [Fact]
    public void One_reading_is_its_own_mean_and_nothing_is_above_before_time_passes()
    {
        var stats = new TemperatureStats(80);
        Assert.Null(stats.MeanCelsius);
        stats.Add(TimeSpan.FromSeconds(1), 95);
        Assert.Equal(95, stats.MeanCelsius);
        Assert.Equal(TimeSpan.Zero, stats.AboveThreshold);
    }
}
