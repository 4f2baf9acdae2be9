using Cradle.Studies.Definition;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// Each water formula on the tiny study, computed by hand. The tiny study: grid 2 L/kWh off site, site PUE 1.5 and
/// WUE 0.25 L/kWh, pre-training 1,000 kWh of node energy (PUE applied), serving 0.002 kWh per request; here serving's
/// PUE is ignored, so that grid electricity (0.002 kWh) and IT energy × PUE (0.003 kWh) differ.
/// </summary>
public sealed class WaterConventionTests
{
    /// <summary>Embodied water per request: 50 L per GPU, 1 ÷ (2 year × 0.5) of it per device-hour; 1 s per request, 2,000 h per 10⁶ requests.</summary>
    private const double Embodied = (50.0 / 8760 / 3600) + (2000 * 50.0 / 8760 / 1e6);

    private static readonly string PueIgnored = TinyStudy.With("  energy_per_request: 0.002 kWh/request",
        "  energy_per_request:\n    value: 0.002 kWh/request\n    pue: ignore");

    private static string WithConvention(string convention, string text) =>
        text.Replace("impact_categories:", $"water_convention: {convention}\nimpact_categories:", StringComparison.Ordinal);

    private static double Water(string text) => TinyStudy.Total(TinyStudy.Assess(text), "water");

    [Fact]
    public void The_default_counts_on_site_water_on_IT_energy_and_off_site_water_on_grid_electricity()
    {
        // Serving: 0.002 × 0.25 + 0.002 (no PUE) × 2 = 0.0005 + 0.004 = 0.0045 L.
        // Training: (1,000 × 0.25 + 1,000 × 1.5 × 2) ÷ 10⁶ = 3,250 ÷ 10⁶ = 0.00325 L.
        const double expected = 0.0045 + 0.00325 + Embodied;
        Assert.Equal(expected, Water(PueIgnored), 12);
        Assert.Equal(expected, Water(WithConvention("grid-electricity", PueIgnored)), 12);
        Assert.Equal(expected, Water(WithConvention("morrison-2025", PueIgnored)), 12);
    }

    [Theory]
    [InlineData("li-2023")]
    [InlineData("ecologits")]
    [InlineData("{onsite: it-energy, offsite: it-energy-times-pue}")]
    public void Li_and_EcoLogits_count_off_site_water_on_IT_energy_times_PUE(string convention)
    {
        // Serving: 0.002 × 0.25 + 0.002 × 1.5 × 2 = 0.0005 + 0.006 = 0.0065 L (PUE in the water, not in the carbon).
        // Training: unchanged, as PUE is applied to it: 0.00325 L.
        Assert.Equal(0.0065 + 0.00325 + Embodied, Water(WithConvention(convention, PueIgnored)), 12);
    }

    [Fact]
    public void Off_site_water_stays_with_the_electricity_where_it_is_consumed()
    {
        // li-2023, serving PUE not applied: the electricity process carries 0.002 kWh × (1.5 × 2 L/kWh) = 0.006 L,
        // the IT-energy process the on-site 0.002 × 0.25 = 0.0005 L.
        var a = TinyStudy.Assess(WithConvention("li-2023", PueIgnored)).Alternatives[0];
        var water = a.Categories.Select(c => c.Id).ToList().IndexOf("water");
        Assert.Equal(0.006, a.AllProcesses.Single(p => p.ProcessId == "electricity@inference").Values[water], 12);
        Assert.Equal(0.0005, a.AllProcesses.Single(p => p.ProcessId == "it-energy@inference").Values[water], 12);
    }

    [Fact]
    public void On_site_water_on_facility_energy_multiplies_WUE_by_PUE()
    {
        // Serving: 0.002 × 1.5 × 0.25 + 0.002 × 2 = 0.00075 + 0.004 = 0.00475 L.
        // Training: (1,000 × 1.5 × 0.25 + 1,000 × 1.5 × 2) ÷ 10⁶ = 3,375 ÷ 10⁶ = 0.003375 L.
        var text = WithConvention("{onsite: facility-energy, offsite: grid-electricity}", PueIgnored);
        Assert.Equal(0.00475 + 0.003375 + Embodied, Water(text), 12);
    }

    [Fact]
    public void Both_bases_on_facility_energy()
    {
        // Serving: 0.002 × 1.5 × 0.25 + 0.002 × 1.5 × 2 = 0.00075 + 0.006 = 0.00675 L; training 0.003375 L as above.
        var text = WithConvention("{onsite: facility-energy, offsite: it-energy-times-pue}", PueIgnored);
        Assert.Equal(0.00675 + 0.003375 + Embodied, Water(text), 12);
    }

    [Fact]
    public void For_facility_energy_IT_energy_times_PUE_is_the_declared_energy()
    {
        // Training declared as 1,000 kWh of facility energy: IT = 1,000 ÷ 1.5 = 666.67 kWh, grid electricity 1,000 kWh.
        // Default and li-2023 agree off site: 666.67 × 0.25 + 1,000 × 2 = 2,166.67 L; on facility energy: 250 + 2,000 = 2,250 L.
        var facility = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      boundary: facility", PueIgnored);
        var both = 0.0045 + Embodied;
        var li = 0.0065 + Embodied;
        Assert.Equal(both + ((1000 / 1.5 * 0.25) + 2000) / 1e6, Water(facility), 12);
        Assert.Equal(li + ((1000 / 1.5 * 0.25) + 2000) / 1e6, Water(WithConvention("li-2023", facility)), 12);
        Assert.Equal(0.00475 + Embodied + 2250 / 1e6, Water(WithConvention("{onsite: facility-energy, offsite: grid-electricity}", facility)), 12);
    }

    [Fact]
    public void The_conventions_rows_name_the_formula()
    {
        var conventions = TinyStudy.Assess(WithConvention("li-2023", PueIgnored)).Alternatives[0].Conventions;
        var inference = conventions.Single(c => c.Scope == "inference");
        Assert.Equal("li-2023", inference.Water?.Name);
        Assert.Contains("water (li-2023): IT energy × WUE on site + IT energy × PUE × the off-site water factor from grid g", inference.Describe(), StringComparison.Ordinal);
        var stated = TinyStudy.Assess(WithConvention("{onsite: facility-energy, offsite: grid-electricity}", PueIgnored)).Alternatives[0].Conventions[0];
        Assert.Contains("water (stated bases): IT energy × PUE × WUE on site + grid electricity × the off-site water factor", stated.Describe(), StringComparison.Ordinal);
        var byDefault = TinyStudy.Assess().Alternatives[0].Conventions[0];
        Assert.Equal(WaterConvention.DefaultName, byDefault.Water?.Name);
        Assert.Contains("water (grid-electricity): IT energy × WUE on site + grid electricity × the off-site water factor from grid g", byDefault.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_water_assessed_no_formula_is_shown()
    {
        var text = TinyStudy.With("impact_categories: [gwp100, water]", "impact_categories: [gwp100]");
        var convention = TinyStudy.Assess(text).Alternatives[0].Conventions[0];
        Assert.Null(convention.Water);
        Assert.DoesNotContain("water", convention.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_convention_name_is_an_error_with_the_closest_name()
    {
        var error = TinyStudy.Error(WithConvention("li2023", TinyStudy.Text), "unknown-choice");
        Assert.Equal("water_convention", error.Field);
        Assert.Contains("li-2023", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stated_pair_needs_both_bases_and_known_words()
    {
        var missing = TinyStudy.Error(WithConvention("{onsite: it-energy}", TinyStudy.Text), "missing-field");
        Assert.Equal("water_convention.offsite", missing.Field);
        var wrong = TinyStudy.Error(WithConvention("{onsite: it-energy, offsite: grid}", TinyStudy.Text), "unknown-choice");
        Assert.Equal("water_convention.offsite", wrong.Field);
        Assert.Contains("grid-electricity", wrong.Message, StringComparison.Ordinal);
    }
}
