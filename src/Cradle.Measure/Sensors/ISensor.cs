namespace Cradle.Measure.Sensors;

/// <summary>
/// One measurable device or component. Not thread-safe: one caller (the sampler) reads it, with non-decreasing times.
/// </summary>
public interface ISensor
{
    /// <summary>Stable identifier, e.g. <c>rapl:intel-rapl:0</c> or <c>gpu:GPU-8f0c…</c>.</summary>
    string Id { get; }

    /// <summary>What the sensor measures.</summary>
    SensorKind Kind { get; }

    /// <summary>Human-readable device label, e.g. <c>NVIDIA H100 80GB HBM3 (GPU 0)</c> or <c>package-0</c>.</summary>
    string DeviceLabel { get; }

    /// <summary>Reads the sensor now.</summary>
    /// <param name="at">The current time on the caller's monotonic clock; must not go backwards between calls.</param>
    SensorReading Read(TimeSpan at);
}
