namespace Cradle.Store;

/// <summary>
/// One sensor's idle baseline, measured before the run's command started (<c>cradle measure --idle</c>): the energy it
/// read over the idle window with nothing started.
/// </summary>
/// <param name="SensorId">The sensor, with the id it has in the run.</param>
/// <param name="Duration">The idle window, greater than zero.</param>
/// <param name="EnergyJoules">Energy over the window in joules, finite and not negative.</param>
public sealed record IdleReading(string SensorId, TimeSpan Duration, double EnergyJoules)
{
    /// <summary>Idle power in watts: energy ÷ window.</summary>
    public double PowerWatts => EnergyJoules / Duration.TotalSeconds;

    /// <summary>Energy net of idle over a run of <paramref name="runDuration"/>: gross − idle power × duration, in joules.
    /// Negative when the run drew less than idle (a baseline taken while something else ran); never clamped.</summary>
    public double Net(double grossJoules, TimeSpan runDuration) => grossJoules - (PowerWatts * runDuration.TotalSeconds);
}
