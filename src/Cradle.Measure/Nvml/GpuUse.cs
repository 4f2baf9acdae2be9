namespace Cradle.Measure.Nvml;

/// <summary>
/// What the measured command did on one GPU, from the compute-process lists read during the run (about once a second).
/// </summary>
/// <param name="SensorId">The GPU sensor's id.</param>
/// <param name="Device">The GPU's label.</param>
/// <param name="CommandPids">Pids of the command's process tree seen on this GPU, ascending; empty when none was.</param>
/// <param name="PeakCommandMemoryBytes">The largest device memory the command's processes held together at one
/// listing, in bytes; null when they were never seen or NVML never gave their memory.</param>
/// <param name="OtherPids">Pids seen on this GPU that are not the command's, ascending: their work is in the
/// GPU's whole-device energy.</param>
/// <param name="Listings">Process lists that were read.</param>
/// <param name="UnavailableListings">Times the list could not be read.</param>
/// <param name="UnavailableReason">The last reason the list could not be read; null when it always could.</param>
public sealed record GpuUse(
    string SensorId,
    string Device,
    IReadOnlyList<int> CommandPids,
    ulong? PeakCommandMemoryBytes,
    IReadOnlyList<int> OtherPids,
    int Listings,
    int UnavailableListings,
    string? UnavailableReason)
{
    /// <summary>Whether the command ran on this GPU: null when no list could be read, so "unknown" never reads as "no".</summary>
    public bool? CommandSeen => Listings > 0 ? CommandPids.Count > 0 : null;

    /// <summary>Whether other processes shared the GPU during the run (its energy is the whole device's).</summary>
    public bool Shared => OtherPids.Count > 0;
}
