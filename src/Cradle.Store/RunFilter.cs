namespace Cradle.Store;

/// <summary>Which runs <see cref="IRunStore.ListRuns"/> returns; every criterion is optional (null: no restriction).</summary>
/// <param name="Status">Only runs with this status as read (so Interrupted includes running runs whose writer is gone).</param>
/// <param name="Host">Only runs measured on this host (exact, case-sensitive).</param>
/// <param name="Model">Only runs of this model (exact, case-sensitive).</param>
/// <param name="StartedFromUtc">Only runs started at or after this instant.</param>
/// <param name="StartedBeforeUtc">Only runs started strictly before this instant.</param>
/// <param name="Limit">At most this many runs (the newest), ≥ 1.</param>
/// <param name="JobId">Only runs of this batch job (exact).</param>
/// <param name="Tag">Only runs with this tag (exact, case-sensitive).</param>
public sealed record RunFilter(
    RunStatus? Status = null,
    string? Host = null,
    string? Model = null,
    DateTimeOffset? StartedFromUtc = null,
    DateTimeOffset? StartedBeforeUtc = null,
    int? Limit = null,
    string? JobId = null,
    string? Tag = null)
{
    /// <summary>No restriction: every run.</summary>
    public static RunFilter All { get; } = new();
}
