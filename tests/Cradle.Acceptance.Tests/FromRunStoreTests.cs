using System.Text.Json;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Acceptance.Tests;

/// <summary><c>cradle assess STUDY --store PATH</c> reads a stage's energy from a run in a real SQLite run store.</summary>
public sealed class FromRunStoreTests
{
    private const string Study = """
        cradle: 1
        name: from-run
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
            energy:
              from_run: fine-tune
        """;

    /// <summary>
    /// A complete run "fine-tune": GPU 0 counts 0 → 1.5e9 → 3.0e9 J at 0, 10, 20 s (cumulative since the start, so its
    /// energy is the last reading, 3.0e9 J); CPU package 0 counts 0 → 0.6e9 J. Total 3.6e9 J = 1,000 kWh.
    /// </summary>
    private static void WriteRun(string path, RunStatus status)
    {
        using var store = SqliteRunStore.Open(path);
        var run = store.CreateRun(new NewRun("fine-tune", "python train.py", "node-7", Path.GetDirectoryName(path)!, Environment.ProcessId, null, InferenceMetadata.None));
        store.AddSensors(run.Id,
        [
            new Sensor("gpu0", "nvml-gpu", "NVIDIA H100 #0", SensorProvenance.Measured, "NVML total-energy counter"),
            new Sensor("rapl-package-0", "rapl-package", "package-0", SensorProvenance.Measured, "RAPL energy counter"),
        ]);
        store.AppendSamples(
        [
            new Sample(run.Id, "gpu0", 0, 0, 700, 40, 0.9),
            new Sample(run.Id, "rapl-package-0", 0, 0, 120, null, null),
        ]);
        store.AppendSamples(
        [
            new Sample(run.Id, "gpu0", 10, 1.5e9, 700, 60, 1),
            new Sample(run.Id, "gpu0", 20, 3.0e9, 700, 61, 1),
            new Sample(run.Id, "rapl-package-0", 20, 0.6e9, 120, null, null),
        ]);
        store.FinishRun(run.Id, status, status == RunStatus.Complete ? 0 : null);
    }

    [Fact]
    public async Task Assess_reads_a_stage_energy_from_the_store()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        WriteRun(store, RunStatus.Complete);
        var study = dir.Write("study.yaml", Study);

        var run = await CliRunner.InProcessAsync("assess", study, "--store", store, "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var alternative = json.RootElement.GetProperty("alternatives")[0];
        // 3.6e9 J = 3.6e9 / 3.6e6 = 1,000 kWh; × PUE 1.5 = 1,500 kWh; × 0.5 kg CO2e/kWh = 750 kg CO2e.
        Assert.Equal(750, alternative.GetProperty("totals").GetProperty("gwp100").GetDouble(), 9);
        var input = alternative.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "stages.pre_training.energy");
        Assert.Equal("measured", input.GetProperty("provenance").GetString());
        var source = input.GetProperty("source").GetString()!;
        Assert.Matches(@"^run \d{8}-\d{6}-[0-9a-f]{6} 'fine-tune' on host node-7, ", source);
        Assert.EndsWith("measured by NVML total-energy counter (NVIDIA H100 #0, nvml-gpu), RAPL energy counter (package-0, rapl-package)", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_is_refused_at_its_line_and_a_missing_store_is_named()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        WriteRun(store, RunStatus.Failed);
        var study = dir.Write("study.yaml", Study);

        var failed = await CliRunner.InProcessAsync("assess", study, "--store", store);
        Assert.Equal(1, failed.ExitCode);
        // Line 25 is "      from_run: fine-tune": 6 spaces + "from_run: " (10) put the id at column 17.
        Assert.Contains($"{study}:25:17: error [run-incomplete]", failed.Error, StringComparison.Ordinal);

        var missing = dir.File("elsewhere.db");
        var none = await CliRunner.InProcessAsync("assess", study, "--store", missing);
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("[run-store-unavailable]", none.Error, StringComparison.Ordinal);
        Assert.Contains($"there is no run store at '{missing}'", none.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing)); // a study only reads: no empty store is created
    }

    [Fact]
    public async Task A_study_without_from_run_never_opens_the_store()
    {
        using var dir = new TempDirectory();
        var study = dir.Write("study.yaml", Study.Replace("energy:\n      from_run: fine-tune", "energy: 1000 kWh", StringComparison.Ordinal));
        var missing = dir.File("never.db");
        var run = await CliRunner.InProcessAsync("assess", study, "--store", missing);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.False(File.Exists(missing));
    }
}
