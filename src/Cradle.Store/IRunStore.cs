namespace Cradle.Store;

/// <summary>
/// The run store: measured runs, their sensors and samples. Every write is one transaction, committed (durable) when
/// the method returns. Nothing is dropped silently: writing to a missing or finished run, a duplicate name, an unknown
/// or duplicate sensor, or a duplicate sample throws a <see cref="StoreException"/> and writes nothing of that call.
/// Implementations are safe to call from several threads.
/// </summary>
public interface IRunStore : Studies.IStudyStore, Backgrounds.IBackgroundStore, IDisposable
{
    /// <summary>Starts a run (status running, start time now) and returns it with its new id.</summary>
    /// <exception cref="DuplicateRunNameException">Another run already has <see cref="NewRun.Name"/>.</exception>
    Run CreateRun(NewRun run);

    /// <summary>Adds sensors to a running run, all or none.</summary>
    /// <exception cref="RunNotFoundException">No run has this id.</exception>
    /// <exception cref="RunNotWritableException">The run is no longer running.</exception>
    /// <exception cref="StoreException">A sensor id is already used in this run (code duplicate-sensor).</exception>
    void AddSensors(string runId, IReadOnlyList<Sensor> sensors);

    /// <summary>
    /// Appends a batch of samples in one transaction, all or none. The writer calls this about once a second, so a
    /// crash loses at most the samples not yet appended.
    /// </summary>
    /// <exception cref="RunNotFoundException">A sample names a run that does not exist.</exception>
    /// <exception cref="RunNotWritableException">A sample's run is no longer running.</exception>
    /// <exception cref="StoreException">A sample names an unknown sensor (unknown-sensor) or repeats a sensor's
    /// offset (duplicate-sample).</exception>
    /// <exception cref="ArgumentException">A figure is out of range (negative energy, utilisation outside [0, 1], NaN).</exception>
    void AppendSamples(IReadOnlyList<Sample> samples);

    /// <summary>Ends a running run: its status (complete, failed or interrupted), the child's exit code (null when the
    /// child never exited normally) and the end time (now).</summary>
    /// <exception cref="RunNotFoundException">No run has this id.</exception>
    /// <exception cref="RunNotWritableException">The run is already finished.</exception>
    /// <exception cref="ArgumentException"><paramref name="status"/> is <see cref="RunStatus.Running"/>.</exception>
    Run FinishRun(string runId, RunStatus status, int? exitCode);

    /// <summary>The run with this id, or else with this name; null when there is none.</summary>
    Run? FindRun(string idOrName);

    /// <summary>Runs matching <paramref name="filter"/>, newest first (by start time, then id).</summary>
    IReadOnlyList<Run> ListRuns(RunFilter filter);

    /// <summary>The run's sensors, ordered by id.</summary>
    /// <exception cref="RunNotFoundException">No run has this id.</exception>
    IReadOnlyList<Sensor> GetSensors(string runId);

    /// <summary>The run's samples ordered by offset, then sensor id.</summary>
    /// <exception cref="RunNotFoundException">No run has this id.</exception>
    IReadOnlyList<Sample> GetSamples(string runId);

    /// <summary>The run's samples with an offset strictly after <paramref name="afterOffsetSeconds"/>, ordered by offset,
    /// then sensor id, at most <paramref name="limit"/>: how a reader follows a running run, or pages through a long one.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="afterOffsetSeconds">Only samples later than this offset (a negative value: from the first).</param>
    /// <param name="limit">At most this many samples, ≥ 1.</param>
    /// <exception cref="RunNotFoundException">No run has this id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is below 1.</exception>
    IReadOnlyList<Sample> GetSamplesAfter(string runId, double afterOffsetSeconds, int limit);

    /// <summary>Each sensor's latest sample (the highest offset), ordered by sensor id; sensors without samples are
    /// left out.</summary>
    /// <exception cref="RunNotFoundException">No run has this id.</exception>
    IReadOnlyList<Sample> GetLatestSamples(string runId);

    /// <summary>How many samples the run has (all sensors), without reading them: what a live view or a metrics scrape
    /// reports as samples stored.</summary>
    /// <exception cref="RunNotFoundException">No run has this id.</exception>
    long CountSamples(string runId);

    /// <summary>
    /// Stores the status interrupted for every running run whose writer is gone (see <see cref="RunLiveness"/>), with
    /// the time of its last sample as end time; returns those runs as now stored.
    /// </summary>
    IReadOnlyList<Run> MarkInterruptedRuns();

    /// <summary>Records the requests a running run served, counted by the command itself (replacing any count).</summary>
    /// <param name="runId">A run that is still running.</param>
    /// <param name="requests">The count, at least 1.</param>
    /// <returns>The run as now stored.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requests"/> is below 1.</exception>
    /// <exception cref="StoreException">The run is missing or finished.</exception>
    Run SetRequestCount(string runId, long requests);

    /// <summary>Stores the idle baseline measured before a running run's command started, all readings or none.</summary>
    /// <param name="runId">A run that is still running.</param>
    /// <param name="readings">One per sensor that gave energy; sensor ids unique.</param>
    /// <exception cref="ArgumentException">A reading is blank, out of range, or names a sensor twice.</exception>
    /// <exception cref="StoreException">The run is missing or finished, or already has a baseline (code
    /// <c>duplicate-idle</c>).</exception>
    void SetIdleBaseline(string runId, IReadOnlyList<IdleReading> readings);

    /// <summary>The run's idle baseline, by sensor id; empty when none was measured.</summary>
    /// <exception cref="StoreException">The run is missing.</exception>
    IReadOnlyList<IdleReading> GetIdleBaseline(string runId);

    /// <summary>
    /// Stores finished runs that another tool measured, with their sensors and samples, all in one transaction: every
    /// run of the list or none (an import takes a whole file or nothing).
    /// </summary>
    /// <returns>The runs as stored, in the order given, with their new ids.</returns>
    /// <exception cref="ArgumentException">A run is running, has a blank origin, repeats an origin or a sensor id, or a
    /// sample is out of range or names a sensor the run does not have.</exception>
    /// <exception cref="StoreException">A run with the same origin is already stored (code <c>already-imported</c>).</exception>
    /// <exception cref="DuplicateRunNameException">A name is already used (or used twice in the list).</exception>
    IReadOnlyList<Run> ImportRuns(IReadOnlyList<ImportedRun> runs);

    /// <summary>Deletes a run with its sensors and samples.</summary>
    /// <exception cref="RunNotFoundException">No run has this id.</exception>
    /// <exception cref="RunNotWritableException">The run is still being written by a live process.</exception>
    void DeleteRun(string runId);
}
