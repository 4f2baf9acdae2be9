namespace Cradle.Measure.Sensors;

/// <summary>
/// Stands in for a device class that cannot be read at all (no NVML library, no powercap tree), so that the absence is
/// reported in every output with its reason instead of silently leaving the device out.
/// </summary>
/// <param name="Id">Identifier, e.g. <c>gpu</c> or <c>rapl</c>.</param>
/// <param name="Kind">What would have been measured.</param>
/// <param name="DeviceLabel">Label of the device class, e.g. <c>NVIDIA GPUs</c>.</param>
/// <param name="Reason">Why it cannot be read, and how to fix that where there is a fix.</param>
public sealed record UnavailableSensor(string Id, SensorKind Kind, string DeviceLabel, string Reason) : ISensor
{
    /// <inheritdoc/>
    public SensorReading Read(TimeSpan at) => SensorReading.AllUnavailable(
        at, Reason, new SensorProvenance(ProvenanceMethod.Unavailable, DeviceLabel, Reason));
}
