namespace Cradle.Studies.Runs;

/// <summary>Where a measured run stands, as the study layer sees it.</summary>
public enum MeasuredRunStatus
{
    /// <summary>Still being measured: its energy is not final.</summary>
    Running,

    /// <summary>The measured command ran to its end.</summary>
    Complete,

    /// <summary>The measurement stopped early (killed, crashed): energy up to the last flushed sample.</summary>
    Interrupted,

    /// <summary>The measurement failed (the command could not start, a sensor broke).</summary>
    Failed,
}

/// <summary>One sensor of a run and the energy it recorded.</summary>
/// <param name="Id">Id within the run, e.g. "gpu0".</param>
/// <param name="Kind">What it reads, e.g. nvml-gpu, rapl-package, rapl-dram, modelled-memory.</param>
/// <param name="Device">Device label, e.g. "NVIDIA H100 80GB HBM3 #0".</param>
/// <param name="Modelled">True when the figures come from a model rather than a counter.</param>
/// <param name="Description">How it measures and, when modelled, why.</param>
/// <param name="EnergyJoules">Energy over the run in joules, ≥ 0; null when the sensor recorded no energy.</param>
public sealed record MeasuredSensor(string Id, string Kind, string Device, bool Modelled, string Description, double? EnergyJoules)
{
    /// <summary>Whether the sensor reads an accelerator (its kind names a GPU, e.g. nvml-gpu).</summary>
    public bool IsGpu => Kind.Contains("gpu", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the sensor gave no figure at all (e.g. no NVIDIA driver): it stands for no device, so it counts
    /// toward no device time.</summary>
    public bool Unavailable { get; init; }

    /// <summary>How many devices its figures cover, ≥ 1 (an imported total of 8 GPUs is one sensor covering 8).</summary>
    public int Devices { get; init; } = 1;

    /// <summary>Whether the sensor counts toward device time: a GPU sensor that was available.</summary>
    public bool IsCountedGpu => IsGpu && !Unavailable;

    /// <summary>The accelerators it counts as in device time: <see cref="Devices"/> when counted, else 0.</summary>
    public int CountedGpus => IsCountedGpu ? Devices : 0;
}

/// <summary>
/// A measured run as a study reads it: who, where, when, and the energy each sensor recorded. Totals are derived from
/// the sensors, so every source computes them the same way.
/// </summary>
/// <param name="Id">The run's id, e.g. 20261128-101500-ab12cd.</param>
/// <param name="Name">Its user-given name, or null.</param>
/// <param name="Host">The host it ran on.</param>
/// <param name="StartedUtc">Start (UTC).</param>
/// <param name="EndedUtc">End (UTC); null when unknown (still running, or interrupted before any sample).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="DurationSeconds">Measured duration in seconds, ≥ 0: end − start, or the last sample's offset when the
/// end is unknown; null when neither is known.</param>
/// <param name="Requests">Requests served (inference benchmark), ≥ 1; null when not recorded.</param>
/// <param name="Sensors">Its sensors.</param>
public sealed record MeasuredRun(
    string Id,
    string? Name,
    string Host,
    DateTimeOffset StartedUtc,
    DateTimeOffset? EndedUtc,
    MeasuredRunStatus Status,
    double? DurationSeconds,
    long? Requests,
    IReadOnlyList<MeasuredSensor> Sensors) : IMeasurement
{
    /// <summary>Where an imported run comes from (another tool's log, e.g. "codecarbon 2.3.1: emissions.csv … line 4");
    /// null for a run <c>cradle measure</c> wrote.</summary>
    public string? Origin { get; init; }

    /// <summary>The batch job the run is one node's share of; null when none.</summary>
    public string? JobId { get; init; }

    /// <summary>The sensors that recorded an energy.</summary>
    public IEnumerable<MeasuredSensor> EnergySensors => Sensors.Where(s => s.EnergyJoules is not null);

    /// <summary>Total energy in joules, the sum over the sensors that recorded one; null when none did (never 0 for unknown).</summary>
    public double? EnergyJoules => EnergySensors.Any() ? EnergySensors.Sum(s => s.EnergyJoules!.Value) : null;

    /// <summary>Whether every sensor that recorded energy reads a GPU, so the energy covers the accelerators only.</summary>
    public bool GpuOnly => EnergySensors.Any() && EnergySensors.All(s => s.IsGpu);

    /// <summary>Whether every sensor that recorded energy is modelled, so the total is a modelled figure.</summary>
    public bool AllModelled => EnergySensors.Any() && EnergySensors.All(s => s.Modelled);

    /// <summary>Accelerator time in device-hours: available GPU sensors × duration; null without one or without a duration.</summary>
    public double? DeviceHours
    {
        get
        {
            var gpus = Sensors.Sum(s => s.CountedGpus);
            return gpus == 0 || DurationSeconds is null ? null : gpus * DurationSeconds.Value / 3600;
        }
    }

    /// <summary>How the run is referred to in messages: its id, and its name when it has one.</summary>
    public string Label => Name is null ? $"run {Id}" : $"run {Id} '{Name}'";
}
