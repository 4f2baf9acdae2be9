namespace Cradle.Acceptance.Tests;

/// <summary>
/// A functional unit so large that the totals overflow is refused by every command that prints totals, at the
/// functional unit: compare used to print dashes and a probability of 0.000 with exit 0, sensitivity a total of "–".
/// </summary>
public sealed class OverflowAcrossCommandsTests
{
    [Theory]
    [InlineData("assess")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    [InlineData("breakeven")]
    public async Task Overflowing_totals_are_refused_at_the_functional_unit(string command)
    {
        using var temp = new TempDirectory();
        var text = (await File.ReadAllTextAsync(Repository.Example)).Replace("  amount: 1000 request", "  amount: 1e308 model", StringComparison.Ordinal);
        var study = temp.Write("huge.yaml", text);
        var run = await CliRunner.InProcessAsync(command, study);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{study}:22:11: error [not-finite] functional_unit.amount: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
