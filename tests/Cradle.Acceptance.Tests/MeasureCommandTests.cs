using System.Text.Json;
using Cradle.Cli.Measuring;
using Cradle.Measure.Sysfs;
using Cradle.Store;

namespace Cradle.Acceptance.Tests;

/// <summary><c>cradle measure</c> run as a real child process, with a run store in a temporary folder.</summary>
public sealed class MeasureCommandTests
{
    private static readonly string[] Provenances = ["measured", "modelled", "unavailable"];

    [Fact]
    public async Task The_childs_exit_code_is_returned_and_the_run_is_stored_as_failed_with_its_sensors()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");

        var run = await CliRunner.ChildProcessAsync("measure", "--store", store, "--", "sh", "-c", "exit 3");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("", run.Output); // the summary goes to standard error; standard output is the child's
        Assert.Contains("failed, exit code 3", run.Error, StringComparison.Ordinal);
        var (stored, sensors, samples) = MeasureSupport.Read(store, s =>
        {
            var r = Assert.Single(s.ListRuns(RunFilter.All));
            return (r, s.GetSensors(r.Id), s.GetSamples(r.Id));
        });
        Assert.Equal(RunStatus.Failed, stored.Status);
        Assert.Equal(3, stored.ExitCode);
        Assert.Equal("sh -c 'exit 3'", stored.CommandLine);
        // Without an NVIDIA driver (these CI machines) the GPU sensor is stored as unavailable, with the reason.
        var gpu = Assert.Single(sensors, s => s.Kind == "nvml-gpu");
        Assert.Equal(gpu.Description.StartsWith("unavailable: ", StringComparison.Ordinal)
            ? Cradle.Store.SensorProvenance.Unavailable : Cradle.Store.SensorProvenance.Measured, gpu.Provenance);
        if (SensorDiscovery.RaplUnavailableReason("/", FileSysfsReader.Instance) is { } why)
        {
            // No readable RAPL (these CI machines): RAPL is listed as unavailable with the reason, and the CPU of the
            // command is modelled, or, when the CPU is not in the catalog, listed as unavailable saying so — never 0 J.
            var rapl = Assert.Single(sensors, s => s.Id == "rapl");
            Assert.Equal("unavailable: " + why, rapl.Description);
            Assert.Equal(Cradle.Store.SensorProvenance.Unavailable, rapl.Provenance);
            var cpu = Assert.Single(sensors, s => s.Kind == "modelled-cpu");
            Assert.Equal(cpu.Description.StartsWith("unavailable: ", StringComparison.Ordinal)
                ? Cradle.Store.SensorProvenance.Unavailable : Cradle.Store.SensorProvenance.Modelled, cpu.Provenance);
            Assert.Contains("RAPL unreadable", cpu.Description, StringComparison.Ordinal);
            var cpuSamples = samples.Where(x => x.SensorId == cpu.Id).ToList();
            Assert.NotEmpty(cpuSamples);
            if (cpu.Description.StartsWith("unavailable:", StringComparison.Ordinal))
            {
                Assert.All(cpuSamples, x => Assert.Null(x.EnergyJoules));
            }
            else
            {
                Assert.StartsWith("modelled:", cpu.Description, StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.Contains(sensors, s => s.Kind == "rapl-package" && s.Provenance == Cradle.Store.SensorProvenance.Measured);
        }
    }

    [Fact]
    public async Task A_command_that_burns_cpu_gets_samples_and_a_modelled_energy()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");

        var run = await CliRunner.ChildProcessAsync(
            ["measure", "--store", store, .. MeasureSupport.CatalogForThisCpu(dir), "--", .. MeasureSupport.BurnCpu]);

        Assert.Equal(0, run.ExitCode);
        var (stored, sensors, samples) = MeasureSupport.Read(store, s =>
        {
            var r = Assert.Single(s.ListRuns(RunFilter.All));
            return (r, s.GetSensors(r.Id), s.GetSamples(r.Id));
        });
        Assert.Equal(RunStatus.Complete, stored.Status);
        Assert.Equal(0, stored.ExitCode);
        // Every sensor is read at the start and once more when the command ends: at least two samples each.
        Assert.All(sensors, sensor => Assert.True(samples.Count(x => x.SensorId == sensor.Id) >= 2, sensor.Id));
        var cpu = sensors.First(s => s.Kind is "modelled-cpu" or "rapl-package");
        Assert.DoesNotContain("unavailable", cpu.Description, StringComparison.Ordinal);
        var energies = samples.Where(x => x.SensorId == cpu.Id).Select(x => x.EnergyJoules).ToList();
        Assert.All(energies, e => Assert.NotNull(e));
        // Cumulative energy never falls.
        Assert.Equal(energies.Order(), energies);
    }

    [Fact]
    public async Task Requests_give_the_energy_per_request_in_the_json_summary()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");

        var run = await CliRunner.ChildProcessAsync(
            ["measure", "--store", store, "--requests", "100", "--model", "tiny", "--params", "7e9", "--precision", "int8",
             "--task", "text-generation", "--format", "json", .. MeasureSupport.CatalogForThisCpu(dir), "--", .. MeasureSupport.BurnCpu]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("cradle.measurement/1", root.GetProperty("schema").GetString());
        Assert.Equal("complete", root.GetProperty("status").GetString());
        Assert.Equal(100, root.GetProperty("requests").GetInt64());
        var total = root.GetProperty("total_energy_j").GetDouble();
        var perRequest = root.GetProperty("energy_per_request_j").GetDouble();
        // Per request = total ÷ 100.
        Assert.Equal(total / 100, perRequest, 12);
        var sensorTotal = root.GetProperty("sensors").EnumerateArray()
            .Select(s => s.GetProperty("energy_j")).Where(e => e.ValueKind == JsonValueKind.Number).Sum(e => e.GetDouble());
        Assert.Equal(sensorTotal, total, 12);
        // Every sensor says where its figure comes from; one without energy says why.
        foreach (var sensor in root.GetProperty("sensors").EnumerateArray())
        {
            Assert.Contains(sensor.GetProperty("provenance").GetString(), Provenances);
            if (sensor.GetProperty("energy_j").ValueKind == JsonValueKind.Null)
            {
                Assert.False(string.IsNullOrWhiteSpace(sensor.GetProperty("energy_unavailable_reason").GetString()));
            }
        }
        Assert.True(root.GetProperty("sampler_overhead").GetProperty("reads").GetInt32() >= 2);
        var stored = MeasureSupport.Read(store, s => Assert.Single(s.ListRuns(RunFilter.All)));
        Assert.Equal(new InferenceMetadata(100, "tiny", 7e9, "int8", "text-generation"), stored.Inference);
    }

    [Fact]
    public async Task An_unwritable_store_is_exit_code_2_and_the_command_is_not_run()
    {
        using var dir = new TempDirectory();
        var notADirectory = dir.Write("file", "x");
        var marker = dir.File("ran");

        var run = await CliRunner.ChildProcessAsync("measure", "--store", Path.Combine(notADirectory, "runs.db"), "--", "touch", marker);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot open the run store", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was run", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_command_that_cannot_start_is_exit_code_2_and_a_failed_run()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");

        var run = await CliRunner.ChildProcessAsync("measure", "--store", store, "--", "/nonexistent/cradle-no-such-command");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot start", run.Error, StringComparison.Ordinal);
        var stored = MeasureSupport.Read(store, s => Assert.Single(s.ListRuns(RunFilter.All)));
        Assert.Equal(RunStatus.Failed, stored.Status);
        Assert.Null(stored.ExitCode);
    }

    [Fact]
    public async Task A_name_already_used_is_exit_code_1()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        Assert.Equal(0, (await CliRunner.ChildProcessAsync("measure", "--store", store, "--name", "a", "--", "true")).ExitCode);

        var run = await CliRunner.ChildProcessAsync("measure", "--store", store, "--name", "a", "--", "true");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("choose another --name", run.Error, StringComparison.Ordinal);
    }
}
