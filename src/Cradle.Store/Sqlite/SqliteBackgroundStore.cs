using Cradle.Store.Backgrounds;
using Microsoft.Data.Sqlite;
using static Cradle.Store.Sqlite.SqliteRows;

namespace Cradle.Store.Sqlite;

/// <summary>
/// Background databases (<see cref="IBackgroundStore"/>) in the SQLite store: the same connection and lock as its runs.
/// <see cref="SqliteRunStore"/> answers for it.
/// </summary>
internal sealed class SqliteBackgroundStore(SqliteConnection connection, Lock gate) : IBackgroundStore
{
    private static readonly Func<SqliteDataReader, int, DateTimeOffset> ReadTime = (reader, i) => SqliteText.Time(reader.GetString(i));

    /// <inheritdoc/>
    public (StoredBackground Background, bool Created) AddBackground(NewBackground background)
    {
        BackgroundLimits.Check(background);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (Find(background.Name, background.Version, transaction) is { } kept)
            {
                return kept.PackageSha256 == background.PackageSha256 ? (kept, false) : throw BackgroundLimits.Conflict(kept, background);
            }

            using (var insert = Command(connection, transaction, """
                INSERT INTO background_databases (name, version, package_sha256, source, imported_with, imported_at, content, size)
                VALUES ($name, $version, $sha, $source, $tool, $at, $content, $size)
                """, ("$name", background.Name), ("$version", background.Version), ("$sha", background.PackageSha256),
                ("$source", background.Source), ("$tool", background.ImportedWith),
                ("$at", SqliteText.Time(background.ImportedAt.ToUniversalTime())), ("$content", background.Content),
                ("$size", (long)background.Content.Length)))
            {
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return (Find(background.Name, background.Version, null)!, true);
        }
    }

    /// <inheritdoc/>
    public StoredBackground? FindBackground(string name, string? version)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (gate)
        {
            return BackgroundLimits.Choose(name, version, ReadRows(Command(connection, null,
                $"SELECT {BackgroundLimits.Columns} FROM background_databases WHERE name = $name ORDER BY version", ("$name", name))));
        }
    }

    /// <inheritdoc/>
    public byte[]? GetBackgroundContent(string name, string version)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(version);
        lock (gate)
        {
            using var command = Command(connection, null,
                "SELECT content FROM background_databases WHERE name = $name AND version = $version", ("$name", name), ("$version", version));
            return command.ExecuteScalar() as byte[];
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredBackground> ListBackgrounds()
    {
        lock (gate)
        {
            return ReadRows(Command(connection, null, $"SELECT {BackgroundLimits.Columns} FROM background_databases ORDER BY name, version"));
        }
    }

    /// <inheritdoc/>
    public void DeleteBackground(string name, string version)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(version);
        lock (gate)
        {
            using var command = Command(connection, null,
                "DELETE FROM background_databases WHERE name = $name AND version = $version", ("$name", name), ("$version", version));
            if (command.ExecuteNonQuery() == 0)
            {
                throw BackgroundLimits.NotFound(name, version);
            }
        }
    }

    private StoredBackground? Find(string name, string version, SqliteTransaction? transaction) =>
        ReadRows(Command(connection, transaction,
            $"SELECT {BackgroundLimits.Columns} FROM background_databases WHERE name = $name AND version = $version",
            ("$name", name), ("$version", version))).SingleOrDefault();

    private static List<StoredBackground> ReadRows(SqliteCommand command)
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            var rows = new List<StoredBackground>();
            while (reader.Read())
            {
                rows.Add(BackgroundLimits.Read(reader, ReadTime));
            }

            return rows;
        }
    }
}
