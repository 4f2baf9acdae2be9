namespace Cradle.Acceptance.Tests;

/// <summary>Every command's help lists the exit codes, and states each default once.</summary>
public sealed class HelpTextTests
{
    [Theory]
    [InlineData]
    [InlineData("assess")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    [InlineData("breakeven")]
    [InlineData("report")]
    [InlineData("catalog")]
    [InlineData("catalog", "list")]
    [InlineData("catalog", "show")]
    [InlineData("catalog", "search")]
    [InlineData("catalog", "cite")]
    [InlineData("measure")]
    [InlineData("runs")]
    [InlineData("runs", "list")]
    [InlineData("runs", "show")]
    [InlineData("runs", "export")]
    [InlineData("runs", "rm")]
    public async Task Help_lists_the_exit_codes(params string[] command)
    {
        var run = await CliRunner.InProcessAsync([.. command, "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Cradle.Cli.ExitCodes.Help, run.Output, StringComparison.Ordinal);
        Assert.Contains("0 success", run.Output, StringComparison.Ordinal);
        Assert.Contains("3 a bug in Cradle", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assess")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    [InlineData("breakeven")]
    [InlineData("report")]
    public async Task Each_default_is_stated_once(string command)
    {
        var run = await CliRunner.InProcessAsync(command, "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var line in run.Output.Split('\n').Where(l => l.TrimStart().StartsWith('-')))
        {
            var defaults = line.Split("default", StringSplitOptions.None).Length - 1;
            Assert.True(defaults <= 1, $"'{line.Trim()}' states its default more than once");
        }
    }

    [Theory]
    [InlineData("assess")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    [InlineData("breakeven")]
    [InlineData("report")]
    public async Task Commands_that_print_results_offer_an_output_file(string command)
    {
        var run = await CliRunner.InProcessAsync(command, "--help");
        Assert.Contains("-o, --output <FILE>", run.Output, StringComparison.Ordinal);
    }
}
