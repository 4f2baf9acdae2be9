using System.Data.Common;
using Cradle.Store;
using Cradle.Store.Sqlite;
using Cradle.Studies.Runs;

namespace Cradle.Cli.Runs;

/// <summary>
/// The run store as a study's run source. The store is opened on the first lookup, so a study without
/// <c>from_run</c> never touches it; a path with no store is refused rather than created empty.
/// </summary>
internal sealed class StoreRunSource : IRunSource, IDisposable
{
    private readonly string _path;
    private readonly Func<string, IRunStore> _open;
    private IRunStore? _store;

    /// <summary>A source over the store at <paramref name="path"/> (the <c>--store</c> option, or the default path).</summary>
    /// <param name="path">The store's file.</param>
    /// <param name="open">Opens an existing store file; the SQLite store by default.</param>
    public StoreRunSource(string path, Func<string, IRunStore>? open = null)
    {
        _path = path;
        _open = open ?? (p => SqliteRunStore.Open(p));
    }

    /// <inheritdoc/>
    public MeasuredRun? Find(string idOrName) => Read(store =>
    {
        var run = store.FindRun(idOrName);
        return run is null ? null : MeasuredRuns.From(run, store.GetSensors(run.Id), store.GetSamples(run.Id));
    });

    /// <inheritdoc/>
    public IReadOnlyList<string> RecentLabels(int count) => Read(store =>
        (IReadOnlyList<string>)store.ListRuns(new RunFilter(Limit: count))
            .SelectMany(r => r.Name is null ? new[] { r.Id } : [r.Id, r.Name])
            .ToList());

    /// <inheritdoc/>
    public void Dispose() => _store?.Dispose();

    private T Read<T>(Func<IRunStore, T> read)
    {
        try
        {
            return read(Open());
        }
        catch (Exception e) when (e is StoreException or DbException or IOException or UnauthorizedAccessException)
        {
            throw new RunSourceException($"the run store '{_path}' cannot be read: {e.Message}", e);
        }
    }

    private IRunStore Open()
    {
        if (_store is not null)
        {
            return _store;
        }
        // Opening creates a missing file; a study only reads, so a wrong path must say so, not read an empty store.
        if (!File.Exists(_path))
        {
            throw new RunSourceException(
                $"there is no run store at '{_path}'; pass --store PATH with the store 'cradle measure' wrote.");
        }
        _store = _open(_path);
        return _store;
    }
}
