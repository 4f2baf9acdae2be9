namespace Cradle.Acceptance.Tests;

/// <summary>
/// Monte Carlo and Sobol sizes whose arrays would not fit in half of the memory available are refused before anything
/// is allocated, with the memory they would need and the largest size that fits (exit code 1). The sizes below need
/// at least hundreds of GiB for the example, so they are refused on any machine these tests run on.
/// </summary>
public sealed class SamplingLimitTests
{
    [Theory]
    [InlineData("assess", "2147483647")]
    [InlineData("assess", "100000000")]
    [InlineData("compare", "2147483647")]
    [InlineData("breakeven", "2147483647")]
    [InlineData("breakeven", "100000000")]
    public async Task Monte_Carlo_that_would_not_fit_is_refused_before_it_starts(string command, string iterations)
    {
        var run = await CliRunner.InProcessAsync(command, Repository.Example, "--mc", iterations);
        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"cradle: --mc {iterations} would need about [\d.]+ [GTP]iB of memory \([\d.]+ (?:bytes|KiB) per iteration for 3 alternatives\), " +
            @"more than the [\d.]+ [MGT]iB Cradle may use \(half of the [\d.]+ [MGT]iB available\); use --mc \d+ or fewer", run.Error);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("compare")]
    [InlineData("assess")]
    public async Task The_estimate_lets_a_million_iterations_of_the_example_run_in_two_GiB(string command)
    {
        // Under 2 KiB per iteration; since issue 13 it is a few hundred bytes (no summary copies the sample any more).
        var refused = await CliRunner.InProcessAsync(command, Repository.Example, "--mc", "2147483647");
        var size = System.Text.RegularExpressions.Regex.Match(refused.Error, @"\(([\d.]+) (bytes|KiB) per iteration");
        Assert.True(size.Success, refused.Error);
        var bytes = double.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * (size.Groups[2].Value == "KiB" ? 1024 : 1);
        Assert.True(bytes < 2048, refused.Error);
    }

    [Theory]
    [InlineData("--samples", "2147483647", "use --samples")]
    [InlineData("--bootstrap", "2147483647", "use --bootstrap")]
    public async Task Sobol_sizes_that_would_not_fit_are_refused_before_they_start(string option, string value, string suggestion)
    {
        var run = await CliRunner.InProcessAsync("sensitivity", Repository.Example, option, value);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{option} {value}", run.Error, StringComparison.Ordinal);
        Assert.Contains("of memory, more than the", run.Error, StringComparison.Ordinal);
        Assert.Contains(suggestion, run.Error, StringComparison.Ordinal);
    }
}
