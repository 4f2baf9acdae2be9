namespace Cradle.Cli.Measuring;

/// <summary>
/// One sensor's temperatures over a run: mean and peak in °C and the time above a threshold. Each reading stands for the
/// time since the one before it: the mean is weighted by that time (the sampler reads 20 times a second at first, then
/// once a second, so a plain average would overweight the first second), and that time counts as above the threshold
/// when the reading is at or above it (good to about a second per crossing).
/// </summary>
internal sealed class TemperatureStats(double thresholdCelsius)
{
    private double _firstCelsius;
    private double _weightedSumCelsiusSeconds;
    private double _weightSeconds;
    private TimeSpan? _previousAt;

    /// <summary>The threshold in °C.</summary>
    public double ThresholdCelsius { get; } = thresholdCelsius;

    /// <summary>Temperature readings counted.</summary>
    public int Count { get; private set; }

    /// <summary>Time-weighted mean in °C (the first reading alone while no time has passed); null before the first.</summary>
    public double? MeanCelsius => Count == 0 ? null : _weightSeconds > 0 ? _weightedSumCelsiusSeconds / _weightSeconds : _firstCelsius;

    /// <summary>Highest reading in °C; null before the first.</summary>
    public double? PeakCelsius { get; private set; }

    /// <summary>Time at or above <see cref="ThresholdCelsius"/>.</summary>
    public TimeSpan AboveThreshold { get; private set; }

    /// <summary>Counts a reading of <paramref name="celsius"/> taken at <paramref name="at"/> (non-decreasing).</summary>
    public void Add(TimeSpan at, double celsius)
    {
        if (Count++ == 0)
        {
            _firstCelsius = celsius;
        }
        PeakCelsius = PeakCelsius is { } peak ? Math.Max(peak, celsius) : celsius;
        if (_previousAt is { } previous && at > previous)
        {
            var seconds = (at - previous).TotalSeconds;
            _weightedSumCelsiusSeconds += celsius * seconds;
            _weightSeconds += seconds;
            if (celsius >= ThresholdCelsius)
            {
                AboveThreshold += at - previous;
            }
        }

        _previousAt = at;
    }
}
