using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cradle.Cli;
using Cradle.Store;
using Cradle.Store.Postgres;
using Npgsql;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// A simulated four-node job: four real <c>cradle measure</c> processes with one job id write to one store (a SQLite
/// file, and separately a PostgreSQL database), as
/// <c>srun cradle measure --job $SLURM_JOB_ID</c> does on four nodes; one is killed (SIGKILL) mid-run. <c>runs show
/// --job</c> then reads one job with four nodes, flags the killed one as interrupted and a fifth expected node as
/// missing, and its sums equal those made here from the stored samples.
/// </summary>
public sealed class JobAcrossNodesTests
{
    private const string Job = "4242";

    [Fact]
    public async Task Four_measures_on_one_sqlite_file_read_as_one_job_with_the_killed_node_flagged()
    {
        using var dir = new TempDirectory();
        await MeasureJobAndCheckAsync(dir.File("runs.db"));
    }

    internal static async Task MeasureJobAndCheckAsync(string store)
    {
        using var dir = new TempDirectory();
        var catalog = MeasureSupport.CatalogForThisCpu(dir);
        // Node 0: --job. Node 1: --job wins over another $SLURM_JOB_ID. Node 2: the job from $SLURM_JOB_ID alone.
        var finishing = new[]
        {
            Measure(store, catalog, ["--job", Job], null, MeasureSupport.BurnCpu),
            Measure(store, catalog, ["--job", Job], "9999", MeasureSupport.BurnCpu),
            Measure(store, catalog, [], Job, MeasureSupport.BurnCpu),
        };
        using var killed = Start(store, catalog, ["--job", Job], null, "sleep", "10");
        var killedErr = killed.StandardError.ReadToEndAsync();
        var killedOut = killed.StandardOutput.ReadToEndAsync();
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await WaitForFlushAsync(store, killed, killedErr, patience.Token);
            killed.Kill(entireProcessTree: false); // SIGKILL: the run is never finished
            await killed.WaitForExitAsync(patience.Token);
            await killedOut;
            await killedErr;
        }
        finally
        {
            if (!killed.HasExited)
            {
                killed.Kill(entireProcessTree: true);
            }
        }
        var done = await Task.WhenAll(finishing);
        Assert.All(done, r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.Contains("from $SLURM_JOB_ID", done[2].Error, StringComparison.Ordinal);
        Assert.DoesNotContain("from $SLURM_JOB_ID", done[1].Error, StringComparison.Ordinal);

        var show = await CliRunner.InProcessAsync("runs", "show", "--job", Job, "--nodes", "5", "--store", store, "-f", "json");
        Assert.True(show.ExitCode == 0, show.Error);
        using var json = JsonDocument.Parse(show.Output);
        var root = json.RootElement;
        Assert.Equal("cradle.job/1", root.GetProperty("schema").GetString());
        Assert.Equal(4, root.GetProperty("nodes").GetInt32());
        Assert.Equal(1, root.GetProperty("missing_nodes").GetInt32());
        Assert.Equal(1, root.GetProperty("incomplete_nodes").GetInt32());
        var statuses = root.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("status").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["complete", "complete", "complete", "interrupted"], statuses);

        // The sums made here from the store: each sensor's energy is its last cumulative reading; the job's is their
        // sum over every sensor of every node, per kind likewise; the duration runs from the first start to the last end.
        var (total, byKind, first, last) = Read(store, s =>
        {
            var runs = s.ListRuns(new RunFilter(JobId: Job));
            Assert.Equal(4, runs.Count);
            var energies = runs.SelectMany(r => s.GetSensors(r.Id).Select(sensor => (sensor.Kind,
                Joules: s.GetSamples(r.Id).LastOrDefault(x => x.SensorId == sensor.Id && x.EnergyJoules is not null)?.EnergyJoules))).ToList();
            var known = energies.Where(e => e.Joules is not null).ToList();
            return (known.Sum(e => e.Joules!.Value),
                known.GroupBy(e => e.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Joules!.Value), StringComparer.Ordinal),
                runs.Min(r => r.StartedUtc), runs.Max(r => r.EndedUtc!.Value));
        });
        Assert.True(total > 0, "the job's nodes stored no energy at all");
        Assert.Equal(total, root.GetProperty("energy_j").GetDouble(), 6);
        foreach (var kind in root.GetProperty("energy_by_kind").EnumerateArray().Where(k => k.GetProperty("energy_j").ValueKind == JsonValueKind.Number))
        {
            Assert.Equal(byKind[kind.GetProperty("kind").GetString()!], kind.GetProperty("energy_j").GetDouble(), 6);
        }
        Assert.Equal((last - first).TotalSeconds, root.GetProperty("duration_s").GetDouble(), 3);

        var table = await CliRunner.InProcessAsync("runs", "show", "--job", Job, "--nodes", "5", "--store", store);
        Assert.Contains("Job 4242: 4 nodes of 5 expected", table.Output, StringComparison.Ordinal);
        Assert.Contains("was interrupted", table.Output, StringComparison.Ordinal);
        Assert.Contains("1 of 5 nodes missing", table.Output, StringComparison.Ordinal);

        var list = await CliRunner.InProcessAsync("runs", "list", "--store", store);
        Assert.Contains("JOB", list.Output, StringComparison.Ordinal);
        Assert.Equal(4, list.Output.Split('\n').Count(l => l.Contains(" 4242 ", StringComparison.Ordinal)));

        var unknown = await CliRunner.InProcessAsync("runs", "show", "--job", "4243", "--store", store);
        Assert.Equal(ExitCodes.InvalidInput, unknown.ExitCode);
        Assert.Contains("did you mean", unknown.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("4242", unknown.Error, StringComparison.Ordinal);
    }

    private static T Read<T>(string store, Func<IRunStore, T> read)
    {
        using var opened = RunStores.Open(store);
        return read(opened);
    }

    internal static void Admin(string uri, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(uri)) { Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static Process Start(string store, string[] catalog, string[] job, string? slurmJobId, params string[] command)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment.Remove("SLURM_JOB_ID");
        if (slurmJobId is not null)
        {
            start.Environment["SLURM_JOB_ID"] = slurmJobId;
        }
        foreach (var arg in new[] { typeof(CradleApp).Assembly.Location, "measure", "--store", store }.Concat(catalog).Concat(job).Append("--").Concat(command))
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    private static async Task<CliRunner.Run> Measure(string store, string[] catalog, string[] job, string? slurmJobId, params string[] command)
    {
        using var process = Start(store, catalog, job, slurmJobId, command);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRunner.Run(process.ExitCode, await output, await error);
    }

    /// <summary>Waits (bounded, not a timing assertion) until the long node's run has at least one flushed sample.</summary>
    private static async Task WaitForFlushAsync(string store, Process cradle, Task<string> stderr, CancellationToken cancel)
    {
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            if (cradle.HasExited)
            {
                Assert.Fail($"cradle measure exited with {cradle.ExitCode.ToString(CultureInfo.InvariantCulture)} before its first flush: {await stderr}");
            }
            if (RunStores.IsPostgres(store) || File.Exists(store))
            {
                try
                {
                    var flushed = Read(store, s => s.ListRuns(new RunFilter(JobId: Job))
                        .Where(r => r.CommandLine == "sleep 10")
                        .Any(r => s.GetSamples(r.Id).Count > 0));
                    if (flushed)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is StoreException or NpgsqlException)
                {
                    // Another writer is still creating the store; look again.
                }
            }
            await Task.Delay(100, cancel);
        }
    }
}
