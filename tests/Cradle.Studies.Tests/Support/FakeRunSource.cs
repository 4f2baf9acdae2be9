using Cradle.Studies.Runs;

namespace Cradle.Studies.Tests.Support;

/// <summary>An in-memory run source; records how often each run was looked up. <see cref="Failure"/> makes every call throw.</summary>
internal sealed class FakeRunSource(params MeasuredRun[] runs) : IRunSource
{
    public Dictionary<string, int> Lookups { get; } = new(StringComparer.Ordinal);

    public string? Failure { get; init; }

    public MeasuredRun? Find(string idOrName)
    {
        if (Failure is not null)
        {
            throw new RunSourceException(Failure);
        }
        Lookups[idOrName] = Lookups.GetValueOrDefault(idOrName) + 1;
        return runs.FirstOrDefault(r => r.Id == idOrName) ?? runs.FirstOrDefault(r => r.Name == idOrName);
    }

    public MeasuredJob? FindJob(string jobId)
    {
        if (Failure is not null)
        {
            throw new RunSourceException(Failure);
        }
        Lookups["job:" + jobId] = Lookups.GetValueOrDefault("job:" + jobId) + 1;
        var members = runs.Where(r => r.JobId == jobId).ToList();
        return members.Count == 0 ? null : MeasuredJob.Of(jobId, members);
    }

    public IReadOnlyList<string> RecentJobs(int count) =>
        runs.OrderByDescending(r => r.StartedUtc).Take(count).Where(r => r.JobId is not null).Select(r => r.JobId!).Distinct().ToList();

    public IReadOnlyList<string> RecentLabels(int count) =>
        runs.OrderByDescending(r => r.StartedUtc).Take(count).SelectMany(r => r.Name is null ? new[] { r.Id } : [r.Id, r.Name]).ToList();

    /// <summary>A complete run on host h, 2026-11-28 10:15:00–10:45:00 UTC (1,800 s), with the given sensors.</summary>
    public static MeasuredRun Run(string id, string? name, params MeasuredSensor[] sensors) => new(
        id, name, "h", new DateTimeOffset(2026, 11, 28, 10, 15, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 10, 45, 0, TimeSpan.Zero),
        MeasuredRunStatus.Complete, 1800, null, sensors);

    public static MeasuredSensor Gpu(int index, double joules) =>
        new($"gpu{index}", "nvml-gpu", $"NVIDIA H100 #{index}", false, "NVML total-energy counter", joules);

    public static MeasuredSensor Package(double joules) =>
        new("rapl-package-0", "rapl-package", "package-0", false, "RAPL energy counter", joules);

    public static MeasuredSensor ModelledDram(double joules) =>
        new("dram", "modelled-memory", "DRAM", true, "modelled: 0.375 W/GB × 64 GB (RAPL DRAM unreadable: permission denied)", joules);
}
