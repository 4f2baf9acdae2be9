using Cradle.Store.Backgrounds;
using Npgsql;
using static Cradle.Store.Postgres.PostgresRows;

namespace Cradle.Store.Postgres;

/// <summary>
/// Background databases (<see cref="IBackgroundStore"/>) on PostgreSQL, each call one transaction of the run store's
/// (its data source, retries and error mapping). <see cref="PostgresRunStore"/> answers for it.
/// </summary>
internal sealed class PostgresBackgroundStore(PostgresRunStore store) : IBackgroundStore
{
    private static readonly Func<NpgsqlDataReader, int, DateTimeOffset> ReadTime =
        (reader, i) => new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc));

    /// <inheritdoc/>
    public (StoredBackground Background, bool Created) AddBackground(NewBackground background)
    {
        BackgroundLimits.Check(background);
        return store.Transact("keep a background database", (c, t) =>
        {
            // Another writer may keep the same name and version at the same moment: the primary key decides, and the
            // loser compares with the winner's row (ON CONFLICT DO NOTHING keeps the transaction usable).
            using (var insert = Command(c, t, """
                INSERT INTO background_databases (name, version, package_sha256, source, imported_with, imported_at, content, size)
                VALUES (@name, @version, @sha, @source, @tool, @at, @content, @size)
                ON CONFLICT DO NOTHING
                """, ("name", background.Name), ("version", background.Version), ("sha", background.PackageSha256),
                ("source", background.Source), ("tool", background.ImportedWith), ("at", Utc(background.ImportedAt)),
                ("content", background.Content), ("size", (long)background.Content.Length)))
            {
                if (insert.ExecuteNonQuery() == 1)
                {
                    return (Find(c, t, background.Name, background.Version)!, true);
                }
            }

            var kept = Find(c, t, background.Name, background.Version)!;
            return kept.PackageSha256 == background.PackageSha256 ? (kept, false) : throw BackgroundLimits.Conflict(kept, background);
        });
    }

    /// <inheritdoc/>
    public StoredBackground? FindBackground(string name, string? version)
    {
        ArgumentNullException.ThrowIfNull(name);
        return store.Transact("find a background database", (c, t) => BackgroundLimits.Choose(name, version, PostgresRunStore.ReadAll(
            Command(c, t, $"SELECT {BackgroundLimits.Columns} FROM background_databases WHERE name = @name ORDER BY version COLLATE \"C\"",
                ("name", name)),
            r => BackgroundLimits.Read(r, ReadTime))));
    }

    /// <inheritdoc/>
    public byte[]? GetBackgroundContent(string name, string version)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(version);
        return store.Transact("read a background database", (c, t) =>
        {
            using var command = Command(c, t, "SELECT content FROM background_databases WHERE name = @name AND version = @version",
                ("name", name), ("version", version));
            return command.ExecuteScalar() as byte[];
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredBackground> ListBackgrounds() =>
        store.Transact("list background databases", (c, t) => PostgresRunStore.ReadAll(
            Command(c, t, $"SELECT {BackgroundLimits.Columns} FROM background_databases ORDER BY name COLLATE \"C\", version COLLATE \"C\""),
            r => BackgroundLimits.Read(r, ReadTime)));

    /// <inheritdoc/>
    public void DeleteBackground(string name, string version)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(version);
        store.Transact("delete a background database", (c, t) =>
        {
            using var command = Command(c, t, "DELETE FROM background_databases WHERE name = @name AND version = @version",
                ("name", name), ("version", version));
            return command.ExecuteNonQuery() == 0 ? throw BackgroundLimits.NotFound(name, version) : true;
        });
    }

    private static StoredBackground? Find(NpgsqlConnection c, NpgsqlTransaction t, string name, string version) =>
        PostgresRunStore.ReadAll(Command(c, t,
                $"SELECT {BackgroundLimits.Columns} FROM background_databases WHERE name = @name AND version = @version",
                ("name", name), ("version", version)),
            r => BackgroundLimits.Read(r, ReadTime)).SingleOrDefault();
}
