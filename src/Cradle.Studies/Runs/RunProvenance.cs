using System.Globalization;

namespace Cradle.Studies.Runs;

/// <summary>
/// The source text of a value taken from a run: which run, where and when it was measured, and what measured it,
/// modelled parts named as such, e.g. "run 20261128-101500-ab12cd 'llama-bench' on host h, 2026-11-28 10:15–10:47 UTC:
/// measured by NVML total-energy counter (NVIDIA H100 #0, nvml-gpu); modelled: DRAM (package-0, modelled-memory:
/// modelled: …)".
/// </summary>
internal static class RunProvenance
{
    /// <summary>The source text of a run's or a job's value.</summary>
    public static string Describe(IMeasurement measurement) => measurement switch
    {
        MeasuredJob job => Describe(job),
        MeasuredRun run => Describe(run),
        _ => throw new ArgumentOutOfRangeException(nameof(measurement), measurement.GetType().Name, "a measurement this version does not know"),
    };

    /// <summary>
    /// A job's source: the job, its period, then each node's run as <see cref="Describe(MeasuredRun)"/> gives it, e.g.
    /// "job 4242, 2 nodes, 2026-11-28 10:15–10:47 UTC: run … on host n1, …: measured by …; run … on host n2, …".
    /// </summary>
    public static string Describe(MeasuredJob job)
    {
        var period = Period(job.StartedUtc, job.EndedUtc);
        return $"job {job.JobId}, {job.Runs.Count} {(job.Runs.Count == 1 ? "node" : "nodes")}, {period}: " +
            string.Join(" | ", job.Runs.Select(Describe));
    }

    public static string Describe(MeasuredRun run)
    {
        var measured = run.Sensors.Where(s => s.EnergyJoules is not null && !s.Modelled).Select(Sensor).ToList();
        var modelled = run.Sensors.Where(s => s.EnergyJoules is not null && s.Modelled).Select(Sensor).ToList();
        var silent = run.Sensors.Where(s => s.EnergyJoules is null).Select(s => $"{s.Kind} {s.Device}").ToList();
        var parts = new List<string>();
        if (measured.Count > 0)
        {
            parts.Add($"measured by {string.Join(", ", measured)}");
        }
        if (modelled.Count > 0)
        {
            parts.Add($"modelled: {string.Join(", ", modelled)}");
        }
        if (silent.Count > 0)
        {
            parts.Add($"no energy from {string.Join(", ", silent)}");
        }
        var status = run.Status == MeasuredRunStatus.Complete ? "" : $" ({run.Status.ToString().ToLowerInvariant()})";
        var origin = run.Origin is null ? "" : $", imported from {run.Origin}";
        return $"{run.Label} on host {run.Host}, {Period(run.StartedUtc, run.EndedUtc)}{status}{origin}: {string.Join("; ", parts)}";
    }

    // The store's descriptions start with their method ("modelled: process-tree CPU time …"); the list above already
    // says which part is modelled, so the word is not repeated.
    private static string Sensor(MeasuredSensor s)
    {
        var description = s.Description.StartsWith("modelled: ", StringComparison.Ordinal) ? s.Description["modelled: ".Length..] : s.Description;
        return $"{description} ({s.Device}, {s.Kind})";
    }

    private static string Period(DateTimeOffset started, DateTimeOffset? endedUtc)
    {
        var start = started.UtcDateTime;
        var from = start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (endedUtc is not { } ended)
        {
            return $"{from} UTC, end unknown";
        }
        var end = ended.UtcDateTime;
        var to = end.Date == start.Date
            ? end.ToString("HH:mm", CultureInfo.InvariantCulture)
            : end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{from}–{to} UTC";
    }
}
