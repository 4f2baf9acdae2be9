using Cradle.Studies.Definition;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// An alternative can change what a declared energy covers, whether PUE applies to it, and the water formula, so one
/// study compares "as published" with "PUE included"; bad keys and values are errors at the alternative's key.
/// </summary>
public sealed class AlternativeConventionTests
{
    /// <summary>
    /// Morrison et al. 2025's inference, offline batching: 0.018 kWh of GPU energy for 2,400 requests = 7.5e-6 kWh per
    /// request, 0.0075 kWh per 1,000 requests; Austin Energy 0.332 kg CO2e/kWh, 1.49 L/kWh off site, PUE 1.2, WUE 0.
    /// </summary>
    private const string Morrison = """
        cradle: 1
        name: Morrison 2025 inference, two conventions
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1000 request
          description: 1,000 ShareGPT prompts answered by OLMo 2 7B
        system_boundary:
          included: [inference]
        impact_categories: [gwp100, water]
        grids:
          austin:
            basis: direct
            per_kwh:
              gwp100: 0.332 kg CO2e/kWh
        sites:
          jupiter:
            grid: austin
            pue: 1.2
            wue: 0 L/kWh
            offsite_water: 1.49 L/kWh
        inference:
          site: jupiter
          lifetime_requests: 1e9 request
          energy_per_request:
            value: 0.0000075 kWh/request
            boundary: node
            pue: ignore
        alternatives:
          as-published:
            description: Morrison's inference figures, PUE not applied
          pue-included:
            description: the same with facility overhead
            conventions:
              inference.energy_per_request.pue: apply
          li-water:
            description: carbon as published, water as Li et al. 2023 count it
            conventions:
              water: li-2023
        """;

    [Fact]
    public void One_study_gives_the_published_figures_and_the_figures_with_PUE()
    {
        var assessment = TinyStudy.Assess(Morrison);
        Assert.Equal(["as-published", "pue-included", "li-water"], assessment.Alternatives.Select(a => a.Alternative));
        // As published: 0.0075 kWh × 0.332 = 0.002490 kg CO2e; water 0.0075 × 1.49 = 0.011175 L.
        Assert.Equal(0.00249, TinyStudy.Total(assessment, "gwp100", 0), 12);
        Assert.Equal(0.011175, TinyStudy.Total(assessment, "water", 0), 12);
        // PUE included: 0.0075 × 1.2 × 0.332 = 0.002988 kg CO2e; water on the grid electricity 0.009 × 1.49 = 0.01341 L.
        Assert.Equal(0.002988, TinyStudy.Total(assessment, "gwp100", 1), 12);
        Assert.Equal(0.01341, TinyStudy.Total(assessment, "water", 1), 12);
        // Li et al.'s water (IT × PUE × factor) with the carbon as published: 0.002490 kg and 0.0075 × 1.2 × 1.49 = 0.01341 L.
        Assert.Equal(0.00249, TinyStudy.Total(assessment, "gwp100", 2), 12);
        Assert.Equal(0.01341, TinyStudy.Total(assessment, "water", 2), 12);
        // Each alternative's conventions rows say what it counted.
        Assert.False(assessment.Alternatives[0].Conventions.Single().PueApplied);
        Assert.True(assessment.Alternatives[1].Conventions.Single().PueApplied);
        Assert.Contains("site PUE applied", assessment.Alternatives[1].Conventions.Single().Describe(), StringComparison.Ordinal);
        Assert.Contains("water (li-2023)", assessment.Alternatives[2].Conventions.Single().Describe(), StringComparison.Ordinal);
        Assert.Contains("water (grid-electricity)", assessment.Alternatives[0].Conventions.Single().Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_mapping_reads_as_dotted_keys_and_a_boundary_can_change()
    {
        // Tiny study, pre-training 1,000 kWh declared as facility energy in this alternative: 1,000 × 0.5 = 500 kg, not 750.
        var text = TinyStudy.Text + """

            alternatives:
              facility:
                conventions:
                  stages:
                    pre-training:
                      energy: {boundary: facility}
            """;
        var a = TinyStudy.Assess(text).Alternatives.Single();
        Assert.Equal(EnergyBoundary.Facility, a.Conventions.Single(c => c.Scope == "pre-training").Boundary);
        const double embodied = 1.0 / 3600 * 100 / 8760;
        Assert.Equal(0.0015 + embodied + ((500 + (2000 * 100.0 / 8760)) / 1e6), TinyStudy.Total(TinyStudy.Assess(text), "gwp100"), 12);
    }

    [Fact]
    public void An_alternative_can_change_one_basis_of_the_studys_water_formula()
    {
        // Serving PUE ignored, study-wide li-2023: serving water 0.002 × 0.25 + 0.002 × 1.5 × 2 = 0.0065 L; with the
        // off-site basis back on grid electricity, 0.002 × 0.25 + 0.002 × 2 = 0.0045 L. Training (PUE applied) 0.00325 L
        // either way; embodied water 50 L per GPU as in WaterConventionTests.
        var text = TinyStudy.With("  energy_per_request: 0.002 kWh/request", "  energy_per_request:\n    value: 0.002 kWh/request\n    pue: ignore")
            .Replace("impact_categories:", "water_convention: li-2023\nimpact_categories:", StringComparison.Ordinal) + """

            alternatives:
              as-written: {description: li-2023}
              grid-water:
                conventions:
                  water.offsite: grid-electricity
            """;
        const double embodied = (50.0 / 8760 / 3600) + (2000 * 50.0 / 8760 / 1e6);
        var assessment = TinyStudy.Assess(text);
        Assert.Equal(0.0065 + 0.00325 + embodied, TinyStudy.Total(assessment, "water", 0), 12);
        Assert.Equal(0.0045 + 0.00325 + embodied, TinyStudy.Total(assessment, "water", 1), 12);
        Assert.Contains("water (stated bases): IT energy × WUE on site + grid electricity", assessment.Alternatives[1].Conventions[0].Describe(), StringComparison.Ordinal);
    }

    private static string WithAlternative(string conventions) => TinyStudy.Text + $"""

        alternatives:
          base: {"{"}description: as written{"}"}
          changed:
            conventions:
              {conventions}
        """;

    [Fact]
    public void An_unknown_key_names_the_closest_conventions_at_the_key()
    {
        var text = WithAlternative("stages.pre-trainig.energy.pue: ignore");
        var error = TinyStudy.Error(text, "unknown-convention");
        Assert.Equal("alternatives.changed.conventions.stages.pre-trainig.energy.pue", error.Field);
        Assert.Contains("alternative 'changed'", error.Message, StringComparison.Ordinal);
        Assert.Contains("stages.pre-training.energy.pue", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "stages.pre-trainig").Line, error.Location!.Line);
    }

    [Theory]
    [InlineData("inference.energy_per_request.pue: always", "apply, ignore")]
    [InlineData("stages.pre-training.energy.boundary: gpus", "gpu")]
    [InlineData("water: li", "li-2023")]
    [InlineData("water.offsite: it-energy", "it-energy-times-pue")]
    public void An_unknown_value_is_an_error_with_the_choices(string setting, string named)
    {
        var error = TinyStudy.Error(WithAlternative(setting), "unknown-choice");
        Assert.StartsWith("alternatives.changed.conventions.", error.Field, StringComparison.Ordinal);
        Assert.Contains("alternative 'changed'", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pue_applied_to_facility_energy_is_refused_at_the_alternatives_key()
    {
        var text = WithAlternative("stages.pre-training.energy: {boundary: facility, pue: apply}");
        var error = TinyStudy.Error(text, "pue-twice");
        Assert.Equal("alternatives.changed.conventions.stages.pre-training.energy.pue", error.Field);
        Assert.Contains("alternative 'changed'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Making_an_energy_the_study_applies_PUE_to_facility_energy_asks_to_ignore_PUE()
    {
        var study = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      pue: apply");
        var text = study + """

            alternatives:
              changed:
                conventions:
                  stages.pre-training.energy.boundary: facility
            """;
        var error = TinyStudy.Error(text, "pue-twice");
        Assert.Equal("alternatives.changed.conventions.stages.pre-training.energy.boundary", error.Field);
        Assert.Contains("stages.pre-training.energy.pue: ignore", error.Message, StringComparison.Ordinal);
        // Saying so makes it valid: 1,000 kWh facility energy, 500 kg.
        var fixedText = text + "\n      stages.pre-training.energy.pue: ignore\n";
        Assert.Equal(EnergyBoundary.Facility, TinyStudy.Assess(fixedText).Alternatives[0].Conventions.Single(c => c.Scope == "pre-training").Boundary);
    }

    [Fact]
    public void A_share_of_stage_points_to_the_stage_it_shares()
    {
        var study = TinyStudy.Text.Replace("inference:\n", "  experimentation:\n    share_of: pre-training\n    share: 0.5\ninference:\n", StringComparison.Ordinal)
            .Replace("included: [pre-training,", "included: [experimentation, pre-training,", StringComparison.Ordinal);
        var text = study + """

            alternatives:
              changed:
                conventions:
                  stages.experimentation.energy.pue: ignore
            """;
        var error = TinyStudy.Error(text, "unknown-convention");
        Assert.Contains("stages.pre-training.energy", error.Message, StringComparison.Ordinal);
    }
}
