namespace Cradle.Cli.Measuring;

/// <summary>
/// One sensor's temperatures over a run: mean and peak in °C and the time above a threshold. The time between two
/// readings counts as above the threshold when the later reading is at or above it (readings about one second apart,
/// so the figure is good to about a second per crossing).
/// </summary>
internal sealed class TemperatureStats(double thresholdCelsius)
{
    private double _sumCelsius;
    private TimeSpan? _previousAt;

    /// <summary>The threshold in °C.</summary>
    public double ThresholdCelsius { get; } = thresholdCelsius;

    /// <summary>Temperature readings counted.</summary>
    public int Count { get; private set; }

    /// <summary>Mean of the readings in °C; null before the first.</summary>
    public double? MeanCelsius => Count > 0 ? _sumCelsius / Count : null;

    /// <summary>Highest reading in °C; null before the first.</summary>
    public double? PeakCelsius { get; private set; }

    /// <summary>Time at or above <see cref="ThresholdCelsius"/>.</summary>
    public TimeSpan AboveThreshold { get; private set; }

    /// <summary>Counts a reading of <paramref name="celsius"/> taken at <paramref name="at"/> (non-decreasing).</summary>
    public void Add(TimeSpan at, double celsius)
    {
        Count++;
        _sumCelsius += celsius;
        PeakCelsius = PeakCelsius is { } peak ? Math.Max(peak, celsius) : celsius;
        if (_previousAt is { } previous && celsius >= ThresholdCelsius && at > previous)
        {
            AboveThreshold += at - previous;
        }

        _previousAt = at;
    }
}
