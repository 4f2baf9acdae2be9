namespace Cradle.Import.Slurm;

/// <summary>One imported job as the summary shows it.</summary>
/// <param name="JobId">The JobID as written.</param>
/// <param name="Where">"line 12" or "jobs[0]".</param>
/// <param name="State">The state as written.</param>
/// <param name="Nodes">NodeList.</param>
/// <param name="ElapsedSeconds">Elapsed, s.</param>
/// <param name="Cpus">Allocated CPUs; null when the record does not say.</param>
/// <param name="Gpus">Allocated GPUs (0 when none are accounted).</param>
/// <param name="GpuHours">Gpus × elapsed, h.</param>
/// <param name="CpuHours">Cpus × elapsed, h; null when the CPUs are unknown.</param>
/// <param name="EnergyJoules">The run's energy (measured, or the sum of its modelled sensors), J; null when none could
/// be given (CPU-only job without --cpu).</param>
/// <param name="Provenance">"measured" (Slurm energy accounting), "modelled" or "unavailable".</param>
/// <param name="Steps">The job's steps in the file (batch, extern, 0, …), not added to the job.</param>
public sealed record SlurmJobSummary(
    string JobId, string Where, string State, string Nodes, double ElapsedSeconds, int? Cpus, int Gpus, double GpuHours,
    double? CpuHours, double? EnergyJoules, string Provenance, int Steps);
