using System.Globalization;
using Npgsql;

namespace Cradle.Store.Postgres;

/// <summary>
/// Brings a PostgreSQL store (the tables in the connection's current schema) to the newest schema: refuses a schema of
/// another application or of a newer Cradle before writing anything, then applies each missing step in its own
/// transaction with its schema_version row. Every step first takes a transaction-level advisory lock, so processes that
/// open the same new database at once (eight nodes of one job) apply each step exactly once, one after the other.
/// </summary>
internal static class PostgresSchemaMigrator
{
    /// <summary>
    /// The advisory lock key of schema changes: a fixed number of Cradle's own, unlikely to be another application's
    /// key on the same server. Taken per database (schemas of one database share it); released when the transaction ends.
    /// </summary>
    public const long LockKey = 0x5a4f_3c1d_2e7b_9a61;

    /// <summary>The schema version of the store after migrating.</summary>
    /// <param name="connection">An open connection to the store.</param>
    /// <param name="display">The store's location with its password masked, for messages.</param>
    /// <param name="migrations">The steps, oldest first.</param>
    /// <param name="time">Clock for the applied_utc column.</param>
    public static int Migrate(NpgsqlConnection connection, string display, IReadOnlyList<PostgresMigration> migrations, TimeProvider time)
    {
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        // The common case (an up-to-date store) needs no lock: one read.
        if (HasVersionTable(connection, null) && CurrentVersion(connection, null) is var found)
        {
            if (found > known)
            {
                throw new SchemaTooNewException(display, found, known);
            }

            if (found == known)
            {
                return found;
            }
        }

        foreach (var migration in migrations)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", LockKey));
            // Checked again under the lock: another process may have created or changed the schema since we looked.
            if (!HasVersionTable(connection, transaction))
            {
                RefuseForeignSchema(connection, transaction, display);
                Execute(connection, transaction, """
                    CREATE TABLE schema_version (
                        version     integer PRIMARY KEY NOT NULL,
                        description text NOT NULL,
                        applied_utc timestamptz NOT NULL
                    )
                    """);
            }

            var current = CurrentVersion(connection, transaction);
            if (current > known)
            {
                throw new SchemaTooNewException(display, current, known);
            }

            if (current >= migration.Version)
            {
                continue; // disposing the transaction rolls it back and releases the lock
            }

            foreach (var statement in migration.Statements)
            {
                Execute(connection, transaction, statement);
            }

            Execute(connection, transaction, "INSERT INTO schema_version (version, description, applied_utc) VALUES (@v, @d, @t)",
                ("v", migration.Version), ("d", migration.Description), ("t", time.GetUtcNow().UtcDateTime));
            transaction.Commit();
        }

        return CurrentVersion(connection, null);
    }

    /// <summary>The highest version recorded; 0 when none.</summary>
    public static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection, transaction);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static bool HasVersionTable(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_version'",
            connection, transaction);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    // A schema with tables but no schema_version belongs to someone else: adding ours would mix two applications.
    private static void RefuseForeignSchema(NpgsqlConnection connection, NpgsqlTransaction transaction, string display)
    {
        using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name LIMIT 1",
            connection, transaction);
        if (command.ExecuteScalar() is string table)
        {
            throw new StoreException(
                "not-a-run-store",
                $"The database {display} holds tables of another application (it has a table '{table}' and no schema_version). " +
                "Pass a new, empty database (or schema) for the Cradle run store; nothing was changed.");
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
