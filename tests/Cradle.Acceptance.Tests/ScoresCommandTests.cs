using Cradle.Cli;

namespace Cradle.Acceptance.Tests;

/// <summary>`cradle scores`: every activity of a package scored at once, as CSV; what cannot be scored is said.</summary>
public sealed class ScoresCommandTests
{
    [Fact]
    public async Task The_exported_example_scores_every_activity_for_each_category()
    {
        using var dir = new TempDirectory();
        var package = dir.File("olmo.zip");
        var export = await CliRunner.InProcessAsync("export", Repository.Example, "--format", "openlca-jsonld", "-o", package);
        Assert.Equal(ExitCodes.Success, export.ExitCode);

        var run = await CliRunner.InProcessAsync("scores", package);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("process_id,process,product,unit,\"Climate change, GWP100 [kg CO2 eq]\",Water consumption [L]", lines[0]);
        // 16 processes per alternative, three alternatives: one row each.
        Assert.Equal(48, lines.Length - 1);
        Assert.Contains("48 activities scored", run.Error, StringComparison.Ordinal);
        Assert.Contains("0 left out, 0 inputs cut off", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_without_a_method_is_refused()
    {
        var beef = Path.Combine(Repository.Root, "tests", "data", "openlca-jsonld", "bw2io_beef-cattle-finishing");
        var run = await CliRunner.InProcessAsync("scores", beef);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("holds no LCIA method", run.Error, StringComparison.Ordinal);
        Assert.Contains("--indicators", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    // Calf production linked with the database (hand computation in tests/Cradle.Interchange.Tests/Background/
    // FileBackgroundSourceTests.cs): 25,553,600.63975 kg CO2 eq per 3742 calves = 6,828.8617… per calf. Cattle feed's
    // acidification: its 29,251 kg of ammonia × TRACI 2.1's 1.88 kg SO2 eq/kg = 54,991.88.
    [Fact]
    public async Task A_package_without_a_method_scores_with_the_catalogs_indicators()
    {
        var beef = Path.Combine(Repository.Root, "tests", "data", "openlca-jsonld", "bw2io_beef-cattle-finishing");
        var run = await CliRunner.InProcessAsync("scores", beef, "--indicators", "gwp100,acidification");
        Assert.True(run.ExitCode == 0, run.Error);
        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("process_id,process,product,unit,\"Climate change, GWP100 [kg CO2 eq]\",Acidification (TRACI 2.1) [kg SO2 eq]", rows[0]);
        var calves = rows.Single(r => r.StartsWith("ac2816ed-803d-4436-92b6-2ea9cd5ce67a,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(25_553_600.63975 / 3742, double.Parse(calves[^2], System.Globalization.CultureInfo.InvariantCulture), 9);
        var feed = rows.Single(r => r.StartsWith("efa8b1d9-dd4a-4d25-b595-2dad6932e428,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(29_251 * 1.88, double.Parse(feed[^1], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Contains("7 activities scored with the catalog's indicators (10 of 17 elementary flows characterised", run.Error, StringComparison.Ordinal);

        var water = await CliRunner.InProcessAsync("scores", beef, "--indicators", "gwp100,water");
        Assert.Equal(ExitCodes.InvalidInput, water.ExitCode);
        Assert.Contains("no elementary flow of the database has a factor in 'water', so every score would be 0", water.Error, StringComparison.Ordinal);
        var both = await CliRunner.InProcessAsync("scores", beef, "--indicators", "gwp100", "--method", "x");
        Assert.Equal(ExitCodes.InvalidInput, both.ExitCode);
    }
}
