namespace Cradle.Studies.Runs;

/// <summary>
/// What a study reads from a measurement, whether one run (<c>from_run</c>) or a job's runs across nodes
/// (<c>from_job</c>): its sensors and the totals derived from them.
/// </summary>
public interface IMeasurement
{
    /// <summary>How it is referred to in messages, e.g. "run 20261128-101500-ab12cd 'bench'" or "job 4242 (4 nodes)".</summary>
    string Label { get; }

    /// <summary>Every sensor (of every node, for a job).</summary>
    IReadOnlyList<MeasuredSensor> Sensors { get; }

    /// <summary>The sensors that recorded an energy.</summary>
    IEnumerable<MeasuredSensor> EnergySensors { get; }

    /// <summary>Total energy in joules, ≥ 0; null when no sensor recorded one (never 0 for unknown).</summary>
    double? EnergyJoules { get; }

    /// <summary>Whether every sensor that recorded energy reads a GPU.</summary>
    bool GpuOnly { get; }

    /// <summary>Whether every sensor that recorded energy is modelled.</summary>
    bool AllModelled { get; }

    /// <summary>Requests served, ≥ 1; null when not recorded.</summary>
    long? Requests { get; }

    /// <summary>Accelerator time in device-hours, ≥ 0; null when it cannot be known.</summary>
    double? DeviceHours { get; }
}
