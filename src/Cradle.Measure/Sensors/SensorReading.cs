namespace Cradle.Measure.Sensors;

/// <summary>What one sensor reported at one moment.</summary>
/// <param name="At">When it was read, on the caller's monotonic clock (time since the caller's origin).</param>
/// <param name="EnergyJoules">Energy in joules since this sensor's first successful read (cumulative).</param>
/// <param name="PowerWatts">Power in watts: the device's own power reading, or the counter difference over the last
/// interval divided by its length.</param>
/// <param name="TemperatureCelsius">Temperature in degrees Celsius.</param>
/// <param name="Utilisation">Busy fraction of the last sample period, 0 to 1.</param>
/// <param name="MemoryUsedBytes">Device memory in use, in bytes.</param>
/// <param name="Provenance">Where the figures come from.</param>
/// <param name="Findings">Noteworthy events of this read (wraps, stale counter, dropped samples…); empty when none.</param>
public sealed record SensorReading(
    TimeSpan At,
    SensorValue EnergyJoules,
    SensorValue PowerWatts,
    SensorValue TemperatureCelsius,
    SensorValue Utilisation,
    SensorValue MemoryUsedBytes,
    SensorProvenance Provenance,
    IReadOnlyList<MeasureFinding> Findings)
{
    /// <summary>A reading in which every quantity is unavailable for the same reason.</summary>
    public static SensorReading AllUnavailable(
        TimeSpan at, string reason, SensorProvenance provenance, IReadOnlyList<MeasureFinding>? findings = null)
    {
        var none = SensorValue.Unavailable(reason);
        return new SensorReading(at, none, none, none, none, none, provenance, findings ?? []);
    }
}
