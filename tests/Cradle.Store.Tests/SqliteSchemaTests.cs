using System.Globalization;
using Cradle.Store.Sqlite;

namespace Cradle.Store.Tests;

/// <summary>Opening, creating and migrating SQLite store files.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static long Count(string path, string sql) => Convert.ToInt64(RawSqlite.Scalar(path, sql), CultureInfo.InvariantCulture);

    [Fact]
    public void A_missing_file_and_its_folders_are_created_at_the_newest_version_in_wal_mode()
    {
        var path = Path.Combine(folder.Path, "a", "b", "runs.db");
        using (var store = SqliteRunStore.Open(path))
        {
            Assert.Equal(SqliteRunStore.LatestSchemaVersion, store.SchemaVersion);
            Assert.Equal(path, store.Path);
        }

        Assert.True(File.Exists(path));
        Assert.Equal("wal", RawSqlite.Scalar(path, "PRAGMA journal_mode"));
        Assert.Equal(SqliteRunStore.LatestSchemaVersion, Count(path, "SELECT COUNT(*) FROM schema_version"));
        // Step 7 (the newest today) keeps background databases whole, as a BLOB.
        Assert.Equal(7, SqliteRunStore.LatestSchemaVersion);
        Assert.Equal("background databases", RawSqlite.Scalar(path, "SELECT description FROM schema_version WHERE version = 7"));
        Assert.Equal("BLOB", RawSqlite.Scalar(path, "SELECT type FROM pragma_table_info('background_databases') WHERE name = 'content'"));
    }

    [Fact]
    public void An_empty_file_is_migrated_and_reopening_changes_nothing()
    {
        var path = folder.File("runs.db");
        File.WriteAllBytes(path, []);
        string id;
        using (var store = SqliteRunStore.Open(path))
        {
            id = store.CreateRun(Runs.New("kept")).Id;
        }

        using (var again = SqliteRunStore.Open(path))
        {
            Assert.Equal(SqliteRunStore.LatestSchemaVersion, again.SchemaVersion);
            Assert.Equal(id, again.FindRun("kept")!.Id);
        }

        Assert.Equal(SqliteRunStore.LatestSchemaVersion, Count(path, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(1, Count(path, "SELECT COUNT(*) FROM runs"));
    }

    [Fact]
    public void A_store_from_a_newer_cradle_is_refused_and_left_unchanged()
    {
        var path = folder.File("runs.db");
        SqliteRunStore.Open(path).Dispose();
        RawSqlite.Execute(path, "INSERT INTO schema_version VALUES (99, 'from the future', '2030-01-01T00:00:00.0000000Z')");
        var before = File.ReadAllBytes(path);

        var e = Assert.Throws<SchemaTooNewException>(() => SqliteRunStore.Open(path));

        Assert.Equal(99, e.FoundVersion);
        Assert.Equal(SqliteRunStore.LatestSchemaVersion, e.KnownVersion);
        Assert.Equal("schema-too-new", e.Code);
        Assert.Contains("Upgrade Cradle", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void An_older_store_gets_only_the_missing_steps_and_keeps_its_data()
    {
        var path = folder.File("runs.db");
        // The code reads the newest schema, so "older" here is today's schema and the step is a made-up next one.
        var v1 = SqliteMigrations.All;
        Migration v2 = new(v1[^1].Version + 1, "run notes", ["CREATE TABLE run_notes (run_id TEXT NOT NULL REFERENCES runs (id), note TEXT NOT NULL)"]);
        using (var old = SqliteRunStore.Open(path, v1))
        {
            old.CreateRun(Runs.New("before-upgrade"));
        }

        using (var upgraded = SqliteRunStore.Open(path, [.. v1, v2]))
        {
            Assert.Equal(v2.Version, upgraded.SchemaVersion);
            Assert.NotNull(upgraded.FindRun("before-upgrade"));
        }

        Assert.Equal(0, Count(path, "SELECT COUNT(*) FROM run_notes"));
        Assert.Equal(v2.Version, Count(path, "SELECT COUNT(*) FROM schema_version"));
        // Code that knows only v1 now refuses the upgraded file.
        Assert.Throws<SchemaTooNewException>(() => SqliteRunStore.Open(path, v1));
    }

    [Fact]
    public void Schema_2_marks_schema_1_sensors_that_gave_no_figure_as_unavailable_and_adds_idle_baselines()
    {
        // Schema 1 had no 'available' column: cradle measure wrote an unavailable sensor as 'measured' with a
        // description starting 'unavailable: '. Migrating must turn exactly those into Unavailable.
        var path = folder.File("runs.db");
        string id;
        using (SqliteRunStore.Open(path, SqliteMigrations.All.Take(1).ToList()))
        {
            // Written as schema 1's code wrote it (today's code reads columns schema 1 lacks).
            id = "20260314-091502-abcdef";
            RawSqlite.Execute(path, $"INSERT INTO runs (id, name, command_line, host, working_directory, started_utc, status, writer_pid) " +
                $"VALUES ('{id}', 'from-schema-1', 'python infer.py', 'bench-01', '/home/ada', '2026-03-14T09:15:02.0000000Z', 'complete', 4242)");
        }

        RawSqlite.Execute(path, $"INSERT INTO sensors VALUES ('{id}', 'gpu', 'nvml-gpu', 'NVIDIA GPUs', 'measured', 'unavailable: NVML library not found')");
        RawSqlite.Execute(path, $"INSERT INTO sensors VALUES ('{id}', 'rapl:0', 'rapl-package', 'package-0', 'measured', 'counter: powercap energy_uj')");

        using (var upgraded = SqliteRunStore.Open(path))
        {
            Assert.Equal(SqliteRunStore.LatestSchemaVersion, upgraded.SchemaVersion);
            // Schema 3: a run measured before it has no job and no origin (it was not imported).
            Assert.Null(upgraded.FindRun(id)!.JobId);
            Assert.Null(upgraded.FindRun(id)!.Origin);
            var sensors = upgraded.GetSensors(id).ToDictionary(s => s.Id, s => s.Provenance);
            Assert.Equal(SensorProvenance.Unavailable, sensors["gpu"]);
            Assert.Equal(SensorProvenance.Measured, sensors["rapl:0"]);
            Assert.Empty(upgraded.GetIdleBaseline(id));
        }

        Assert.Equal(0, Count(path, "SELECT COUNT(*) FROM idle_baselines"));
    }

    [Fact]
    public void Stores_opened_at_once_on_a_new_file_all_open_and_migrate_it_once()
    {
        // cradle measure creating its store while cradle runs list (or a test) opens it: both set WAL mode and migrate
        // the new file. Switching a file to WAL needs it to itself for a moment, which SQLite reports as "database is
        // locked" without waiting; every opener must still succeed.
        for (var round = 0; round < 10; round++)
        {
            var path = folder.File($"race-{round.ToString(CultureInfo.InvariantCulture)}.db");
            using var go = new Barrier(4);
            var versions = new int[4];
            Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            {
                go.SignalAndWait();
                using var store = SqliteRunStore.Open(path);
                versions[i] = store.SchemaVersion;
            });

            Assert.All(versions, v => Assert.Equal(SqliteRunStore.LatestSchemaVersion, v));
            Assert.Equal("wal", RawSqlite.Scalar(path, "PRAGMA journal_mode"));
            Assert.Equal(SqliteRunStore.LatestSchemaVersion, Count(path, "SELECT COUNT(*) FROM schema_version"));
        }
    }

    [Fact]
    public void A_failing_step_is_rolled_back_whole()
    {
        var path = folder.File("runs.db");
        var v1 = SqliteMigrations.All.Take(1).ToList();
        Migration broken = new(v1[^1].Version + 1, "broken", ["CREATE TABLE half_done (x INTEGER)", "ALTER TABLE no_such_table ADD COLUMN y"]);

        Assert.Throws<StoreException>(() => SqliteRunStore.Open(path, [.. v1, broken]));

        Assert.Equal(v1[^1].Version, Count(path, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(0, Count(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"));
    }

    [Fact]
    public void Another_applications_database_is_refused_unchanged()
    {
        var path = folder.File("other.db");
        RawSqlite.Execute(path, "CREATE TABLE invoices (id INTEGER)");
        var e = Assert.Throws<StoreException>(() => SqliteRunStore.Open(path));
        Assert.Equal("not-a-run-store", e.Code);
        Assert.Contains("invoices", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, Count(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_version'"));
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_with_its_path()
    {
        var path = folder.File("notes.txt");
        File.WriteAllText(path, "these are my notes, not a database; there are enough of them to fill a page header... " + new string('x', 200));
        var e = Assert.Throws<StoreException>(() => SqliteRunStore.Open(path));
        Assert.Equal("cannot-open-store", e.Code);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }
}
