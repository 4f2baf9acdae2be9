using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary><c>cradle import codecarbon</c> and <c>cradle runs export --format codecarbon</c>, run in-process.</summary>
public sealed class ImportCodeCarbonCommandTests
{
    private static string DataFile(string name) => Path.Combine(Repository.Root, "tests", "data", "codecarbon-emissions", name);

    [Fact]
    public async Task A_file_imports_once_with_a_summary_and_the_second_import_is_refused()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var file = DataFile("v3.2.7_ThothBot.csv");

        var first = await CliRunner.InProcessAsync("import", "codecarbon", file, "--store", store, "--job", "777");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Imported 7 run(s) from 1 file(s)", first.Output, StringComparison.Ordinal);
        // cpu: 9.0308060816955e-05 kWh (the hand sum in Cradle.Import.Tests), all measured (cpu_power varies).
        Assert.Contains("cpu    9.03081E-05 kWh  measured 9.03081E-05 kWh, modelled 0 kWh", first.Output, StringComparison.Ordinal);
        Assert.Contains("ram    0.000171739 kWh  measured 0 kWh, modelled 0.000171739 kWh", first.Output, StringComparison.Ordinal);
        Assert.Contains("codecarbon 3.2.7: v3.2.7_ThothBot.csv (sha256 ", first.Output, StringComparison.Ordinal);

        var list = await CliRunner.InProcessAsync("runs", "list", "--store", store, "--format", "json");
        using (var json = JsonDocument.Parse(list.Output))
        {
            Assert.Equal(7, json.RootElement.GetProperty("runs").GetArrayLength());
        }

        var again = await CliRunner.InProcessAsync("import", "codecarbon", file, "--store", store);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("is already in the store", again.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing of this import was stored", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_file_names_line_and_column_and_nothing_is_imported()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var lines = File.ReadAllLines(DataFile("v3.0.5_FedHENet.csv"));
        var cells = lines[2].Split(',');
        cells[4] = "twelve"; // duration
        lines[2] = string.Join(",", cells);
        var broken = dir.File("broken.csv");
        await File.WriteAllLinesAsync(broken, lines);

        var run = await CliRunner.InProcessAsync("import", "codecarbon", DataFile("v3.2.7_ThothBot.csv"), broken, "--store", store);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{broken}:3: column 'duration': 'twelve' is not a number; expected a decimal number in s", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public async Task Export_as_codecarbon_imports_back_with_the_same_energy_per_component()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var first = await CliRunner.InProcessAsync("import", "codecarbon", DataFile("v2.8.3+3.0.7_AIRA-LLaMA-Factory_8xH20-H800.csv"), "--store", store);
        Assert.Equal(0, first.ExitCode);
        var list = await CliRunner.InProcessAsync("runs", "list", "--store", store, "--format", "json");
        string[] ids;
        using (var json = JsonDocument.Parse(list.Output))
        {
            ids = [.. json.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
        }
        Assert.Equal(37, ids.Length);

        var exported = dir.File("emissions.csv");
        var export = await CliRunner.InProcessAsync(["runs", "export", .. ids, "--store", store, "--format", "codecarbon", "-o", exported]);
        Assert.Equal(0, export.ExitCode);
        Assert.Equal(38, File.ReadAllLines(exported).Length);

        var back = await CliRunner.InProcessAsync("import", "codecarbon", exported, "--store", dir.File("other.db"));
        Assert.Equal(0, back.ExitCode);
        // The per-component totals (printed to 6 significant digits) are the same after the round trip.
        foreach (var component in new[] { "cpu", "gpu", "ram" })
        {
            static string Total(string output, string c) => output.Split('\n').Single(l => l.StartsWith($"  {c} ", StringComparison.Ordinal)).Split("kWh")[0];
            Assert.Equal(Total(first.Output, component), Total(back.Output, component));
        }
    }

    [Fact]
    public async Task An_unknown_site_and_a_bad_offset_are_refused()
    {
        using var dir = new TempDirectory();
        var file = DataFile("v3.2.7_ThothBot.csv");
        var site = await CliRunner.InProcessAsync("import", "codecarbon", file, "--store", dir.File("runs.db"), "--site", "atlantis");
        Assert.Equal(1, site.ExitCode);
        Assert.Contains("--site 'atlantis' is not a grid", site.Error, StringComparison.Ordinal);
        var offset = await CliRunner.InProcessAsync("import", "codecarbon", file, "--store", dir.File("runs.db"), "--utc-offset", "2h");
        Assert.Equal(1, offset.ExitCode);
        Assert.False(File.Exists(dir.File("runs.db")));
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "codecarbon")]
    public async Task Help_lists_the_exit_codes(params string[] command)
    {
        var run = await CliRunner.InProcessAsync([.. command, "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Cradle.Cli.ExitCodes.Help, run.Output, StringComparison.Ordinal);
    }
}
