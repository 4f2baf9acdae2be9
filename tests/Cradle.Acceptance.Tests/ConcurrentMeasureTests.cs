using System.Globalization;
using System.Text.Json;
using Cradle.Store;
using Cradle.Store.Postgres;
using Npgsql;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// Eight real <c>cradle measure</c> processes (as eight nodes of a job) start at once on one new store — a PostgreSQL
/// database, and separately a SQLite file — so they race to create and migrate it and then write their samples side
/// by side. Afterwards every run is there, complete, with exactly the samples its own process counted as it appended
/// them (the JSON summary's per-sensor count, tallied in memory, not read back) and its last energy.
/// </summary>
public sealed class ConcurrentMeasureTests
{
    private const int Processes = 8;

    [Fact]
    public async Task Eight_measures_on_one_postgres_database_keep_every_sample()
    {
        var admin = Environment.GetEnvironmentVariable("CRADLE_TEST_POSTGRES") is { Length: > 0 } uri
            ? uri
            : throw new InvalidOperationException(
                "CRADLE_TEST_POSTGRES is not set: run these tests through ./test.sh, which starts a PostgreSQL server for them.");
        var name = "cradle_measure_" + Guid.NewGuid().ToString("N");
        Admin(admin, $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'");
        try
        {
            await MeasureAtOnceAndCheckAsync(admin[..(admin.LastIndexOf('/') + 1)] + name);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Admin(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    [Fact]
    public async Task Eight_measures_on_one_sqlite_file_keep_every_sample()
    {
        using var dir = new TempDirectory();
        await MeasureAtOnceAndCheckAsync(dir.File("runs.db"));
    }

    private static async Task MeasureAtOnceAndCheckAsync(string store)
    {
        using var dir = new TempDirectory();
        var summaries = Enumerable.Range(0, Processes).Select(i => dir.File($"summary-{i.ToString(CultureInfo.InvariantCulture)}.json")).ToList();
        var runs = await Task.WhenAll(Enumerable.Range(0, Processes).Select(i => CliRunner.ChildProcessAsync(
            "measure", "--store", store, "--name", $"node-{i.ToString(CultureInfo.InvariantCulture)}", "-f", "json", "-o", summaries[i],
            "--", "sleep", "1.5")));
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Error));

        using var opened = RunStores.Open(store);
        Assert.Equal(Processes, opened.ListRuns(RunFilter.All).Count);
        var total = 0;
        foreach (var file in summaries)
        {
            using var summary = JsonDocument.Parse(File.ReadAllText(file));
            var run = opened.FindRun(summary.RootElement.GetProperty("run_id").GetString()!)!;
            Assert.Equal(RunStatus.Complete, run.Status);
            var samples = opened.GetSamples(run.Id);
            foreach (var sensor in summary.RootElement.GetProperty("sensors").EnumerateArray())
            {
                var id = sensor.GetProperty("id").GetString()!;
                var stored = samples.Where(s => s.SensorId == id).ToList();
                Assert.Equal(sensor.GetProperty("samples").GetInt32(), stored.Count);
                Assert.Equal(stored.Count, stored.Select(s => s.OffsetSeconds).Distinct().Count());
                if (sensor.GetProperty("energy_j").ValueKind == JsonValueKind.Number)
                {
                    // Cumulative energy: the last stored sample holds the total the process reported.
                    Assert.Equal(sensor.GetProperty("energy_j").GetDouble(), stored.Last(s => s.EnergyJoules is not null).EnergyJoules!.Value, 9);
                }

                total += stored.Count;
            }

            Assert.Equal(samples.Count, summary.RootElement.GetProperty("sensors").EnumerateArray().Sum(s => s.GetProperty("samples").GetInt32()));
        }

        Assert.True(total > 0, "the eight runs stored no sample at all");
    }

    private static void Admin(string uri, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(uri)) { Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
