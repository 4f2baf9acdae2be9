namespace Cradle.Studies.Runs;

/// <summary>
/// The runs of one batch job, one per node (<c>srun cradle measure --job ID</c> on each), read together: energy and
/// device time are the sums over the nodes, the period runs from the first start to the last end. The one place these
/// sums are made, for <c>cradle runs show --job</c> and a study's <c>from_job</c> alike.
/// </summary>
/// <param name="JobId">The job id the runs share.</param>
/// <param name="Runs">The job's runs, at least one, ordered by host then start.</param>
public sealed record MeasuredJob(string JobId, IReadOnlyList<MeasuredRun> Runs) : IMeasurement
{
    /// <summary>The job of <paramref name="runs"/> (at least one), ordered by host, then start, then id.</summary>
    /// <exception cref="ArgumentException">No run is given, or a run belongs to another job.</exception>
    public static MeasuredJob Of(string jobId, IEnumerable<MeasuredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var ordered = runs.OrderBy(r => r.Host, StringComparer.Ordinal).ThenBy(r => r.StartedUtc).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException($"job {jobId} has no run; a job is read from its runs.", nameof(runs));
        }
        if (ordered.FirstOrDefault(r => r.JobId is not null && r.JobId != jobId) is { } other)
        {
            throw new ArgumentException($"{other.Label} belongs to job {other.JobId}, not {jobId}.", nameof(runs));
        }
        return new MeasuredJob(jobId, ordered);
    }

    /// <inheritdoc/>
    public string Label => $"job {JobId} ({Runs.Count} {(Runs.Count == 1 ? "node" : "nodes")})";

    /// <inheritdoc/>
    public IReadOnlyList<MeasuredSensor> Sensors => [.. Runs.SelectMany(r => r.Sensors)];

    /// <inheritdoc/>
    public IEnumerable<MeasuredSensor> EnergySensors => Runs.SelectMany(r => r.EnergySensors);

    /// <inheritdoc/>
    public double? EnergyJoules => EnergySensors.Any() ? EnergySensors.Sum(s => s.EnergyJoules!.Value) : null;

    /// <inheritdoc/>
    public bool GpuOnly => EnergySensors.Any() && EnergySensors.All(s => s.IsGpu);

    /// <inheritdoc/>
    public bool AllModelled => EnergySensors.Any() && EnergySensors.All(s => s.Modelled);

    /// <summary>The sum of the nodes' requests when every node recorded a count; null otherwise (a partial sum would
    /// understate the work).</summary>
    public long? Requests => Runs.All(r => r.Requests is not null) ? Runs.Sum(r => r.Requests!.Value) : null;

    /// <summary>
    /// The sum over the nodes of each node's GPU sensors × its own duration, in device-hours; null when no node has a GPU
    /// sensor, or a node with GPU sensors has no known duration (a partial sum would understate it).
    /// </summary>
    public double? DeviceHours
    {
        get
        {
            var withGpus = Runs.Where(r => r.Sensors.Any(s => s.IsCountedGpu)).ToList();
            return withGpus.Count == 0 || withGpus.Any(r => r.DeviceHours is null) ? null : withGpus.Sum(r => r.DeviceHours!.Value);
        }
    }

    /// <summary>The first node's start (UTC).</summary>
    public DateTimeOffset StartedUtc => Runs.Min(r => r.StartedUtc);

    /// <summary>The last node's end (UTC); null while a node's end is unknown (still running, or interrupted before any sample).</summary>
    public DateTimeOffset? EndedUtc => Runs.Any(r => r.EndedUtc is null) ? null : Runs.Max(r => r.EndedUtc!.Value);

    /// <summary>Seconds from the first start to the last end, ≥ 0; null when the last end is unknown.</summary>
    public double? DurationSeconds => EndedUtc is { } end ? (end - StartedUtc).TotalSeconds : null;

    /// <summary>The nodes whose run did not complete (running, interrupted or failed).</summary>
    public IReadOnlyList<MeasuredRun> Incomplete => [.. Runs.Where(r => r.Status != MeasuredRunStatus.Complete)];

    /// <summary>Nodes missing against <paramref name="expectedNodes"/> (one run per node): how many fewer runs than
    /// expected, ≥ 0; null when the expected count is not known.</summary>
    public int? Missing(int? expectedNodes) => expectedNodes is { } n ? Math.Max(0, n - Runs.Count) : null;

    /// <summary>Energy per sensor kind over all nodes: kind, joules (null when no sensor of the kind recorded energy),
    /// sensor count, and whether every sensor of the kind that recorded energy is modelled; ordered by kind.</summary>
    public IReadOnlyList<(string Kind, double? Joules, int Sensors, bool Modelled)> EnergyByKind =>
        [.. Sensors.GroupBy(s => s.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var energetic = g.Where(s => s.EnergyJoules is not null).ToList();
            return (g.Key, energetic.Count == 0 ? (double?)null : energetic.Sum(s => s.EnergyJoules!.Value), g.Count(),
                energetic.Count > 0 && energetic.All(s => s.Modelled));
        })];
}
