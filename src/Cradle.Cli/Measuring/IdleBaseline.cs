using Cradle.Measure.Rapl;
using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;

namespace Cradle.Cli.Measuring;

/// <summary>One sensor's idle power, measured before the command started.</summary>
/// <param name="SensorId">The sensor (same id as in the run).</param>
/// <param name="IdleEnergyJoules">Energy over the idle window in joules.</param>
/// <param name="IdlePowerWatts">Idle energy ÷ idle window in watts.</param>
internal sealed record IdleSensor(string SensorId, double IdleEnergyJoules, double IdlePowerWatts);

/// <summary>
/// The idle baseline of <c>cradle measure --idle</c>: the machine-wide sensors (RAPL zones, NVML GPUs) read over a
/// window with nothing started. The modelled CPU has no idle share (it models only the command's own CPU time), so it
/// gets none; where no machine-wide sensor reads, <see cref="UnavailableReason"/> says so.
/// </summary>
/// <param name="Duration">The idle window.</param>
/// <param name="Sensors">Idle power per machine-wide sensor that gave energy.</param>
/// <param name="UnavailableReason">Why there is no baseline at all; null when at least one sensor has one.</param>
internal sealed record IdleBaseline(TimeSpan Duration, IReadOnlyList<IdleSensor> Sensors, string? UnavailableReason)
{
    /// <summary>Why the modelled CPU (the process-tree fallback) has no idle figure.</summary>
    public const string ModelledNote = "the modelled CPU has no idle share: it models only the command's own CPU time, so it is net of idle already";

    /// <summary>Reads the machine-wide sensors for <paramref name="duration"/>, once a second and at both ends.</summary>
    public static async Task<IdleBaseline> MeasureAsync(
        TimeSpan duration, IReadOnlyList<ISensor> gpuSensors, string sysRoot, ISysfsReader reader, TimeProvider time)
    {
        var raplWhy = SensorDiscovery.RaplUnavailableReason(sysRoot, reader);
        IReadOnlyList<ISensor> sensors = [.. gpuSensors.Where(s => s.Kind == SensorKind.Gpu),
            .. raplWhy is null ? RaplDiscovery.CreateSensors(sysRoot, reader) : []];
        var start = time.GetTimestamp();
        var last = new Dictionary<string, SensorReading>(StringComparer.Ordinal);
        void ReadAll()
        {
            var at = time.GetElapsedTime(start);
            foreach (var sensor in sensors)
            {
                last[sensor.Id] = sensor.Read(at);
            }
        }

        ReadAll();
        while (time.GetElapsedTime(start) < duration)
        {
            var left = duration - time.GetElapsedTime(start);
            await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), time).ConfigureAwait(false);
            ReadAll();
        }

        var window = time.GetElapsedTime(start);
        var measured = sensors
            .Select(s => (s.Id, Energy: last[s.Id].EnergyJoules.Value))
            .Where(x => x.Energy is not null)
            .Select(x => new IdleSensor(x.Id, x.Energy!.Value, x.Energy.Value / window.TotalSeconds))
            .ToList();
        var why = measured.Count > 0 ? null
            : "no idle baseline: no sensor measures the machine as a whole (RAPL/NVML unavailable" +
              (raplWhy is null ? "" : "; RAPL: " + raplWhy) + ")";
        return new IdleBaseline(window, measured, why);
    }

    /// <summary>The sensor's energy net of idle: gross − idle power × <paramref name="runDuration"/>; null when this sensor has no baseline.</summary>
    public double? Net(string sensorId, double? grossJoules, TimeSpan runDuration) =>
        grossJoules is { } gross && Sensors.FirstOrDefault(s => s.SensorId == sensorId) is { } idle
            ? gross - (idle.IdlePowerWatts * runDuration.TotalSeconds)
            : null;
}
