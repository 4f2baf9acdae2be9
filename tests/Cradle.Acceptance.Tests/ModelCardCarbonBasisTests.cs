namespace Cradle.Acceptance.Tests;

/// <summary>
/// The model card says which carbon basis its <c>co2_eq_emissions.emissions</c> is on, and gives the other basis's
/// figure when the results carry that row, so a market-based card does not pass for a location-based one.
/// </summary>
public sealed class ModelCardCarbonBasisTests
{
    // Development: 1,000 kWh × PUE 1.5 = 1,500 kWh of grid electricity; location-based × 0.5 kg/kWh = 750 kg
    // = 750,000 g CO2 eq; market-based × 0.1 kg/kWh = 150 kg = 150,000 g.
    private const string Study = """
        cradle: 1
        name: carbon basis card
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1000 request
          description: one thousand answered requests
        system_boundary:
          included: [pre-training, inference]
          excluded:
            hardware-manufacture: not known
        impact_categories: [gwp100]
        grids:
          g:
            basis: life-cycle
            per_kwh: {gwp100: 0.5 kg CO2e/kWh}
            market_based: {gwp100: 0.1 kg CO2e/kWh, source: a green tariff}
        sites:
          s:
            grid: g
            pue: 1.5
        stages:
          pre-training:
            site: s
            energy: 1000 kWh
        inference:
          site: s
          lifetime_requests: 1e6 request
          energy_per_request: 0.002 kWh/request
        """;

    private static async Task<string> Card(TempDirectory temp, string study)
    {
        var results = await CliRunner.InProcessAsync("assess", temp.Write("study.yaml", study), "--format", "json");
        Assert.Equal(0, results.ExitCode);
        var card = await CliRunner.InProcessAsync("report", temp.Write("results.json", results.Output), "--format", "model-card");
        Assert.Equal(0, card.ExitCode);
        return card.Output;
    }

    [Fact]
    public async Task A_location_based_card_says_so_and_gives_the_market_based_figure()
    {
        using var temp = new TempDirectory();
        var card = await Card(temp, Study);
        Assert.Contains("  emissions: 750000\n", card.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("; location-based carbon\"", card, StringComparison.Ordinal);
        Assert.Contains("- **Carbon basis:** `co2_eq_emissions.emissions` is location-based (GHG Protocol Scope 2); market-based, the same development emits 150000 g CO2 eq.",
            card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_market_based_card_says_so_and_gives_the_location_based_figure()
    {
        using var temp = new TempDirectory();
        var card = await Card(temp, Study.Replace("  audience: tests", "  audience: tests\n  carbon_basis: market-based", StringComparison.Ordinal));
        Assert.Contains("  emissions: 150000\n", card.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("; market-based carbon\"", card, StringComparison.Ordinal);
        Assert.Contains("- **Carbon basis:** `co2_eq_emissions.emissions` is market-based (GHG Protocol Scope 2); location-based, the same development emits 750000 g CO2 eq.",
            card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_market_based_factor_the_card_names_the_basis_alone()
    {
        using var temp = new TempDirectory();
        var card = await Card(temp, Study.Replace("    market_based: {gwp100: 0.1 kg CO2e/kWh, source: a green tariff}\n", "", StringComparison.Ordinal));
        Assert.Contains("- **Carbon basis:** `co2_eq_emissions.emissions` is location-based (GHG Protocol Scope 2).", card, StringComparison.Ordinal);
        Assert.DoesNotContain("market-based, the same development", card, StringComparison.Ordinal);
    }
}
