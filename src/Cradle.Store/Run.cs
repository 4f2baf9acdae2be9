namespace Cradle.Store;

/// <summary>One measured run as stored. Immutable: the store returns a new value after every change.</summary>
/// <param name="Id">Store-assigned id, text that sorts by start time (yyyyMMdd-HHmmss-xxxxxx, UTC).</param>
/// <param name="Name">Optional unique user-given name; null for none.</param>
/// <param name="CommandLine">The measured command line.</param>
/// <param name="Host">Host name of the machine that ran the command.</param>
/// <param name="WorkingDirectory">The command's working directory.</param>
/// <param name="StartedUtc">When the run started (UTC, offset zero).</param>
/// <param name="EndedUtc">When the run ended (UTC). Null while running. For a run detected as interrupted on read, the
/// time of its last flushed sample (null when it has none).</param>
/// <param name="Status">Where the run stands; a stored running run whose writer is gone reads as interrupted.</param>
/// <param name="ExitCode">The child's exit code; null while running, when interrupted, or when the child never exited
/// normally (it could not start, or a signal ended it).</param>
/// <param name="WriterProcessId">Process id of the writer on <paramref name="Host"/>.</param>
/// <param name="SiteId">Catalog site, cloud region or grid id; null for none.</param>
/// <param name="Inference">Inference benchmark metadata (fields null when not given).</param>
public sealed record Run(
    string Id,
    string? Name,
    string CommandLine,
    string Host,
    string WorkingDirectory,
    DateTimeOffset StartedUtc,
    DateTimeOffset? EndedUtc,
    RunStatus Status,
    int? ExitCode,
    int WriterProcessId,
    string? SiteId,
    InferenceMetadata Inference)
{
    /// <summary>The batch job the run belongs to (see <see cref="NewRun.JobId"/>); null when none.</summary>
    public string? JobId { get; init; }

    /// <summary>
    /// Where an imported run comes from (<see cref="ImportedRun.Origin"/>); null for a run <c>cradle measure</c> wrote.
    /// </summary>
    public string? Origin { get; init; }

    /// <summary>Whether another tool measured the run and it was imported.</summary>
    public bool IsImported => Origin is not null;

    /// <summary>The run's tags in the order given (<see cref="NewRun.Tags"/>); empty for none (and for imported runs).</summary>
    public IReadOnlyList<string> Tags { get => tags; init => tags = TagList.Of(value); }

    // Compared by value (TagList), so a run read back equals the run written.
    private readonly IReadOnlyList<string> tags = TagList.Empty;
}
