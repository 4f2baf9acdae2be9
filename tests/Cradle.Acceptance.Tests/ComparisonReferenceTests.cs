using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// `compare` and `assess --mc` with --reference and --all-pairs: the example's three alternatives keep every pair by
/// default; a reference compares each other alternative with it, and an unknown one is refused with the closest ids.
/// </summary>
public sealed class ComparisonReferenceTests
{
    [Fact]
    public async Task Compare_with_a_reference_writes_one_pair_per_other_alternative_and_says_so()
    {
        var run = await CliRunner.InProcessAsync("compare", Repository.Example, "--mc", "200", "--seed", "1", "--format", "json", "--reference", "poisson-1rps");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("reference", json.RootElement.GetProperty("pairs_mode").GetString());
        Assert.Equal("poisson-1rps", json.RootElement.GetProperty("reference").GetString());
        var pairs = json.RootElement.GetProperty("pairs").EnumerateArray().Select(p => (p.GetProperty("a").GetString(), p.GetProperty("b").GetString())).ToList();
        Assert.Equal([("poisson-1rps", "offline-batching"), ("poisson-1rps", "poisson-8rps")], pairs);
    }

    [Fact]
    public async Task Three_alternatives_compare_every_pair_by_default_without_a_pairs_mode()
    {
        var run = await CliRunner.InProcessAsync("compare", Repository.Example, "--mc", "200", "--seed", "1", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.TryGetProperty("pairs_mode", out _));
        Assert.Equal(3, json.RootElement.GetProperty("pairs").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_reference_is_refused_with_the_closest_ids()
    {
        var run = await CliRunner.InProcessAsync("compare", Repository.Example, "--mc", "100", "--reference", "poisson-8");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[unknown-reference]", run.Error, StringComparison.Ordinal);
        Assert.Contains("closest: poisson-8rps", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_with_monte_carlo_takes_the_reference_into_its_comparison()
    {
        var run = await CliRunner.InProcessAsync("assess", Repository.Example, "--mc", "200", "--seed", "1", "--format", "json", "--reference", "poisson-8rps");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var comparison = json.RootElement.GetProperty("comparison");
        Assert.Equal("poisson-8rps", comparison.GetProperty("reference").GetString());
        Assert.Equal(2, comparison.GetProperty("pairs").GetArrayLength());
    }
}
