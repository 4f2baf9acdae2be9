using Cradle.Store;

namespace Cradle.Import.Slurm;

/// <summary>A finished job read from its job (allocation) line, with the steps the file lists for it.</summary>
/// <param name="Id">The JobID.</param>
/// <param name="Row">The job line.</param>
/// <param name="Name">JobName (or SubmitLine when the file has it).</param>
/// <param name="State">The state as written, e.g. "CANCELLED by 1300204".</param>
/// <param name="Status">Complete (COMPLETED, FAILED: the command ran to its end) or Interrupted (cancelled, timed out,
/// node failure, out of memory, preempted).</param>
/// <param name="ExitCode">The command's exit code; null when it was killed by a signal or the file has none.</param>
/// <param name="StartedUtc">Start.</param>
/// <param name="EndedUtc">End; null when "Unknown".</param>
/// <param name="ElapsedSeconds">Elapsed, s, &gt; 0.</param>
/// <param name="Nodes">NodeList, e.g. "omni[19,21]".</param>
/// <param name="Allocation">Allocated CPUs and GPUs.</param>
/// <param name="EnergyJoules">ConsumedEnergy in J; null when the file has none or 0 (energy accounting off).</param>
/// <param name="EnergyColumn">Where <paramref name="EnergyJoules"/> was read, e.g. "column 46 (ConsumedEnergyRaw)".</param>
/// <param name="Steps">The step lines of the job (batch, extern, 0, …), counted, not added: the job line already covers
/// the whole allocation.</param>
internal sealed record SlurmJob(
    SlurmJobId Id, SacctRow Row, string Name, string State, RunStatus Status, int? ExitCode, DateTimeOffset StartedUtc,
    DateTimeOffset? EndedUtc, double ElapsedSeconds, string Nodes, SlurmAllocation Allocation, double? EnergyJoules,
    string? EnergyColumn, IReadOnlyList<string> Steps);
