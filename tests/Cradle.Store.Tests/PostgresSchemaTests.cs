using System.Globalization;
using Cradle.Store.Postgres;

namespace Cradle.Store.Tests;

/// <summary>The PostgreSQL store's migrations: versioned steps, refusals before any write, and concurrent openers.</summary>
public sealed class PostgresSchemaTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private long Count(string sql) => Convert.ToInt64(TestPostgres.Scalar(database.Uri, sql), CultureInfo.InvariantCulture);

    [Fact]
    public void A_new_database_gets_every_step_once_each_with_its_row()
    {
        using (var store = PostgresRunStore.Open(database.Uri))
        {
            Assert.Equal(PostgresRunStore.LatestSchemaVersion, store.SchemaVersion);
        }

        using (PostgresRunStore.Open(database.Uri))
        {
        }

        // Steps 1 to 7 each recorded once, as in SQLite (the two stores know the same versions).
        Assert.Equal(7, PostgresRunStore.LatestSchemaVersion);
        Assert.Equal(Sqlite.SqliteRunStore.LatestSchemaVersion, PostgresRunStore.LatestSchemaVersion);
        Assert.Equal(7, Count("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("batch jobs and imported runs", TestPostgres.Scalar(database.Uri, "SELECT description FROM schema_version WHERE version = 3"));
        Assert.Equal("background databases", TestPostgres.Scalar(database.Uri, "SELECT description FROM schema_version WHERE version = 7"));
        // Step 7's table keeps the file's bytes as bytea.
        Assert.Equal("bytea", TestPostgres.Scalar(database.Uri,
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'background_databases' AND column_name = 'content'"));
    }

    [Fact]
    public void An_older_store_is_upgraded_keeping_its_runs()
    {
        using (var old = PostgresRunStore.Open(database.Uri, PostgresMigrations.All.Take(1).ToList()))
        {
            Assert.Equal(1, old.SchemaVersion);
        }

        // A run as schema 1 stored it (this code writes the newest schema's columns, so the row goes in by hand).
        TestPostgres.Execute(database.Uri, """
            INSERT INTO runs (id, name, command_line, host, working_directory, started_utc, status, writer_pid)
            VALUES ('20260314-091502-abcdef', 'kept', 'python x.py', 'bench-01', '/tmp', '2026-03-14T09:15:02Z', 'complete', 1)
            """);
        const string id = "20260314-091502-abcdef";

        using var upgraded = PostgresRunStore.Open(database.Uri);
        Assert.Equal(PostgresRunStore.LatestSchemaVersion, upgraded.SchemaVersion);
        var run = upgraded.FindRun("kept")!;
        Assert.Equal(id, run.Id);
        Assert.Null(run.JobId);
        Assert.Null(run.Origin);
    }

    [Fact]
    public void A_newer_schema_is_refused_and_left_unchanged()
    {
        PostgresRunStore.Open(database.Uri).Dispose();
        TestPostgres.Execute(database.Uri, "INSERT INTO schema_version VALUES (99, 'from the future', now())");

        var e = Assert.Throws<SchemaTooNewException>(() => PostgresRunStore.Open(database.Uri));
        Assert.Equal(99, e.FoundVersion);
        Assert.Equal(PostgresRunStore.LatestSchemaVersion, e.KnownVersion);
        Assert.Contains(database.Name, e.Message, StringComparison.Ordinal);
        Assert.Equal(PostgresRunStore.LatestSchemaVersion + 1, Count("SELECT COUNT(*) FROM schema_version")); // the steps and the future row, nothing more
    }

    [Fact]
    public void A_database_of_another_application_is_refused_untouched()
    {
        TestPostgres.Execute(database.Uri, "CREATE TABLE invoices (id integer)");

        var e = Assert.Throws<StoreException>(() => PostgresRunStore.Open(database.Uri));
        Assert.Equal("not-a-run-store", e.Code);
        Assert.Contains("invoices", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_version'"));
    }

    [Fact]
    public void A_failing_step_is_rolled_back_whole()
    {
        var broken = new PostgresMigration(PostgresMigrations.All[^1].Version + 1, "broken", ["CREATE TABLE half_done (x integer)", "SELECT no_such_function()"]);

        var e = Assert.Throws<StoreException>(() => PostgresRunStore.Open(database.Uri, [.. PostgresMigrations.All, broken]));

        Assert.Equal("cannot-open-store", e.Code);
        Assert.Equal(PostgresRunStore.LatestSchemaVersion, Count("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'half_done'"));
    }

    [Fact]
    public void Stores_opened_at_once_on_a_new_database_all_open_and_migrate_it_once()
    {
        // Eight nodes of one job starting cradle measure on a new team database: the advisory lock lets one apply each
        // step while the others wait, then find it applied.
        using var go = new Barrier(8);
        var versions = new int[8];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            go.SignalAndWait();
            using var store = PostgresRunStore.Open(database.Uri);
            versions[i] = store.SchemaVersion;
        });

        Assert.All(versions, v => Assert.Equal(PostgresRunStore.LatestSchemaVersion, v));
        Assert.Equal(7, Count("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public void A_search_path_keeps_the_store_in_its_own_schema()
    {
        // Two teams in one database: each URI's search_path names its schema, and each store sees only its own runs.
        TestPostgres.Execute(database.Uri, "CREATE SCHEMA team_a; CREATE SCHEMA team_b");
        using (var a = PostgresRunStore.Open(database.Uri + "?search_path=team_a"))
        using (var b = PostgresRunStore.Open(database.Uri + "?search_path=team_b"))
        {
            a.CreateRun(Runs.New("only-in-a", pid: 1));
            Assert.Empty(b.ListRuns(RunFilter.All));
            Assert.Single(a.ListRuns(RunFilter.All));
        }

        Assert.Equal(2, Count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'runs'"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'runs' AND table_schema = 'public'"));
    }

    [Fact]
    public void Times_keep_microseconds()
    {
        // timestamptz holds microseconds: 09:15:02.1234567 is stored as 09:15:02.123456 (the last 100 ns tick dropped).
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 14, 9, 15, 2, TimeSpan.Zero).AddTicks(1_234_567));
        using var store = PostgresRunStore.Open(database.Uri, clock, new FakeLiveness());
        var run = store.CreateRun(Runs.New());
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 15, 2, TimeSpan.Zero).AddTicks(1_234_560), run.StartedUtc);
        Assert.Equal(TimeSpan.Zero, run.StartedUtc.Offset);
    }
}
