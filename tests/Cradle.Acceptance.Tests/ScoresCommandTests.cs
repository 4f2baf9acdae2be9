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
        Assert.Equal("", run.Output);
    }
}
