namespace Cradle.Acceptance.Tests;

/// <summary>A hostile argument to catalog show/search: answered at once, echoed short and escaped.</summary>
public sealed class CatalogLongArgumentTests
{
    [Fact]
    public async Task A_name_of_a_hundred_thousand_characters_is_echoed_shortened_with_its_length()
    {
        var run = await CliRunner.InProcessAsync("catalog", "show", new string('x', 100_000));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cradle: '" + new string('x', 79) + "…' (100,000 characters) is not in the catalog.", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Length < 400, run.Error);
    }

    [Fact]
    public async Task Control_characters_in_an_unknown_name_are_escaped()
    {
        var run = await CliRunner.InProcessAsync("catalog", "show", "h100\u001b[2J");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'h100\\u001b[2J' is not in the catalog", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_for_a_hundred_thousand_characters_finds_nothing_and_says_so_briefly()
    {
        var run = await CliRunner.InProcessAsync("catalog", "search", new string('y', 100_000));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(100,000 characters) is not in the catalog.", run.Error, StringComparison.Ordinal);
    }
}
