using Cradle.Store;

namespace Cradle.Server.Metrics;

/// <summary>The labels a sensor's series carry: its id in the run, what it reads, the device, and how its figures are
/// obtained (measured, modelled, unavailable), as the run store records them.</summary>
/// <param name="Id">The sensor's id in its run, e.g. gpu0, rapl-package-0.</param>
/// <param name="Kind">What it reads, e.g. nvml-gpu, rapl-package, modelled-cpu, temperature.</param>
/// <param name="Device">The device label, e.g. "NVIDIA H100 80GB HBM3 #0".</param>
/// <param name="Provenance">measured, modelled or unavailable.</param>
public sealed record MeasuredSensor(string Id, string Kind, string Device, string Provenance)
{
    /// <summary>The labels of a stored sensor.</summary>
    public static MeasuredSensor Of(Sensor sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        return new MeasuredSensor(sensor.Id, sensor.Kind, sensor.Device, ProvenanceName(sensor.Provenance));
    }

    /// <summary>The provenance as the run documents write it: measured, modelled, unavailable.</summary>
    public static string ProvenanceName(SensorProvenance provenance) => provenance switch
    {
        SensorProvenance.Measured => "measured",
        SensorProvenance.Modelled => "modelled",
        _ => "unavailable",
    };
}
