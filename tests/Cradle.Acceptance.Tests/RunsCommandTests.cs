using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary><c>cradle runs list|show|export|rm</c> over a store written by <c>cradle measure</c>.</summary>
public sealed class RunsCommandTests
{
    [Fact]
    public async Task Runs_list_show_export_and_rm_round_trip()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        Assert.Equal(0, (await CliRunner.ChildProcessAsync("measure", "--store", store, "--name", "first", "--", "true")).ExitCode);
        Assert.Equal(5, (await CliRunner.ChildProcessAsync("measure", "--store", store, "--name", "second", "--", "sh", "-c", "exit 5")).ExitCode);

        var list = await CliRunner.InProcessAsync("runs", "list", "--store", store, "--format", "json");
        Assert.Equal(0, list.ExitCode);
        using (var json = JsonDocument.Parse(list.Output))
        {
            var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
            Assert.Equal(2, runs.Count);
            var first = runs.Single(r => r.GetProperty("name").GetString() == "first");
            Assert.Equal("complete", first.GetProperty("status").GetString());
            Assert.Equal(0, first.GetProperty("exit_code").GetInt32());
            var second = runs.Single(r => r.GetProperty("name").GetString() == "second");
            Assert.Equal("failed", second.GetProperty("status").GetString());
            Assert.Equal(5, second.GetProperty("exit_code").GetInt32());
        }

        var table = await CliRunner.InProcessAsync("runs", "list", "--store", store);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("first", table.Output, StringComparison.Ordinal);
        Assert.Contains("sh -c 'exit 5'", table.Output, StringComparison.Ordinal);

        var show = await CliRunner.InProcessAsync("runs", "show", "first", "--store", store);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("status:    complete, exit code 0", show.Output, StringComparison.Ordinal);
        Assert.Contains("rapl", show.Output, StringComparison.Ordinal);
        var showJson = await CliRunner.InProcessAsync("runs", "show", "first", "--store", store, "--format", "json");
        string id;
        int sensorCount, sampleCount;
        using (var json = JsonDocument.Parse(showJson.Output))
        {
            id = json.RootElement.GetProperty("run").GetProperty("id").GetString()!;
            var sensors = json.RootElement.GetProperty("sensors").EnumerateArray().ToList();
            sensorCount = sensors.Count;
            sampleCount = sensors.Sum(s => s.GetProperty("samples").GetInt32());
        }
        Assert.True(sensorCount >= 2);

        var csvFile = dir.File("samples.csv");
        var export = await CliRunner.InProcessAsync("runs", "export", id, "--store", store, "--format", "csv", "-o", csvFile);
        Assert.Equal(0, export.ExitCode);
        var lines = File.ReadAllLines(csvFile);
        Assert.Equal("run_id,sensor_id,offset_s,energy_j,power_w,temperature_c,utilisation", lines[0]);
        // One row per stored sample, each of this run.
        Assert.Equal(sampleCount, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.StartsWith(id + ",", l, StringComparison.Ordinal));

        var exportJson = await CliRunner.InProcessAsync("runs", "export", "first", "--store", store, "--format", "json");
        using (var json = JsonDocument.Parse(exportJson.Output))
        {
            Assert.Equal(sampleCount, json.RootElement.GetProperty("samples").GetArrayLength());
        }

        var rm = await CliRunner.InProcessAsync("runs", "rm", id, "--store", store);
        Assert.Equal(0, rm.ExitCode);
        Assert.Contains("Removed run " + id, rm.Output, StringComparison.Ordinal);
        var after = await CliRunner.InProcessAsync("runs", "list", "--store", store, "--format", "json");
        using (var json = JsonDocument.Parse(after.Output))
        {
            Assert.Equal("second", Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray().ToList()).GetProperty("name").GetString());
        }
        var gone = await CliRunner.InProcessAsync("runs", "show", id, "--store", store);
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains("no run", gone.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_store_is_exit_code_2_and_is_not_created()
    {
        using var dir = new TempDirectory();
        var store = dir.File("none.db");

        var run = await CliRunner.InProcessAsync("runs", "list", "--store", store);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no run store", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }
}
