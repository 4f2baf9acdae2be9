using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Cradle.Store.Sqlite;

/// <summary>
/// Brings a SQLite store to the newest schema: refuses a file of another application or of a newer Cradle before
/// writing anything, then applies each missing step in its own immediate transaction (so two processes opening the
/// same new file at once apply each step once).
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>The schema version of the open store after migrating; <paramref name="beforeFirstWrite"/> runs once the
    /// file is known to be ours and not newer.</summary>
    public static int Migrate(
        SqliteConnection connection, string path, IReadOnlyList<Migration> migrations, TimeProvider time, Action beforeFirstWrite)
    {
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (!HasVersionTable(connection))
        {
            RefuseForeignDatabase(connection, path);
        }
        else if (CurrentVersion(connection) is var found && found > known)
        {
            throw new SchemaTooNewException(path, found, known);
        }

        beforeFirstWrite();
        Execute(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY NOT NULL,
                description TEXT NOT NULL,
                applied_utc TEXT NOT NULL
            )
            """);
        foreach (var migration in migrations)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            // Read again inside the write lock: another process may have applied this step since we looked.
            var current = CurrentVersion(connection, transaction);
            if (current > known)
            {
                throw new SchemaTooNewException(path, current, known);
            }

            if (current >= migration.Version)
            {
                continue;
            }

            foreach (var statement in migration.Statements)
            {
                Execute(connection, transaction, statement);
            }

            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description, applied_utc) VALUES ($v, $d, $t)";
            record.Parameters.AddWithValue("$v", migration.Version);
            record.Parameters.AddWithValue("$d", migration.Description);
            record.Parameters.AddWithValue("$t", SqliteText.Time(time.GetUtcNow()));
            record.ExecuteNonQuery();
            transaction.Commit();
        }

        return CurrentVersion(connection);
    }

    /// <summary>The highest version recorded; 0 when none.</summary>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static bool HasVersionTable(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    // A SQLite file with tables but no schema_version belongs to someone else: adding ours would mix two applications.
    // Read in one query: another Cradle process creating the same new file may add schema_version between two looks.
    private static void RefuseForeignDatabase(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            + "ORDER BY name = 'schema_version' DESC LIMIT 1";
        if (command.ExecuteScalar() is string table && table != "schema_version")
        {
            throw new StoreException(
                "not-a-run-store",
                $"{path} is a SQLite database of another application (it has a table '{table}' and no schema_version). " +
                "Pass the path of a Cradle run store, or a new file; the file was not changed.");
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
