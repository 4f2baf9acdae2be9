namespace Cradle.Acceptance.Tests;

/// <summary>
/// Every numeric option refuses text that is not a number in its range as a usage error (exit code 1) that names the
/// option, what it expects and what it got; none is an exception when the value is read.
/// </summary>
public sealed class OptionValueTests
{
    public static TheoryData<string, string, string> BadValues()
    {
        var data = new TheoryData<string, string, string>();
        string[] bad = ["1e5", "100,000", "1.5", "abc", "2147483648", ""];
        string[][] wholeNumbers =
        [
            ["assess", "--mc"], ["assess", "--threads"],
            ["compare", "--mc"], ["compare", "--threads"],
            ["breakeven", "--mc"], ["breakeven", "--threads"],
            ["sensitivity", "--samples"], ["sensitivity", "--bootstrap"],
        ];
        foreach (var pair in wholeNumbers)
        {
            foreach (var value in bad)
            {
                data.Add(pair[0], pair[1], value);
            }
            data.Add(pair[0], pair[1], "-1");
        }
        foreach (var command in new[] { "assess", "compare", "breakeven", "sensitivity" })
        {
            foreach (var value in new[] { "1e5", "100,000", "1.5", "abc", "-1", "18446744073709551616" })
            {
                data.Add(command, "--seed", value);
            }
        }
        foreach (var value in new[] { "1e5", "100,000", "abc", "0", "1", "-0.5", "NaN", "Infinity" })
        {
            data.Add("breakeven", "--embodied-share", value);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_value_that_is_not_a_number_in_range_is_a_usage_error(string command, string option, string value)
    {
        var run = await CliRunner.InProcessAsync(command, Repository.Example, option, value);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{option} expects a ", run.Error, StringComparison.Ordinal);
        Assert.Contains($"got '{value}'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assess", "--mc", "1e5", "--mc expects a whole number of iterations from 0 to 2147483647, such as 100000; got '1e5'.")]
    [InlineData("sensitivity", "--samples", "1", "--samples expects a whole number of base samples from 2 to 2147483647, such as 4096; got '1'.")]
    [InlineData("assess", "--threads", "0", "--threads expects a whole number of threads from 1 to 2147483647, such as 4; got '0'.")]
    [InlineData("sensitivity", "--seed", "-1", "--seed expects a whole number from 0 to 18446744073709551615, such as 42; got '-1'.")]
    [InlineData("breakeven", "--embodied-share", "7", "--embodied-share expects a share of the total above 0 and below 1, such as 0.1 for 10 %; got '7'.")]
    public async Task The_message_says_what_is_expected(string command, string option, string value, string message)
    {
        var run = await CliRunner.InProcessAsync(command, Repository.Example, option, value);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assess", "--mc", "0")]
    [InlineData("assess", "--mc", "50")]
    [InlineData("assess", "--seed", "18446744073709551615")]
    [InlineData("breakeven", "--embodied-share", "0.25")]
    [InlineData("sensitivity", "--samples", "64")]
    [InlineData("sensitivity", "--bootstrap", "0")]
    public async Task Values_in_range_are_accepted(string command, string option, string value)
    {
        // Small sizes keep the runs quick; the option under test is not repeated.
        string[] small = command == "sensitivity" ? ["--samples", "64"] : command == "assess" ? [] : ["--mc", "50"];
        if (small.Contains(option))
        {
            small = [];
        }
        var run = await CliRunner.InProcessAsync([command, Repository.Example, .. small, option, value]);
        Assert.True(run.ExitCode == 0, run.Error);
    }
}
