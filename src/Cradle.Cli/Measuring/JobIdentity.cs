using Cradle.Syntax;

namespace Cradle.Cli.Measuring;

/// <summary>
/// The batch job a measured run belongs to: <c>--job ID</c> when given, else <c>$SLURM_JOB_ID</c> when set (so
/// <c>srun cradle measure -- CMD</c> groups the nodes of a Slurm job without naming it), else none.
/// </summary>
/// <param name="JobId">The job id to store; null for none.</param>
/// <param name="Note">What to tell the user when the id was taken from the environment; null otherwise.</param>
/// <param name="Problem">Why the id given cannot be used; null when it can.</param>
internal sealed record JobIdentity(string? JobId, string? Note, string? Problem)
{
    /// <summary>The environment variable Slurm sets to the job id inside a job.</summary>
    public const string Variable = "SLURM_JOB_ID";

    /// <summary>The longest job id accepted, in characters (Slurm's are a few digits, array jobs "123_4").</summary>
    public const int MaxLength = 200;

    /// <summary>The job id from <paramref name="given"/> (<c>--job</c>) or else <paramref name="environment"/>
    /// (<c>$SLURM_JOB_ID</c>); an explicit value wins, an empty environment variable counts as unset.</summary>
    public static JobIdentity Resolve(string? given, string? environment)
    {
        if (given is not null)
        {
            return Check(given, "--job") is { } problem ? new JobIdentity(null, null, problem) : new JobIdentity(given, null, null);
        }
        if (string.IsNullOrEmpty(environment))
        {
            return new JobIdentity(null, null, null);
        }
        return Check(environment, "$" + Variable) is { } envProblem
            ? new JobIdentity(null, null, envProblem + " Pass --job ID to name the job yourself.")
            : new JobIdentity(environment, $"run recorded as part of job {environment}, from ${Variable} (--job overrides it).", null);
    }

    private static string? Check(string id, string where)
    {
        if (id.Trim().Length == 0)
        {
            return $"{where} expects a job id; got an empty one.";
        }
        if (id.Length > MaxLength || id.Any(char.IsControl) || id != id.Trim())
        {
            return $"{where} expects a job id of at most {MaxLength} characters without control characters or surrounding spaces; got '{Printable.Escape(id)}'.";
        }
        return null;
    }
}
