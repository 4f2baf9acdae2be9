namespace Cradle.Measure.Procfs;

/// <summary>What a process and its live descendants use at one moment, read from procfs.</summary>
/// <param name="ProcessCount">Processes in the tree (the root and its live descendants), at least 1.</param>
/// <param name="CpuTicks">CPU time in clock ticks: utime + stime + cutime + cstime summed over the tree (cutime and
/// cstime hold the time of descendants the tree has already waited for, so a descendant's time stays counted after
/// it exits).</param>
/// <param name="ResidentBytes">Resident set size summed over the tree (VmRSS, bytes); null when no process of the
/// tree reported one (all zombies). Shared pages are counted once per process that maps them.</param>
public sealed record ProcessTreeUsage(int ProcessCount, ulong CpuTicks, ulong? ResidentBytes)
{
    /// <summary>The pids of the tree at this read (the root first); used to tell the command's processes on a GPU from
    /// other users of it.</summary>
    public IReadOnlyList<int> Pids { get; init; } = [];
}
