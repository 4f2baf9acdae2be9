using System.Text.Json;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// <c>cradle assess STUDY --store PATH</c> reads a stage's energy and device time from a job's runs across nodes, and
/// an energy from an imported run, in a real SQLite run store.
/// </summary>
public sealed class FromJobStoreTests
{
    private const string Study = """
        cradle: 1
        name: from-job
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1 model
          description: one trained model
        system_boundary:
          included: [pre-training]
        impact_categories: [gwp100]
        grids:
          g:
            basis: life-cycle
            per_kwh:
              gwp100: 0.5 kg CO2e/kWh
        sites:
          s:
            grid: g
            pue: 1.5
        stages:
          pre-training:
            site: s
            energy: {from_job: 77}
            device_time: {from_job: 77}
        """;

    /// <summary>Node n1: GPU 0 counts 0 → 2.0e9 J over 20 s; node n2: GPU 0 counts 0 → 1.6e9 J over 40 s; both
    /// complete. A third run, of another job, must not be counted.</summary>
    private static void WriteJob(string path)
    {
        using var store = SqliteRunStore.Open(path);
        foreach (var (host, job, seconds, joules) in new[] { ("n1", "77", 20.0, 2.0e9), ("n2", "77", 40.0, 1.6e9), ("n3", "78", 20.0, 9.9e9) })
        {
            var run = store.CreateRun(new NewRun(null, "python train.py", host, "/work", Environment.ProcessId, null, InferenceMetadata.None) { JobId = job });
            store.AddSensors(run.Id, [new Sensor("gpu0", "nvml-gpu", "NVIDIA H100 #0", SensorProvenance.Measured, "NVML total-energy counter")]);
            store.AppendSamples([new Sample(run.Id, "gpu0", 0, 0, 700, null, null), new Sample(run.Id, "gpu0", seconds, joules, 700, null, null)]);
            store.FinishRun(run.Id, RunStatus.Complete, 0);
        }
    }

    [Fact]
    public async Task Assess_reads_a_jobs_sums_from_the_store()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        WriteJob(store);
        var study = dir.Write("study.yaml", Study);

        var run = await CliRunner.InProcessAsync("assess", study, "--store", store, "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var alternative = json.RootElement.GetProperty("alternatives")[0];
        // 2.0e9 + 1.6e9 J = 3.6e9 J = 1,000 kWh (job 78's 9.9e9 J left out); × PUE 1.5 × 0.5 kg CO2e/kWh = 750 kg CO2e.
        Assert.Equal(750, alternative.GetProperty("totals").GetProperty("gwp100").GetDouble(), 9);
        var inputs = alternative.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        var energy = inputs["stages.pre_training.energy"];
        Assert.Equal(1000, energy.GetProperty("value").GetDouble(), 9);
        Assert.StartsWith("job 77, 2 nodes, ", energy.GetProperty("source").GetString()!, StringComparison.Ordinal);
        Assert.Contains("on host n2", energy.GetProperty("source").GetString()!, StringComparison.Ordinal);
        // Device time: the store's end − start of each run is only milliseconds here (they were written at once), so
        // the sum is checked against the runs as stored: Σ 1 GPU × (end − start) ÷ 3,600 s/h.
        var expectedHours = MeasureSupport.Read(store, s => s.ListRuns(new RunFilter(JobId: "77"))
            .Sum(r => (r.EndedUtc!.Value - r.StartedUtc).TotalSeconds) / 3600);
        Assert.Equal(expectedHours, inputs["stages.pre_training.device_time"].GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public async Task Assess_reads_an_imported_run_with_its_origin()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var start = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        using (var s = SqliteRunStore.Open(store))
        {
            s.ImportRuns([new ImportedRun(new NewRun("cc-run", "train.py", "n1", "/work", 0, null, InferenceMetadata.None), start,
                start.AddHours(1), RunStatus.Complete, null, "codecarbon 2.3.1: emissions.csv line 2",
                [new Sensor("gpu", "codecarbon-gpu", "GPU", SensorProvenance.Measured, "CodeCarbon gpu_energy")],
                [new ImportedSample("gpu", 3600, 3.6e9)])]);
        }
        var study = dir.Write("study.yaml", Study.Replace("energy: {from_job: 77}\n    device_time: {from_job: 77}", "energy: {from_run: cc-run}", StringComparison.Ordinal));

        var run = await CliRunner.InProcessAsync("assess", study, "--store", store, "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var alternative = json.RootElement.GetProperty("alternatives")[0];
        // 3.6e9 J = 1,000 kWh → × 1.5 × 0.5 = 750 kg CO2e.
        Assert.Equal(750, alternative.GetProperty("totals").GetProperty("gwp100").GetDouble(), 9);
        var source = alternative.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "stages.pre_training.energy")
            .GetProperty("source").GetString()!;
        Assert.Contains("'cc-run' on host n1, 2026-11-28 10:00–11:00 UTC, imported from codecarbon 2.3.1: emissions.csv line 2: measured by", source, StringComparison.Ordinal);
    }
}
