using Cradle.Store.Sqlite;

namespace Cradle.Store.Postgres;

/// <summary>
/// Opens the run store a location names: a postgres:// or postgresql:// URI (or an Npgsql connection string starting
/// Host= or Server=) opens <see cref="PostgresRunStore"/>; anything else is a file path and opens
/// <see cref="SqliteRunStore"/>. The one place that decides.
/// </summary>
public static class RunStores
{
    /// <summary>Opens (and migrates) the store at <paramref name="location"/>.</summary>
    /// <param name="location">A file path or a PostgreSQL URI (see <see cref="RunStoreLocation"/> for where it comes from).</param>
    /// <param name="time">Clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="liveness">Process check; <see cref="SystemProcessLiveness"/> when null.</param>
    /// <exception cref="StoreException">The store cannot be opened; the message never shows a password.</exception>
    public static IRunStore Open(string location, TimeProvider? time = null, IProcessLiveness? liveness = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return IsPostgres(location)
            ? PostgresRunStore.Open(location, time, liveness)
            : SqliteRunStore.Open(location, time, liveness);
    }

    /// <summary>Whether the location names a PostgreSQL server rather than a file.</summary>
    public static bool IsPostgres(string location) => PostgresUri.IsPostgres(location);

    /// <summary>The location as it may be printed: a URI with its password masked; a path made absolute.</summary>
    public static string Display(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return IsPostgres(location) ? PostgresUri.Masked(location) : Path.GetFullPath(location);
    }
}
