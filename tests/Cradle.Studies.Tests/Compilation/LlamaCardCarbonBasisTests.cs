using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// A published card re-done on both bases: Meta's Llama 3.2 model card (github.com/meta-llama/llama-models,
/// models/llama3_2/MODEL_CARD.md, "Training Greenhouse Gas Emissions") gives Llama 3.2 1B 370k H100-hours at 700 W
/// ("peak power capacity per GPU device used, adjusted for power usage efficiency"), 107 t CO2e location-based and
/// 0 t market-based, since Meta "matched 100% of its electricity use with renewable energy".
/// </summary>
/// <remarks>
/// Energy: 370,000 h × 0.7 kW = 259,000 kWh at the facility (PUE already in the 700 W). The card gives no grid factor;
/// the one it implies is 107 t ÷ 259,000 kWh = 0.413127… kg CO2e/kWh, stated here as an expression so the
/// location-based total is 107 t exactly; the market-based factor is the card's 0 (all matched). So, per model:
/// location-based 107,000 kg CO2e, market-based 0 kg, and each study shows the other basis as its second row.
/// </remarks>
public sealed class LlamaCardCarbonBasisTests
{
    private static string Study(string basis) => $$"""
        cradle: 1
        name: Llama 3.2 1B training, as its model card reports it
        goal:
          application: re-do a model card's training emissions on both Scope 2 bases
          audience: tests
          carbon_basis: {{basis}}
        functional_unit:
          amount: 1 model
          description: Llama 3.2 1B, pre-trained
        system_boundary:
          included: [pre-training]
          excluded:
            hardware-manufacture: the card reports operational emissions only
        impact_categories: [gwp100]
        parameters:
          gpu_hours: 370000 h
          gpu_power: 700 W
          location_emissions: 107 t CO2e
        grids:
          meta-us:
            basis: direct
            source: implied by the Llama 3.2 model card (107 t CO2e over 370k H100-hours at 700 W)
            per_kwh:
              gwp100: "location_emissions / (gpu_hours * gpu_power)"
            market_based: {gwp100: 0 kg CO2e/kWh, source: "Llama 3.2 model card: 100 % of electricity matched with renewable energy"}
        sites:
          meta-dc:
            grid: meta-us
            pue: 1.1
            wue: 0 L/kWh
        stages:
          pre-training:
            site: meta-dc
            energy:
              value: gpu_hours * gpu_power
              boundary: facility
              source: Llama 3.2 model card, 1B row
        """;

    [Fact]
    public void The_location_based_study_gives_107_t_and_shows_the_market_based_0_t()
    {
        var assessed = TinyStudy.Assess(Study("location-based"));
        Assert.Equal(["gwp100", "gwp100-market"], assessed.Alternatives[0].Categories.Select(c => c.Id));
        Assert.Equal(107_000, TinyStudy.Total(assessed, "gwp100"), 6);
        Assert.Equal(0, TinyStudy.Total(assessed, "gwp100-market"), 6);
    }

    [Fact]
    public void The_market_based_study_gives_0_t_and_shows_the_location_based_107_t()
    {
        var assessed = TinyStudy.Assess(Study("market-based"));
        Assert.Equal(["gwp100", "gwp100-location"], assessed.Alternatives[0].Categories.Select(c => c.Id));
        Assert.Equal(0, TinyStudy.Total(assessed, "gwp100"), 6);
        Assert.Equal(107_000, TinyStudy.Total(assessed, "gwp100-location"), 6);
        Assert.DoesNotContain(assessed.Alternatives[0].Warnings, w => w.Code is "market-based-fallback" or "other-basis-missing");
    }
}
