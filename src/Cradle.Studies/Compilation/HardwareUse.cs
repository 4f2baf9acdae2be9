namespace Cradle.Studies.Compilation;

/// <summary>Hardware a stage or the serving runs on, for reports and model cards.</summary>
/// <param name="Scope">The stage id, or "inference".</param>
/// <param name="Hardware">The hardware id.</param>
/// <param name="Device">The device's name.</param>
/// <param name="PerNode">Devices per node, as written.</param>
/// <param name="Lifespan">Lifespan, as written.</param>
public sealed record HardwareUse(string Scope, string Hardware, string Device, string PerNode, string Lifespan)
{
    /// <summary>
    /// How a device-hour (or, for the batch key, a request) takes its share of the embodied impacts; null when
    /// hardware manufacture is outside the system boundary (nothing is allocated).
    /// </summary>
    public Definition.AllocationKey? Allocation { get; init; }
}
