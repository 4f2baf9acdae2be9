using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// `compare` on studies that report carbon on different bases (location-based against market-based): refused, naming
/// both bases and the option; accepted with --accept-different-carbon-bases "REASON", which the table and the JSON show.
/// `assess` of a market-based study shows both rows.
/// </summary>
public sealed class CarbonBasisCompareTests
{
    private const string Reason = "the supplier contract is the decision being compared";

    /// <summary>The example reported market-based, its grid given a market-based factor of 0.1 kg CO2e/kWh.</summary>
    private static string MarketBased(TempDirectory directory)
    {
        var text = File.ReadAllText(Repository.Example);
        const string Goal = "  approach: attributional\n";
        const string Grid = "    per_kwh:\n      gwp100:\n        value: 0.332 kg CO2e/kWh\n";
        Assert.Contains(Goal, text, StringComparison.Ordinal);
        Assert.Contains(Grid, text, StringComparison.Ordinal);
        text = text.Replace(Goal, Goal + "  carbon_basis: market-based\n", StringComparison.Ordinal)
            .Replace(Grid, "    market_based: {gwp100: 0.1 kg CO2e/kWh, source: supplier's green tariff}\n" + Grid, StringComparison.Ordinal);
        return directory.Write("market.yaml", text);
    }

    [Fact]
    public async Task Compare_refuses_a_location_based_study_against_a_market_based_one_and_names_the_way_out()
    {
        using var directory = new TempDirectory();
        var run = await CliRunner.InProcessAsync("compare", Repository.Example, MarketBased(directory), "--mc", "0");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[carbon-basis-mismatch]", run.Error, StringComparison.Ordinal);
        Assert.Contains("reports carbon location-based, 'market:offline-batching' market-based", run.Error, StringComparison.Ordinal);
        Assert.Contains("--accept-different-carbon-bases", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_with_a_reason_compares_the_rows_both_have_and_shows_the_reason()
    {
        using var directory = new TempDirectory();
        var market = MarketBased(directory);
        var table = await CliRunner.InProcessAsync("compare", Repository.Example, market, "--mc", "0", "--accept-different-carbon-bases", Reason);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("The carbon bases differ; compared anyway because: " + Reason, table.Output, StringComparison.Ordinal);
        Assert.Contains("Not compared (not every alternative has figures for them): gwp100-location", table.Output, StringComparison.Ordinal);

        var json = await CliRunner.InProcessAsync("compare", Repository.Example, market, "--mc", "0", "--format", "json", "--accept-different-carbon-bases", Reason);
        Assert.True(json.ExitCode == 0, json.Error);
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(Reason, root.GetProperty("different_carbon_bases").GetProperty("reason").GetString());
        Assert.Equal("gwp100-location", root.GetProperty("rows_not_compared")[0].GetString());
        Assert.False(root.TryGetProperty("carbon_basis", out _));
    }

    [Fact]
    public async Task Studies_on_one_basis_say_it()
    {
        var json = await CliRunner.InProcessAsync("compare", Repository.Example, "--mc", "0", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Equal("location-based", JsonDocument.Parse(json.Output).RootElement.GetProperty("carbon_basis").GetString());
        var refused = await CliRunner.InProcessAsync("compare", Repository.Example, "--mc", "0", "--accept-different-carbon-bases", Reason);
        Assert.Contains("[carbon-basis-accept-unneeded]", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_of_a_market_based_study_shows_both_bases_in_the_table_and_the_json()
    {
        using var directory = new TempDirectory();
        var market = MarketBased(directory);
        var table = await CliRunner.InProcessAsync("assess", market, "--mc", "0");
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("gwp100-location", table.Output, StringComparison.Ordinal);
        Assert.Contains("carbon market-based (grid austin-energy market_based)", table.Output, StringComparison.Ordinal);

        var json = await CliRunner.InProcessAsync("assess", market, "--mc", "0", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Error);
        var alternative = JsonDocument.Parse(json.Output).RootElement.GetProperty("alternatives")[0];
        var convention = alternative.GetProperty("conventions")[0];
        Assert.Equal("market-based", convention.GetProperty("carbon_basis").GetString());
        Assert.Equal("grid austin-energy market_based", convention.GetProperty("carbon_factor_from").GetString());
        Assert.Contains("gwp100-location", json.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_card_of_a_market_based_study_shows_the_market_factor_beside_the_location_one()
    {
        using var directory = new TempDirectory();
        var json = directory.File("results.json");
        var assessed = await CliRunner.InProcessAsync("assess", MarketBased(directory), "--mc", "0", "--format", "json", "-o", json);
        Assert.True(assessed.ExitCode == 0, assessed.Error);
        var card = await CliRunner.InProcessAsync("report", json, "--format", "model-card");
        Assert.True(card.ExitCode == 0, card.Error);
        Assert.Contains("`grids.austin_energy.market_based.gwp100` = 0.1000 kg CO2e/kWh (supplier's green tariff)", card.Output, StringComparison.Ordinal);
        Assert.Contains("carbon market-based (grid austin-energy market_based)", card.Output, StringComparison.Ordinal);
    }
}
