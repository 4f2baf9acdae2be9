using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>Assessments characterise with the catalog's methods: grid pollutants count through TRACI 2.1's factors.</summary>
public sealed class CharacterisationTests
{
    private static string WithPollutants(string categories) => TinyStudy.With("impact_categories: [gwp100, water]", $"impact_categories: [{categories}]")
        .Replace("      water: 2 L/kWh\n", "      water: 2 L/kWh\n    emissions:\n      so2: 0.5 g/kWh\n      nox: 1 g/kWh\n", StringComparison.Ordinal);

    [Fact]
    public void Grid_so2_and_nox_are_characterised_by_traci_acidification()
    {
        // Per request: grid electricity = (0.002 kWh serving + 1,000 kWh ÷ 10⁶ training) × PUE 1.5 = 0.0045 kWh.
        // Acidification (TRACI 2.1): SO2 1.0, NOx 0.7 kg SO2 eq/kg ⇒ 0.5e-3 × 1.0 + 1e-3 × 0.7 = 1.2e-3 kg SO2 eq per kWh.
        // Total 0.0045 × 1.2e-3 = 5.4e-6 kg SO2 eq (the hardware has no acidification figure: warned, not counted).
        var a = TinyStudy.Assess(WithPollutants("gwp100, acidification")).Alternatives[0];
        Assert.Equal(["gwp100", "acidification"], a.Categories.Select(c => c.Id));
        Assert.Equal("kg SO2 eq", a.Categories[1].Unit);
        Assert.Equal(5.4e-6, a.Totals[1], 15);
        Assert.Contains(a.Warnings, w => w.Code == "missing-indicator-data" && w.Message.Contains("acidification", StringComparison.Ordinal));
    }

    [Fact]
    public void No_warning_says_a_category_is_not_counted_when_the_grid_pollutants_count_it()
    {
        // The grid gives so2 and nox, which acidification characterises: its electricity is counted (5.4e-6 above), so a
        // "no 'acidification' figure for this grid … not counted" warning would be false. The hardware's warning stays.
        var a = TinyStudy.Assess(WithPollutants("gwp100, acidification")).Alternatives[0];
        Assert.DoesNotContain(a.Warnings, w => w.Field.StartsWith("grids.", StringComparison.Ordinal));
        Assert.Contains(a.Warnings, w => w.Code == "missing-indicator-data" && w.Field.StartsWith("devices.", StringComparison.Ordinal));

        // Ozone depletion characterises neither so2 nor nox: the grid's warning is right there.
        var ozone = TinyStudy.Assess(WithPollutants("gwp100, ozone-depletion")).Alternatives[0];
        Assert.Contains(ozone.Warnings, w => w.Field == "grids.g.per_kwh" && w.Message.Contains("no 'ozone-depletion' figure for this grid", StringComparison.Ordinal));
    }

    [Fact]
    public void Respiratory_effects_count_nox_and_so2_as_precursors_but_not_the_gwp()
    {
        var a = TinyStudy.Assess(WithPollutants("gwp100, respiratory-effects")).Alternatives[0];
        Assert.True(a.Totals[1] > 0);
        // Pollutants do not touch climate change: the gwp100 total is the same as without them.
        Assert.Equal(TinyStudy.Assess().Alternatives[0].Totals[0], a.Totals[0], 15);
    }

    [Fact]
    public void An_unknown_pollutant_is_refused_and_greenhouse_gases_are_sent_to_gwp100()
    {
        var text = WithPollutants("gwp100").Replace("      so2: 0.5 g/kWh", "      ch4: 0.5 g/kWh", StringComparison.Ordinal);
        var error = TinyStudy.Error(text, "unknown-pollutant");
        Assert.Contains("greenhouse gases belong in gwp100", error.Message, StringComparison.Ordinal);
    }
}
