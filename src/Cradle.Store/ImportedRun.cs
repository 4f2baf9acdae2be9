namespace Cradle.Store;

/// <summary>
/// A finished run that another tool measured (a CodeCarbon log, a Slurm accounting record, a published benchmark),
/// imported whole: <see cref="IRunStore.ImportRuns"/> stores it with its own start and end times, sensors and samples
/// in one transaction, and never changes it afterwards.
/// </summary>
/// <param name="Run">Name, command line (what ran, as the source says it), host, working directory, site and inference
/// metadata. Its <see cref="NewRun.WriterProcessId"/> is not used: no process of this store wrote the run, so the
/// store keeps 0 there.</param>
/// <param name="StartedUtc">When the run started, as the source records it.</param>
/// <param name="EndedUtc">When it ended; null when the source gives no end (then durations come from the samples).</param>
/// <param name="Status">Complete, failed or interrupted; never running (an import takes finished runs only).</param>
/// <param name="ExitCode">The exit code when the source gives one.</param>
/// <param name="Origin">Where the run comes from, specific enough to tell two imports of the same record apart and to
/// refuse the second, e.g. "codecarbon 2.3.1: emissions.csv (sha256 3f2a…) line 4". Unique in the store.</param>
/// <param name="Sensors">The run's sensors (ids unique), each with its provenance as the source supports it.</param>
/// <param name="Samples">The readings, offsets from <paramref name="StartedUtc"/>; every sensor id must be one of
/// <paramref name="Sensors"/>.</param>
public sealed record ImportedRun(
    NewRun Run,
    DateTimeOffset StartedUtc,
    DateTimeOffset? EndedUtc,
    RunStatus Status,
    int? ExitCode,
    string Origin,
    IReadOnlyList<Sensor> Sensors,
    IReadOnlyList<ImportedSample> Samples);

/// <summary>One reading of an imported run; as <see cref="Sample"/>, without the run id the store assigns.</summary>
/// <param name="SensorId">The sensor within the run.</param>
/// <param name="OffsetSeconds">Time since the run's start, in seconds, ≥ 0; unique per sensor.</param>
/// <param name="EnergyJoules">Cumulative energy since the start, J, ≥ 0; null when the source has none.</param>
/// <param name="PowerWatts">Power, W, ≥ 0; null when the source has none.</param>
/// <param name="TemperatureCelsius">Temperature, °C; null when the source has none.</param>
/// <param name="Utilisation">Utilisation in [0, 1]; null when the source has none.</param>
public sealed record ImportedSample(
    string SensorId,
    double OffsetSeconds,
    double? EnergyJoules,
    double? PowerWatts = null,
    double? TemperatureCelsius = null,
    double? Utilisation = null)
{
    /// <summary>The sample as stored in run <paramref name="runId"/>.</summary>
    public Sample In(string runId) => new(runId, SensorId, OffsetSeconds, EnergyJoules, PowerWatts, TemperatureCelsius, Utilisation);
}
