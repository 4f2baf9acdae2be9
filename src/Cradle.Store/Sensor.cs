namespace Cradle.Store;

/// <summary>Whether a sensor's figures come from a hardware counter or from a model.</summary>
public enum SensorProvenance
{
    /// <summary>Read from a hardware counter or meter (NVML, RAPL, hwmon).</summary>
    Measured,

    /// <summary>Computed from a model (e.g. CPU time × catalog TDP) because no counter was readable; the sensor's
    /// description says why.</summary>
    Modelled,

    /// <summary>Gave no figure at all (no driver, no permission, a CPU missing from the catalog); the description says
    /// why. Kept as a sensor so the absence shows in every output.</summary>
    Unavailable,
}

/// <summary>One sensor of a run: a source of samples for one device and component.</summary>
/// <param name="Id">Id within the run, e.g. "gpu0", "rapl-package-0"; unique per run, not empty.</param>
/// <param name="Kind">What it reads, e.g. nvml-gpu, rapl-package, rapl-dram, modelled-cpu, modelled-memory.</param>
/// <param name="Device">Device label, e.g. "NVIDIA H100 80GB HBM3 #0" or "package-0".</param>
/// <param name="Provenance">Measured or modelled.</param>
/// <param name="Description">How the figures are obtained and, for a modelled sensor, why, e.g. "NVML total-energy counter"
/// or "modelled: process CPU time × TDP of Xeon 8480 from catalog (RAPL unreadable: permission denied)".</param>
public sealed record Sensor(string Id, string Kind, string Device, SensorProvenance Provenance, string Description)
{
    /// <summary>
    /// How many devices the sensor's figures cover, ≥ 1: 1 for one GPU read through NVML; 8 for CodeCarbon's GPU energy
    /// of 8 tracked GPUs, or a Slurm job's 4 allocated GPUs, which the source gives as one total. Device time counts
    /// a GPU sensor as this many accelerators.
    /// </summary>
    public int Devices { get; init; } = 1;
}
