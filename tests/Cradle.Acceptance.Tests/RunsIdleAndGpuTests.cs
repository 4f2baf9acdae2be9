using System.Text.Json;
using Cradle.Cli.Measuring;
using Cradle.Measure.Nvml;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// What a GPU machine's run looks like in <c>cradle runs show</c> (an idle baseline, an unavailable sensor) and in the
/// GPU-process lines of <c>cradle measure</c>. This VM has no GPU and no RAPL, so the run is written to a real SQLite
/// store directly, as <c>cradle measure</c> writes it there.
/// </summary>
public sealed class RunsIdleAndGpuTests
{
    private static string WriteGpuRun(TempDirectory dir)
    {
        var path = dir.File("runs.db");
        using var store = SqliteRunStore.Open(path);
        var run = store.CreateRun(new NewRun("h200-fma", "gpu-load 60", "gpu-host", "/work", Environment.ProcessId, null, InferenceMetadata.None));
        // 10 s idle at 75 W = 750 J; the run: 42,000 J over 60 s sampled. Net = 42,000 − 75 × 60 = 37,500 J.
        store.SetIdleBaseline(run.Id, [new IdleReading("gpu:GPU-1", TimeSpan.FromSeconds(10), 750.0)]);
        store.AddSensors(run.Id,
        [
            new Sensor("gpu:GPU-1", "nvml-gpu", "NVIDIA H200 (GPU 0)", SensorProvenance.Measured, "counter: NVML nvmlDeviceGetTotalEnergyConsumption"),
            new Sensor("rapl", "rapl-package", "CPU packages (RAPL)", SensorProvenance.Unavailable, "unavailable: no powercap tree"),
        ]);
        store.AppendSamples([new Sample(run.Id, "gpu:GPU-1", 0.0, 0.0, 75.0, 40.0, 0.0), new Sample(run.Id, "gpu:GPU-1", 60.0, 42_000.0, 700.0, 70.0, 1.0)]);
        store.FinishRun(run.Id, RunStatus.Complete, 0);
        return path;
    }

    [Fact]
    public async Task Runs_show_gives_the_idle_baseline_the_net_energy_and_unavailable_sensors()
    {
        using var dir = new TempDirectory();
        var store = WriteGpuRun(dir);

        var table = await CliRunner.InProcessAsync("runs", "show", "h200-fma", "--store", store);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("gpu:GPU-1 [measured, nvml-gpu] NVIDIA H200 (GPU 0): 42000 J, 2 samples", table.Output, StringComparison.Ordinal);
        Assert.Contains("net of idle: 37500 J (idle 75 W × 60 s sampled)", table.Output, StringComparison.Ordinal);
        Assert.Contains("rapl [unavailable, rapl-package]", table.Output, StringComparison.Ordinal);
        Assert.Contains("idle baseline, measured before the command (10 s):", table.Output, StringComparison.Ordinal);

        var json = await CliRunner.InProcessAsync("runs", "show", "h200-fma", "--store", store, "--format", "json");
        using var doc = JsonDocument.Parse(json.Output);
        var sensors = doc.RootElement.GetProperty("sensors").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal(37_500.0, sensors["gpu:GPU-1"].GetProperty("net_of_idle_energy_j").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, sensors["rapl"].GetProperty("net_of_idle_energy_j").ValueKind);
        Assert.Equal("unavailable", sensors["rapl"].GetProperty("provenance").GetString());
        var idle = Assert.Single(doc.RootElement.GetProperty("idle_baseline").EnumerateArray().ToList());
        Assert.Equal(75.0, idle.GetProperty("power_w").GetDouble(), 12);
    }

    [Fact]
    public void Gpu_process_lines_say_where_the_command_ran_who_shared_the_gpu_and_what_is_unknown()
    {
        var shared = new GpuUse("gpu:GPU-1", "NVIDIA H200 (GPU 0)", [4242, 4250], 3UL << 30, [77], 12, 0, null);
        Assert.Equal("the command ran here (pids 4242, 4250), peak 3 GiB of device memory; also on this GPU: pids 77 — the "
            + "energy above is the whole device's and includes their work", GpuUseReport.Describe(shared));

        var notSeen = new GpuUse("gpu:GPU-2", "NVIDIA H200 (GPU 1)", [], null, [], 12, 0, null);
        Assert.StartsWith("none of the command's processes was seen in 12 listings (NVML lists pids in the host's pid namespace",
            GpuUseReport.Describe(notSeen), StringComparison.Ordinal);

        var unknown = new GpuUse("gpu:GPU-3", "NVIDIA H200 (GPU 2)", [], null, [], 0, 12, "NVML: no permission");
        Assert.Equal("unknown: the process list could not be read: NVML: no permission", GpuUseReport.Describe(unknown));
    }
}
