using System.Diagnostics;
using Cradle.Cli;
using Cradle.Store;
using Cradle.Store.Postgres;
using Npgsql;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// The CLI on a PostgreSQL store: <c>--store postgres://…</c>, CRADLE_STORE and the config file, against the throwaway
/// server test.sh starts (CRADLE_TEST_POSTGRES); without it these tests fail saying so.
/// </summary>
public sealed class PostgresStoreCommandTests : IDisposable
{
    private readonly string admin = Environment.GetEnvironmentVariable("CRADLE_TEST_POSTGRES") is { Length: > 0 } uri
        ? uri
        : throw new InvalidOperationException(
            "CRADLE_TEST_POSTGRES is not set: run these tests through ./test.sh, which starts a PostgreSQL server for them " +
            "(or see scripts/postgres-test-server.sh).");

    private readonly string database = "cradle_cli_" + Guid.NewGuid().ToString("N");

    private readonly TempDirectory dir = new();

    public PostgresStoreCommandTests() => Admin($"CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8'");

    private string StoreUri => admin[..(admin.LastIndexOf('/') + 1)] + database;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        dir.Dispose();
    }

    [Fact]
    public async Task Measure_writes_to_the_server_and_runs_reads_it_back()
    {
        var measured = await ChildAsync([], "measure", "--store", StoreUri, "--name", "on-postgres", "--", "sh", "-c", "exit 0");
        Assert.True(measured.ExitCode == 0, measured.Error);

        var listed = await ChildAsync([], "runs", "list", "--store", StoreUri);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("on-postgres", listed.Output, StringComparison.Ordinal);
        using var store = RunStores.Open(StoreUri);
        var run = store.FindRun("on-postgres")!;
        Assert.Equal(RunStatus.Complete, run.Status);
        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(store.GetSensors(run.Id));
    }

    [Fact]
    public async Task The_store_comes_from_cradle_store_then_from_the_config_file()
    {
        var configHome = Path.Combine(dir.Path, "config");
        Directory.CreateDirectory(Path.Combine(configHome, "cradle"));
        File.WriteAllText(Path.Combine(configHome, "cradle", "store"), "# the team's store\n" + StoreUri + "\n");
        var fromFile = await ChildAsync([("XDG_CONFIG_HOME", configHome), ("CRADLE_STORE", null)],
            "measure", "--name", "via-config", "--", "sh", "-c", "exit 0");
        Assert.True(fromFile.ExitCode == 0, fromFile.Error);

        // CRADLE_STORE comes before the config file: a SQLite path here hides the server.
        var sqlite = Path.Combine(dir.Path, "local.db");
        var fromVariable = await ChildAsync([("XDG_CONFIG_HOME", configHome), ("CRADLE_STORE", sqlite)],
            "measure", "--name", "via-variable", "--", "sh", "-c", "exit 0");
        Assert.True(fromVariable.ExitCode == 0, fromVariable.Error);

        using (var server = RunStores.Open(StoreUri))
        {
            Assert.Equal(["via-config"], server.ListRuns(RunFilter.All).Select(r => r.Name));
        }

        using var local = RunStores.Open(sqlite);
        Assert.Equal(["via-variable"], local.ListRuns(RunFilter.All).Select(r => r.Name));
    }

    [Fact]
    public async Task A_server_that_refuses_is_an_environment_error_that_never_shows_the_password()
    {
        // Nothing listens on port 1 of the loopback.
        var run = await ChildAsync([], "runs", "list", "--store", "postgres://ada:hunter2@127.0.0.1:1/runs?connect_timeout=5");
        Assert.Equal(ExitCodes.Environment, run.ExitCode);
        Assert.Contains("postgres://ada:***@127.0.0.1:1/runs", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Error + run.Output, StringComparison.Ordinal);
    }

    private void Admin(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(admin)) { Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static async Task<CliRunner.Run> ChildAsync((string Name, string? Value)[] environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(CradleApp).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRunner.Run(process.ExitCode, await output, await error);
    }
}
