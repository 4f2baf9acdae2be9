using System.Data.Common;
using Cradle.Store;
using Cradle.Store.Postgres;
using Cradle.Studies.Runs;

namespace Cradle.Runs;

/// <summary>
/// The run store as a study's run source. The store is found and opened on the first lookup, so a study without
/// <c>from_run</c> never touches it (nor the store settings); a path with no store is refused rather than created empty.
/// </summary>
public sealed class StoreRunSource : IRunSource, IDisposable
{
    private readonly string? _given;
    private readonly Func<string, IRunStore> _open;
    private string _shown;
    private IRunStore? _store;
    private bool _owned = true;

    /// <summary>A source over the store the <c>--store</c> value names, or else the default store.</summary>
    /// <param name="given">The <c>--store</c> value (a path or a postgres:// URI); null for the default store
    /// (<see cref="RunStoreLocation"/>).</param>
    /// <param name="open">Opens an existing store; <see cref="RunStores.Open"/> by default.</param>
    public StoreRunSource(string? given, Func<string, IRunStore>? open = null)
    {
        _given = given;
        _shown = given is null ? "(default)" : RunStores.Display(given);
        _open = open ?? (location => RunStores.Open(location));
    }

    /// <summary>A source over a store that is already open (the server's); disposing the source leaves it open.</summary>
    /// <param name="store">The open store.</param>
    /// <param name="shown">How the store is named in messages.</param>
    public static StoreRunSource Over(IRunStore store, string shown)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new StoreRunSource(shown, _ => store) { _store = store, _owned = false, _shown = shown };
    }

    /// <inheritdoc/>
    public MeasuredRun? Find(string idOrName) => Read(store =>
    {
        var run = store.FindRun(idOrName);
        return run is null ? null : MeasuredRuns.From(store, run);
    });

    /// <inheritdoc/>
    public IReadOnlyList<string> RecentLabels(int count) => Read(store =>
        (IReadOnlyList<string>)store.ListRuns(new RunFilter(Limit: count))
            .SelectMany(r => r.Name is null ? new[] { r.Id } : [r.Id, r.Name])
            .ToList());

    /// <inheritdoc/>
    public MeasuredJob? FindJob(string jobId) => Read(store => MeasuredRuns.Job(store, jobId));

    /// <inheritdoc/>
    public IReadOnlyList<string> RecentJobs(int count) => Read(store =>
        (IReadOnlyList<string>)store.ListRuns(new RunFilter(Limit: count))
            .Where(r => r.JobId is not null).Select(r => r.JobId!).Distinct(StringComparer.Ordinal).ToList());

    /// <summary>The store's background databases (what a study names with <c>store:</c>), opening the store on first use.</summary>
    /// <exception cref="RunSourceException">The store is missing or cannot be opened.</exception>
    public Store.Backgrounds.IBackgroundStore Backgrounds() => Read(store => (Store.Backgrounds.IBackgroundStore)store);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_owned)
        {
            _store?.Dispose();
        }
    }

    private T Read<T>(Func<IRunStore, T> read)
    {
        try
        {
            return read(Open());
        }
        catch (Exception e) when (e is StoreException or DbException or IOException or UnauthorizedAccessException)
        {
            throw new RunSourceException($"the run store '{_shown}' cannot be read: {e.Message}", e);
        }
    }

    private IRunStore Open()
    {
        if (_store is not null)
        {
            return _store;
        }
        var location = RunStoreLocation.Resolve(_given).Location;
        _shown = RunStores.Display(location);
        // Opening creates a missing file; a study only reads, so a wrong path must say so, not read an empty store.
        if (!RunStores.IsPostgres(location) && !File.Exists(location))
        {
            throw new RunSourceException(
                $"there is no run store at '{_shown}'; pass --store PATH with the store 'cradle measure' wrote.");
        }
        _store = _open(location);
        return _store;
    }
}
