namespace Cradle.Store;

/// <summary>
/// One reading of one sensor. Each figure is null when the sensor cannot give it — never 0 for "unknown".
/// </summary>
/// <param name="RunId">The run the sample belongs to.</param>
/// <param name="SensorId">The sensor within the run.</param>
/// <param name="OffsetSeconds">Time since the run's start, in seconds, ≥ 0, finite. Unique per sensor.</param>
/// <param name="EnergyJoules">Cumulative energy since the run's start, in joules, ≥ 0; null when unavailable.</param>
/// <param name="PowerWatts">Power at (or averaged up to) this instant, in watts, ≥ 0; null when unavailable.</param>
/// <param name="TemperatureCelsius">Temperature in °C, finite; null when unavailable.</param>
/// <param name="Utilisation">Utilisation as a fraction in [0, 1]; null when unavailable.</param>
public sealed record Sample(
    string RunId,
    string SensorId,
    double OffsetSeconds,
    double? EnergyJoules,
    double? PowerWatts,
    double? TemperatureCelsius,
    double? Utilisation);
