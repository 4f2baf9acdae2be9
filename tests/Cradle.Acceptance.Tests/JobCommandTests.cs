using System.Text.Json;
using Cradle.Cli;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// <c>runs show --job</c> on runs written straight into a store (an imported run among them), and the refusals of
/// <c>--job</c> and <c>--nodes</c>.
/// </summary>
public sealed class JobCommandTests
{
    [Fact]
    public async Task An_imported_run_with_the_job_id_is_one_of_the_jobs_nodes()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var start = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        using (var s = SqliteRunStore.Open(store))
        {
            // n1: imported, GPU 1.0e9 J, 10:00–11:00. n2: imported, GPU 2.6e9 J (modelled), 10:30–11:30, failed.
            s.ImportRuns(
            [
                new ImportedRun(new NewRun(null, "train.py", "n1", "/work", 0, null, InferenceMetadata.None) { JobId = "901" }, start,
                    start.AddHours(1), RunStatus.Complete, 0, "codecarbon 2.3.1: a.csv line 2",
                    [new Sensor("gpu", "codecarbon-gpu", "GPU", SensorProvenance.Measured, "CodeCarbon gpu_energy")],
                    [new ImportedSample("gpu", 3600, 1.0e9)]),
                new ImportedRun(new NewRun(null, "train.py", "n2", "/work", 0, null, InferenceMetadata.None) { JobId = "901" }, start.AddMinutes(30),
                    start.AddMinutes(90), RunStatus.Failed, 1, "codecarbon 2.3.1: b.csv line 2",
                    [new Sensor("gpu", "codecarbon-gpu", "GPU", SensorProvenance.Modelled, "modelled by CodeCarbon: TDP")],
                    [new ImportedSample("gpu", 3600, 2.6e9)]),
            ]);
        }

        var show = await CliRunner.InProcessAsync("runs", "show", "--job", "901", "--nodes", "2", "--store", store, "-f", "json");

        Assert.True(show.ExitCode == 0, show.Error);
        using var json = JsonDocument.Parse(show.Output);
        var root = json.RootElement;
        // 1.0e9 + 2.6e9 J = 3.6e9 J; 10:00 (first start) to 11:30 (last end) = 5,400 s; device-hours 1 GPU × 3,600 s × 2 = 2 h.
        Assert.Equal(3.6e9, root.GetProperty("energy_j").GetDouble(), 3);
        Assert.Equal(5400, root.GetProperty("duration_s").GetDouble(), 9);
        Assert.Equal(2, root.GetProperty("device_hours").GetDouble(), 12);
        Assert.Equal(0, root.GetProperty("missing_nodes").GetInt32());
        Assert.Equal(1, root.GetProperty("incomplete_nodes").GetInt32());
        var nodes = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["n1", "n2"], nodes.Select(n => n.GetProperty("host").GetString()));
        Assert.Equal(["measured", "modelled"], nodes.Select(n => n.GetProperty("basis").GetString()));
        Assert.Equal("codecarbon 2.3.1: b.csv line 2", nodes[1].GetProperty("origin").GetString());
        Assert.Contains(root.GetProperty("flags").EnumerateArray(), f => f.GetString()!.Contains("node n2", StringComparison.Ordinal) && f.GetString()!.Contains("failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_needs_a_run_or_a_job_and_nodes_only_with_a_job()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        using (SqliteRunStore.Open(store))
        {
        }

        var neither = await CliRunner.InProcessAsync("runs", "show", "--store", store);
        var both = await CliRunner.InProcessAsync("runs", "show", "x", "--job", "1", "--store", store);
        var nodes = await CliRunner.InProcessAsync("runs", "show", "x", "--nodes", "3", "--store", store);
        var zero = await CliRunner.InProcessAsync("runs", "show", "--job", "1", "--nodes", "0", "--store", store);

        Assert.Equal([ExitCodes.InvalidInput, ExitCodes.InvalidInput, ExitCodes.InvalidInput, ExitCodes.InvalidInput],
            new[] { neither.ExitCode, both.ExitCode, nodes.ExitCode, zero.ExitCode });
        Assert.Contains("not both and not neither", neither.Error, StringComparison.Ordinal);
        Assert.Contains("--nodes goes with --job", nodes.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Measure_refuses_an_empty_job_id_before_running_anything()
    {
        using var dir = new TempDirectory();
        var marker = dir.File("ran");

        var run = await CliRunner.InProcessAsync("measure", "--store", dir.File("runs.db"), "--job", " ", "--", "touch", marker);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--job expects a job id", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }
}
