using Cradle.Store;

namespace Cradle.Runs;

/// <summary>A sensor's energy as stored: its last cumulative reading, and that net of the run's idle baseline.</summary>
public static class RunEnergy
{
    /// <summary>A sensor's sample count and energy: its last non-null cumulative energy reading, J (null when none).</summary>
    public static (int Count, double? Joules) Of(Sensor sensor, IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentNullException.ThrowIfNull(samples);
        var own = samples.Where(x => x.SensorId == sensor.Id).ToList();
        return (own.Count, own.LastOrDefault(x => x.EnergyJoules is not null)?.EnergyJoules);
    }

    /// <summary>
    /// A sensor's energy net of its idle baseline: gross − idle power × the sampled window (its last energy sample's
    /// offset, since offsets count from the sampler's start, after the idle window). Null without a baseline or energy.
    /// </summary>
    public static (double Joules, IdleReading Idle, TimeSpan Window)? NetOfIdle(
        Sensor sensor, IReadOnlyList<Sample> samples, IReadOnlyList<IdleReading> idle)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(idle);
        var last = samples.LastOrDefault(x => x.SensorId == sensor.Id && x.EnergyJoules is not null);
        var baseline = idle.FirstOrDefault(i => i.SensorId == sensor.Id);
        if (last is null || baseline is null)
        {
            return null;
        }

        var window = TimeSpan.FromSeconds(last.OffsetSeconds);
        return (baseline.Net(last.EnergyJoules!.Value, window), baseline, window);
    }
}
