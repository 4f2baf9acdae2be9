using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// Declared footprints (a stage's reported figure standing in for activity data), hardware time without energy, and
/// serving without hardware. The tiny study's site: grid 0.5 kg CO2e/kWh and 2 L/kWh, PUE 1.5, WUE 0.25 L/kWh; the GPU:
/// 100 kg CO2e and 50 L embodied over 2 years × 0.5 utilisation = 8,760 busy hours.
/// </summary>
public sealed class DeclaredFootprintTests
{
    /// <summary>Pre-training declared (420 t CO2e, nothing else known), serving 0.002 kWh/request without hardware, FU 1,000 requests.</summary>
    private static readonly string Declared = TinyStudy.With("included: [pre-training, inference, hardware-manufacture]", "included: [pre-training, inference]\n  excluded:\n    hardware-manufacture: not known for this model")
        .Replace("  amount: 1 request", "  amount: 1000 request", StringComparison.Ordinal)
        .Replace("    hardware: fleet\n    site: s\n    energy: 1000 kWh\n    device_time: 2000 h\n",
            "    footprint:\n      gwp100: { value: 420 t CO2e, source: developer's model card, basis: location-based }\n", StringComparison.Ordinal)
        .Replace("  hardware: fleet\n  site: s\n  lifetime_requests: 1e6 request", "  site: s\n  lifetime_requests: 1e9 request", StringComparison.Ordinal)
        .Replace("  device_time_per_request: 1 s/request\n", "", StringComparison.Ordinal);

    [Fact]
    public void A_declared_training_footprint_is_amortised_over_the_lifetime_requests()
    {
        // 420 t CO2e = 420,000 kg over 1e9 requests = 4.2e-4 kg per request; × 1,000 requests per FU = 0.42 kg CO2e.
        // Serving: 0.002 kWh × PUE 1.5 × 0.5 kg/kWh = 0.0015 kg per request; × 1,000 = 1.5 kg. Total 1.92 kg.
        Assert.Contains("footprint", Declared, StringComparison.Ordinal);
        var a = TinyStudy.Assess(Declared).Alternatives[0];
        var gwp = a.Categories.Select(c => c.Id).ToList().IndexOf("gwp100");
        Assert.Equal(0.42, a.Stages.Single(s => s.Stage == "pre-training").Values[gwp], 12);
        Assert.Equal(1.92, TinyStudy.Total(TinyStudy.Assess(Declared), "gwp100"), 12);
        var input = a.Inputs.Single(i => i.Name == "stages.pre_training.footprint.gwp100");
        Assert.Equal("declared", input.Origin);
    }

    [Fact]
    public void A_category_the_declaration_does_not_give_is_not_covered_for_that_stage_not_zero()
    {
        // Water is assessed; the declaration gives gwp100 only. Water counts serving alone:
        // 0.002 kWh × (WUE 0.25 + PUE 1.5 × 2 L/kWh) = 0.0065 L per request; × 1,000 = 6.5 L, with pre-training not covered.
        var assessment = TinyStudy.Assess(Declared);
        var a = assessment.Alternatives[0];
        var gap = Assert.Single(a.NotCovered, c => c.Stage is not null);
        Assert.Equal(("water", "pre-training"), (gap.Id, gap.Stage));
        Assert.Contains("gwp100", gap.Reason, StringComparison.Ordinal);
        Assert.Contains(a.Warnings, w => w.Code == "missing-indicator-data" && w.Field == "stages.pre-training.footprint");
        var water = a.Categories.Single(c => c.Id == "water");
        var litres = TinyStudy.Total(assessment, "water") * (water.Unit == "m3" ? 1000 : 1);
        Assert.Equal(6.5, litres, 9);
    }

    [Fact]
    public void Repeats_multiply_a_declared_footprint_and_the_gap_names_the_stage_by_kind_and_id()
    {
        // 3 runs × 420 t CO2e = 1,260,000 kg over 1e9 requests × 1,000 per FU = 1.26 kg CO2e.
        var text = Declared.Replace("  pre-training:\n    footprint:", "  final-run:\n    kind: pre-training\n    repeats: 3\n    footprint:", StringComparison.Ordinal);
        var a = TinyStudy.Assess(text).Alternatives[0];
        Assert.Equal(1.26, a.Stages.Single(s => s.Stage == "pre-training").Values[0], 12);
        var gap = Assert.Single(a.NotCovered, c => c.Stage is not null);
        Assert.Equal("pre-training", gap.Stage);
        Assert.Contains("'final-run'", gap.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hardware_time_without_energy_counts_the_embodied_share_only()
    {
        // 2,000 GPU-hours × 100 kg CO2e ÷ 8,760 h = 22.831… kg CO2e; no electricity, so nothing else. FU: one model.
        var text = TinyStudy.With("    site: s\n    energy: 1000 kWh\n", "").Replace("  amount: 1 request", "  amount: 1 model", StringComparison.Ordinal);
        var assessment = TinyStudy.Assess(text);
        Assert.Equal(2000 * 100.0 / 8760, TinyStudy.Total(assessment, "gwp100"), 9);
        Assert.Contains(assessment.Alternatives[0].Warnings, w => w.Code == "missing-energy");
    }

    [Fact]
    public void Hardware_time_without_energy_outside_the_manufacture_boundary_is_warned_as_counting_nothing()
    {
        var text = TinyStudy.With("    site: s\n    energy: 1000 kWh\n", "")
            .Replace("included: [pre-training, inference, hardware-manufacture]", "included: [pre-training, inference]\n  excluded:\n    hardware-manufacture: not assessed", StringComparison.Ordinal);
        var warning = Assert.Single(TinyStudy.Assess(text).Alternatives[0].Warnings, w => w.Code == "missing-energy");
        Assert.Contains("counts nothing", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_footprint_with_hardware_time_adds_the_embodied_share()
    {
        // 420 t CO2e declared + 2,000 GPU-hours × 100 kg ÷ 8,760 h embodied; FU one model.
        var text = TinyStudy.With("    site: s\n    energy: 1000 kWh\n", "    footprint:\n      gwp100: 420 t CO2e\n      water: 1000 L\n")
            .Replace("  amount: 1 request", "  amount: 1 model", StringComparison.Ordinal);
        var assessment = TinyStudy.Assess(text);
        Assert.Equal(420_000 + (2000 * 100.0 / 8760), TinyStudy.Total(assessment, "gwp100"), 6);
        Assert.DoesNotContain(assessment.Alternatives[0].NotCovered, c => c.Stage is not null);
        Assert.DoesNotContain(assessment.Alternatives[0].Warnings, w => w.Code == "missing-energy");
    }

    [Fact]
    public void An_inference_only_study_needs_no_hardware_when_manufacture_is_excluded()
    {
        // 0.002 kWh × 1.5 × 0.5 kg/kWh = 0.0015 kg CO2e per request; no stages, no hardware.
        var text = TinyStudy.With("included: [pre-training, inference, hardware-manufacture]", "included: [inference]\n  excluded:\n    hardware-manufacture: serving hardware not known")
            .Replace("stages:\n  pre-training:\n    hardware: fleet\n    site: s\n    energy: 1000 kWh\n    device_time: 2000 h\n", "", StringComparison.Ordinal)
            .Replace("  hardware: fleet\n  site: s\n", "  site: s\n", StringComparison.Ordinal)
            .Replace("  device_time_per_request: 1 s/request\n", "", StringComparison.Ordinal);
        Assert.DoesNotContain("stages:", text, StringComparison.Ordinal);
        Assert.Equal(0.0015, TinyStudy.Total(TinyStudy.Assess(text), "gwp100"), 12);
    }

    [Fact]
    public void Serving_without_hardware_is_refused_when_manufacture_is_in_the_boundary()
    {
        var text = TinyStudy.With("  hardware: fleet\n  site: s\n", "  site: s\n").Replace("  device_time_per_request: 1 s/request\n", "", StringComparison.Ordinal);
        var error = TinyStudy.Error(text, "missing-field");
        Assert.Equal("inference.hardware", error.Field);
    }

    [Fact]
    public void An_unknown_category_is_an_error_at_its_key_with_the_closest_name()
    {
        var text = Declared.Replace("      gwp100: {", "      gwp10: {", StringComparison.Ordinal);
        var error = TinyStudy.Error(text, "unknown-indicator");
        Assert.Equal(TinyStudy.Find(text, "gwp10:"), (error.Location!.Line, error.Location.Column));
        Assert.Contains("gwp100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_that_does_not_match_the_category_is_an_error_at_the_value()
    {
        var text = Declared.Replace("420 t CO2e", "420 MWh", StringComparison.Ordinal);
        var error = TinyStudy.Error(text, "unit-mismatch");
        Assert.Equal(TinyStudy.Find(text, "420 MWh"), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void A_footprint_and_an_energy_on_one_stage_are_refused()
    {
        var text = TinyStudy.With("    energy: 1000 kWh\n", "    energy: 1000 kWh\n    footprint:\n      gwp100: 420 t CO2e\n");
        Assert.NotNull(TinyStudy.Error(text, "footprint-with-energy"));
    }

    [Fact]
    public void An_unknown_basis_is_refused()
    {
        var text = Declared.Replace("basis: location-based", "basis: locaton-based", StringComparison.Ordinal);
        Assert.NotEmpty(TinyStudy.Errors(text));
    }
}
