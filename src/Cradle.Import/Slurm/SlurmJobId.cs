namespace Cradle.Import.Slurm;

/// <summary>
/// A JobID as sacct prints it, split into the job and the step: <c>123</c>, <c>123.batch</c>, <c>123.extern</c>,
/// <c>123.0</c>; array tasks <c>123_4</c> (pending arrays <c>123_[1-3]</c>); heterogeneous components <c>123+0</c>.
/// </summary>
/// <param name="Job">The job (or array task, or component) part, e.g. "123_4".</param>
/// <param name="Step">The step after the dot, e.g. "batch" or "0"; null for the job (allocation) line.</param>
internal sealed record SlurmJobId(string Job, string? Step)
{
    /// <summary>The job the run is grouped under: a heterogeneous job's components ("123+0", "123+1") share "123".</summary>
    public string GroupId => Job.Split('+')[0];

    /// <summary>Parses <paramref name="text"/>; null when it is not a job id.</summary>
    public static SlurmJobId? Parse(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var job = dot < 0 ? text : text[..dot];
        var step = dot < 0 ? null : text[(dot + 1)..];
        if (job.Length == 0 || !char.IsAsciiDigit(job[0]) || step is { Length: 0 }
            || !job.All(c => char.IsAsciiDigit(c) || c is '_' or '+' or '[' or ']' or '-' or ',' or '%'))
        {
            return null;
        }
        return new SlurmJobId(job, step);
    }

    /// <summary>An unexpanded array (<c>123_[1-3]</c>): pending tasks, not a job that ran.</summary>
    public bool IsPendingArray => Job.Contains('[', StringComparison.Ordinal);
}
