using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// `compare` and `assess --mc` with --pair A,B: only the pairs given are compared, in the order given, with the numbers
/// a reference comparison gives the same pairs; unknown ids are refused with the closest, a malformed pair as a usage
/// error.
/// </summary>
public sealed class ComparisonChosenPairsTests
{
    [Fact]
    public async Task Compare_with_chosen_pairs_writes_those_pairs_with_the_numbers_of_the_reference_comparison()
    {
        var chosen = await CliRunner.InProcessAsync("compare", Repository.Example, "--mc", "200", "--seed", "1", "--format", "json",
            "--pair", "poisson-1rps,poisson-8rps", "--pair", "poisson-1rps,offline-batching");
        var reference = await CliRunner.InProcessAsync("compare", Repository.Example, "--mc", "200", "--seed", "1", "--format", "json", "--reference", "poisson-1rps");
        Assert.Equal(0, chosen.ExitCode);
        using var json = JsonDocument.Parse(chosen.Output);
        Assert.Equal("chosen", json.RootElement.GetProperty("pairs_mode").GetString());
        Assert.False(json.RootElement.TryGetProperty("reference", out _));
        var pairs = json.RootElement.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal([("poisson-1rps", "poisson-8rps"), ("poisson-1rps", "offline-batching")], pairs.Select(p => (p.GetProperty("a").GetString(), p.GetProperty("b").GetString())));
        using var expected = JsonDocument.Parse(reference.Output);
        foreach (var pair in pairs)
        {
            var same = expected.RootElement.GetProperty("pairs").EnumerateArray().Single(p => p.GetProperty("b").GetString() == pair.GetProperty("b").GetString());
            Assert.Equal(same.GetRawText(), pair.GetRawText());
        }
    }

    [Fact]
    public async Task An_unknown_id_in_a_pair_is_refused_with_the_closest_ids()
    {
        var run = await CliRunner.InProcessAsync("compare", Repository.Example, "--mc", "100", "--pair", "poisson-8,offline-batching");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[unknown-pair]", run.Error, StringComparison.Ordinal);
        Assert.Contains("closest: poisson-8rps", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pair_without_two_ids_is_a_usage_error()
    {
        var run = await CliRunner.InProcessAsync("compare", Repository.Example, "--mc", "100", "--pair", "poisson-8rps");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--pair expects two alternative ids separated by a comma", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_with_monte_carlo_takes_the_chosen_pairs_into_its_comparison()
    {
        var run = await CliRunner.InProcessAsync("assess", Repository.Example, "--mc", "200", "--seed", "1", "--format", "json", "--pair", "poisson-8rps,offline-batching");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var comparison = json.RootElement.GetProperty("comparison");
        Assert.Equal("chosen", comparison.GetProperty("pairs_mode").GetString());
        var pair = Assert.Single(comparison.GetProperty("pairs").EnumerateArray());
        Assert.Equal("poisson-8rps", pair.GetProperty("a").GetString());
    }
}
