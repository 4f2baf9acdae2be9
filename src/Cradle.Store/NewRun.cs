namespace Cradle.Store;

/// <summary>
/// What the writer knows when a run starts. The store adds the id, the start time (from its <see cref="TimeProvider"/>)
/// and the status <see cref="RunStatus.Running"/>.
/// </summary>
/// <param name="Name">Optional user-given name, unique in the store when given; null for none. Not empty.</param>
/// <param name="CommandLine">The measured command line as the user typed it (after the --).</param>
/// <param name="Host">The host name of the machine that runs the command.</param>
/// <param name="WorkingDirectory">The command's working directory, absolute.</param>
/// <param name="WriterProcessId">The process id of the writer (the cradle process) on <paramref name="Host"/>, &gt; 0:
/// used to tell a run still being written from an interrupted one.</param>
/// <param name="SiteId">Optional catalog site, cloud region or grid id the run is assessed for; null for none.</param>
/// <param name="Inference">Inference benchmark metadata; <see cref="InferenceMetadata.None"/> when not a benchmark.</param>
public sealed record NewRun(
    string? Name,
    string CommandLine,
    string Host,
    string WorkingDirectory,
    int WriterProcessId,
    string? SiteId,
    InferenceMetadata Inference)
{
    /// <summary>
    /// The batch job the run belongs to (a Slurm job id), when it is one node's share of a job that runs on several:
    /// runs with the same job id are read together (<c>cradle runs show --job</c>). Null when not part of a job.
    /// </summary>
    public string? JobId { get; init; }

    /// <summary>
    /// Labels the user gives the run (<c>baseline</c>, <c>team=nlp</c>), in the order given: each 1–64 characters, no
    /// control characters or commas, distinct, at most <see cref="RunTags.MaxPerRun"/>. Runs are filtered by exact
    /// tag (<see cref="RunFilter.Tag"/>). Empty for none.
    /// </summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
