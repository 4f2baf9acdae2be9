using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// Location- and market-based carbon (GHG Protocol Scope 2 Guidance, 2015): the study's reported basis, the other
/// basis as its own row, the residual mix and the site's own contracts, the fallback, declared figures' bases, and
/// comparisons that refuse to mix bases silently.
/// </summary>
/// <remarks>
/// The tiny study draws, per request, 0.0045 kWh of grid electricity: pre-training 1,000 kWh × PUE 1.5 = 1,500 kWh over
/// 10⁶ requests = 0.0015 kWh, plus serving 0.002 kWh × 1.5 = 0.003 kWh. Its grid is 0.5 kg CO2e/kWh location-based; the
/// tests give it 0.1 kg CO2e/kWh market-based, so the market-based total is the location-based one less
/// 0.0045 × (0.5 − 0.1) = 0.0018 kg CO2e per request; everything else (embodied carbon) is the same on both bases.
/// </remarks>
public sealed class CarbonBasisTests
{
    private const double ElectricityPerRequest = 0.0045;
    private const double Difference = ElectricityPerRequest * (0.5 - 0.1);

    private const string Location = "      gwp100: 0.5 kg CO2e/kWh\n      water: 2 L/kWh\n";
    private const string WithMarket = Location + "    market_based:\n      gwp100: 0.1 kg CO2e/kWh\n";

    private static string Market(string text) =>
        TinyStudy.With("  audience: tests\n", "  audience: tests\n  carbon_basis: market-based\n", text);

    [Fact]
    public void A_grid_with_a_market_figure_adds_the_market_row_to_a_location_based_study()
    {
        var plain = TinyStudy.Assess();
        var dual = TinyStudy.Assess(TinyStudy.With(Location, WithMarket));
        var ids = dual.Alternatives[0].Categories.Select(c => c.Id).ToList();
        Assert.Equal(["gwp100", "gwp100-market", "water"], ids);
        // The reported row is unchanged (location-based); the market row is it less 0.0018 kg CO2e.
        Assert.Equal(TinyStudy.Total(plain, "gwp100"), TinyStudy.Total(dual, "gwp100"), 12);
        Assert.Equal(TinyStudy.Total(plain, "gwp100") - Difference, TinyStudy.Total(dual, "gwp100-market"), 12);
        Assert.Contains("market-based", dual.Alternatives[0].Categories[1].Name, StringComparison.Ordinal);
        Assert.Contains("location-based", dual.Alternatives[0].Categories[0].Name, StringComparison.Ordinal);
        // A study whose grids give no market figure keeps one row, named as before.
        Assert.Equal(["gwp100", "water"], plain.Alternatives[0].Categories.Select(c => c.Id));
        Assert.Equal("Climate change, GWP100", plain.Alternatives[0].Categories[0].Name);
    }

    [Fact]
    public void The_same_study_reported_market_based_swaps_the_rows()
    {
        var location = TinyStudy.Assess(TinyStudy.With(Location, WithMarket));
        var market = TinyStudy.Assess(Market(TinyStudy.With(Location, WithMarket)));
        Assert.Equal(["gwp100", "gwp100-location", "water"], market.Alternatives[0].Categories.Select(c => c.Id));
        Assert.Equal(TinyStudy.Total(location, "gwp100") - Difference, TinyStudy.Total(market, "gwp100"), 12);
        Assert.Equal(TinyStudy.Total(location, "gwp100"), TinyStudy.Total(market, "gwp100-location"), 12);
        // Water has no basis: the same on both.
        Assert.Equal(TinyStudy.Total(location, "water"), TinyStudy.Total(market, "water"), 12);
        var convention = market.Alternatives[0].Conventions.Single(c => c.Scope == "inference");
        Assert.Equal(("market-based", "grid g market_based"), (convention.CarbonBasis, convention.CarbonFactorFrom));
        Assert.Contains("; carbon market-based (grid g market_based);", convention.Describe(), StringComparison.Ordinal); // the allocation key follows
    }

    [Fact]
    public void The_location_convention_is_said_too()
    {
        var convention = TinyStudy.Assess().Alternatives[0].Conventions.Single(c => c.Scope == "inference");
        Assert.Equal(("location-based", "grid g per_kwh"), (convention.CarbonBasis, convention.CarbonFactorFrom));
        Assert.Contains("grid factors life-cycle; carbon location-based (grid g per_kwh);", convention.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_residual_mix_is_the_market_figure_where_no_contract_is_stated_and_a_site_contract_wins()
    {
        // Residual mix 0.6: market = location + 0.0045 × (0.6 − 0.5) = + 0.00045 kg CO2e per request.
        var residual = TinyStudy.With(Location, Location + "    residual_mix:\n      gwp100: 0.6 kg CO2e/kWh\n");
        var location = TinyStudy.Total(TinyStudy.Assess(), "gwp100");
        Assert.Equal(location + (ElectricityPerRequest * 0.1), TinyStudy.Total(TinyStudy.Assess(Market(residual)), "gwp100"), 12);
        // The site's own contract (0 kg CO2e/kWh: fully matched) wins over the grid's residual mix: − 0.0045 × 0.5.
        var contract = TinyStudy.With("    wue: 0.25 L/kWh\n", "    wue: 0.25 L/kWh\n    market_based: {gwp100: 0 kg CO2e/kWh, source: \"PPA, 100 % matched\"}\n", residual);
        var assessed = TinyStudy.Assess(Market(contract));
        Assert.Equal(location - (ElectricityPerRequest * 0.5), TinyStudy.Total(assessed, "gwp100"), 12);
        Assert.Equal("site s market_based", assessed.Alternatives[0].Conventions[0].CarbonFactorFrom);
        var input = assessed.Alternatives[0].Inputs.Single(i => i.Name == "sites.s.market_based.gwp100");
        Assert.Equal("PPA, 100 % matched", input.Source);
    }

    [Fact]
    public void A_site_contract_can_be_an_expression_on_the_grids_residual_mix()
    {
        // 80 % of the consumption covered by a zero-emission contract, the rest at the residual mix 0.6:
        // 0.2 × 0.6 = 0.12 kg CO2e/kWh, so the market total is the location one less 0.0045 × (0.5 − 0.12) = 0.00171 kg.
        var text = TinyStudy.With(Location, Location + "    residual_mix:\n      gwp100: 0.6 kg CO2e/kWh\n");
        text = TinyStudy.With("    wue: 0.25 L/kWh\n", "    wue: 0.25 L/kWh\n    market_based: {gwp100: \"0.2 * grids.g.residual_mix.gwp100\"}\n", text);
        Assert.Equal(TinyStudy.Total(TinyStudy.Assess(), "gwp100") - (ElectricityPerRequest * 0.38), TinyStudy.Total(TinyStudy.Assess(Market(text)), "gwp100"), 12);
    }

    [Fact]
    public void A_market_based_study_on_a_grid_without_market_figures_falls_back_loudly()
    {
        var assessed = TinyStudy.Assess(Market(TinyStudy.Text));
        Assert.Equal(TinyStudy.Total(TinyStudy.Assess(), "gwp100"), TinyStudy.Total(assessed, "gwp100"), 12);
        // No second row: it would equal the first.
        Assert.Equal(["gwp100", "water"], assessed.Alternatives[0].Categories.Select(c => c.Id));
        var warning = Assert.Single(assessed.Alternatives[0].Warnings, w => w.Code == "market-based-fallback");
        Assert.Contains("grid 'g'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("location-based: no market-based figure", assessed.Alternatives[0].Conventions[0].Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_market_figure_is_a_parameter_that_alternatives_can_vary()
    {
        var text = TinyStudy.With(Location, WithMarket)
            + "\nalternatives:\n  greener:\n    description: a contract at 0.3\n    parameters:\n      grids.g.market_based.gwp100: 0.3 kg CO2e/kWh\n";
        var assessed = TinyStudy.Assess(text);
        // 0.0045 × (0.5 − 0.3) = 0.0009 kg CO2e less than location-based.
        Assert.Equal(TinyStudy.Total(assessed, "gwp100") - (ElectricityPerRequest * 0.2), TinyStudy.Total(assessed, "gwp100-market"), 12);
    }

    [Fact]
    public void Bad_basis_names_get_the_closest_valid_name()
    {
        var goal = TinyStudy.Error(TinyStudy.With("  audience: tests\n", "  audience: tests\n  carbon_basis: market\n"), "unknown-choice");
        Assert.Contains("'market-based'", goal.Message, StringComparison.Ordinal);
        var key = TinyStudy.Error(TinyStudy.With(Location, Location + "    market_based:\n      gwp10: 0.1 kg CO2e/kWh\n"), "unknown-key");
        Assert.Contains("'gwp100'", key.Message, StringComparison.Ordinal);
        var grid = TinyStudy.Error(TinyStudy.With(Location, Location + "    market_base:\n      gwp100: 0.1 kg CO2e/kWh\n"), "unknown-key");
        Assert.Contains("'market_based'", grid.Message, StringComparison.Ordinal);
    }

    private const string Declared = """
          pre-training:
            hardware: fleet
            footprint:
              gwp100: {value: 420 kg CO2e, basis: location-based, source: developer}
              water: 0 L
            device_time: 2000 h

        """;

    [Fact]
    public void A_declared_figure_on_the_other_basis_is_an_error()
    {
        var text = TinyStudy.With("  pre-training:\n    hardware: fleet\n    site: s\n    energy: 1000 kWh\n    device_time: 2000 h\n", Declared);
        Assert.DoesNotContain(TinyStudy.Assess(text).Alternatives[0].Warnings, w => w.Code is "declared-one-basis" or "carbon-basis-mismatch");
        var error = TinyStudy.Error(Market(text), "carbon-basis-mismatch");
        Assert.Equal("stages.pre-training.footprint.gwp100.basis", error.Field);
        Assert.Contains("location-based", error.Message, StringComparison.Ordinal);
        // Reported on the figure's basis with a market row: the row counts the declared figure, and says so.
        var dual = TinyStudy.Assess(TinyStudy.With(Location, WithMarket, text));
        Assert.Contains(dual.Alternatives[0].Warnings, w => w.Code == "declared-one-basis" && w.Message.Contains("gwp100-market", StringComparison.Ordinal));
    }

    private static CompiledStudy Compile(string text) => StudyAssessor.Compile(text, TinyStudy.File, [], null).Alternatives[0];

    [Fact]
    public void Comparisons_refuse_different_bases_unless_told_why()
    {
        var location = Compile(TinyStudy.Text);
        var market = Compile(Market(TinyStudy.With(Location, Location + "    market_based:\n      gwp100: 0.5 kg CO2e/kWh\n")));
        var options = new MonteCarloOptions(10, 1, 1);
        var refused = Assert.Single(Assert.Throws<StudyException>(() => ComparisonAnalysis.Compare([("a", location), ("b", market)], options)).Problems);
        Assert.Equal("carbon-basis-mismatch", refused.Code);
        Assert.Contains("'a' reports carbon location-based, 'b' market-based", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--accept-different-carbon-bases", refused.Message, StringComparison.Ordinal);

        var accepted = ComparisonAnalysis.Compare([("a", location), ("b", market)], options, new ComparisonAcceptance(null, " the PPA is the decision "));
        Assert.Equal("the PPA is the decision", accepted.CarbonBasisReason);
        Assert.Equal("'a' reports carbon location-based, 'b' market-based", Assert.Single(accepted.CarbonBasisDifferences));
        Assert.Null(accepted.CarbonBasis);
        // Compared on the rows both have: 'b' alone shows gwp100-location. Both grids are 0.5, so the totals agree.
        Assert.Equal(["gwp100", "water"], accepted.Categories.Select(c => c.Id));
        Assert.Equal(["gwp100-location"], accepted.RowsNotCompared);
        Assert.Equal(accepted.Totals[0][0], accepted.Totals[1][0], 12);

        var same = ComparisonAnalysis.Compare([("a", location), ("b", location)], options);
        Assert.Equal("location-based", same.CarbonBasis);
        Assert.Equal("carbon-basis-accept-unneeded", Assert.Single(Assert.Throws<StudyException>(
            () => ComparisonAnalysis.Compare([("a", location), ("b", location)], options, new ComparisonAcceptance(null, "why not"))).Problems).Code);
        Assert.Equal("carbon-basis-accept-reason", Assert.Single(Assert.Throws<StudyException>(
            () => ComparisonAnalysis.Compare([("a", location), ("b", market)], options, new ComparisonAcceptance(null, "  "))).Problems).Code);
    }

    [Fact]
    public void A_market_study_with_a_fallback_grid_is_not_on_the_same_basis_as_one_without()
    {
        var fallback = Compile(Market(TinyStudy.Text));
        var market = Compile(Market(TinyStudy.With(Location, Location + "    market_based:\n      gwp100: 0.5 kg CO2e/kWh\n")));
        Assert.Equal("market-based (location-based for grid g)", CarbonBasisCheck.Of(fallback));
        Assert.Equal("market-based", CarbonBasisCheck.Of(market));
        var refused = Assert.Single(Assert.Throws<StudyException>(() => ComparisonAnalysis.Compare([("a", fallback), ("b", market)], new MonteCarloOptions(10, 1, 1))).Problems);
        Assert.Equal("carbon-basis-mismatch", refused.Code);
    }
}
