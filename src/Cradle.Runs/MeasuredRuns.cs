using Cradle.Store;
using Cradle.Studies.Runs;

namespace Cradle.Runs;

/// <summary>A stored run, its sensors and samples, as a study reads it.</summary>
public static class MeasuredRuns
{
    /// <summary>
    /// Each sensor's energy is its last recorded cumulative energy (the store keeps joules since the run's start), or
    /// null when it recorded none. The duration is end − start, or the last sample's offset when the end is unknown.
    /// </summary>
    public static MeasuredRun From(Run run, IReadOnlyList<Sensor> sensors, IReadOnlyList<Sample> samples)
    {
        var energy = samples.Where(s => s.EnergyJoules is not null)
            .GroupBy(s => s.SensorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.OffsetSeconds)!.EnergyJoules, StringComparer.Ordinal);
        double? duration = run.EndedUtc is { } end
            ? (end - run.StartedUtc).TotalSeconds
            : samples.Count > 0 ? samples.Max(s => s.OffsetSeconds) : null;
        return new MeasuredRun(run.Id, run.Name, run.Host, run.StartedUtc, run.EndedUtc, Status(run.Status), duration, run.Inference.Requests,
            sensors.Select(s => new MeasuredSensor(s.Id, s.Kind, s.Device, s.Provenance == SensorProvenance.Modelled, s.Description,
                energy.GetValueOrDefault(s.Id)) { Unavailable = s.Provenance == SensorProvenance.Unavailable, Devices = s.Devices }).ToList())
        {
            Origin = run.Origin,
            JobId = run.JobId,
        };
    }

    /// <summary>The stored run with its sensors and samples read from <paramref name="store"/>.</summary>
    public static MeasuredRun From(IRunStore store, Run run) => From(run, store.GetSensors(run.Id), store.GetSamples(run.Id));

    /// <summary>Every run of job <paramref name="jobId"/> in <paramref name="store"/>, read together; null when none has it.</summary>
    public static MeasuredJob? Job(IRunStore store, string jobId)
    {
        var runs = store.ListRuns(new RunFilter(JobId: jobId));
        return runs.Count == 0 ? null : MeasuredJob.Of(jobId, runs.Select(r => From(store, r)));
    }

    private static MeasuredRunStatus Status(RunStatus status) => status switch
    {
        RunStatus.Running => MeasuredRunStatus.Running,
        RunStatus.Complete => MeasuredRunStatus.Complete,
        RunStatus.Interrupted => MeasuredRunStatus.Interrupted,
        RunStatus.Failed => MeasuredRunStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "a run status this version does not know"),
    };
}
