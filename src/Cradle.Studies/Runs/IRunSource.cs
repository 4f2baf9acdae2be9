namespace Cradle.Studies.Runs;

/// <summary>
/// What a study needs from the run store: a measured run by id or name, a job's runs by job id, and the latest runs'
/// labels and job ids for suggestions.
/// Kept here so the study layer does not depend on any storage technology; the CLI adapts the run store to it.
/// </summary>
public interface IRunSource
{
    /// <summary>The run with this id, or else with this name; null when there is none.</summary>
    /// <exception cref="RunSourceException">The source cannot be read (no store at the path, a newer schema, …).</exception>
    MeasuredRun? Find(string idOrName);

    /// <summary>Ids and names of the newest runs (at most <paramref name="count"/> runs, ≥ 1), for "did you mean".</summary>
    /// <exception cref="RunSourceException">The source cannot be read.</exception>
    IReadOnlyList<string> RecentLabels(int count);

    /// <summary>The runs of the batch job with this id (one per node), read together; null when no run has it.</summary>
    /// <exception cref="RunSourceException">The source cannot be read.</exception>
    MeasuredJob? FindJob(string jobId);

    /// <summary>Job ids of the newest runs that have one (from at most <paramref name="count"/> runs, ≥ 1), for "did you mean".</summary>
    /// <exception cref="RunSourceException">The source cannot be read.</exception>
    IReadOnlyList<string> RecentJobs(int count);
}

/// <summary>The run source cannot be read; the message says what is wrong and what to do.</summary>
public sealed class RunSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RunSourceException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public RunSourceException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public RunSourceException()
    {
    }
}
