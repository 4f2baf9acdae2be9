using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>Inputs that once crashed, were ignored, or were misread: each now gets a clear answer.</summary>
public sealed class EdgeCaseTests
{
    [Fact]
    public void A_utilisation_in_percent_is_checked_as_a_share()
    {
        var a = TinyStudy.Assess(TinyStudy.With("utilisation: 0.5", "utilisation: 50 %")).Alternatives[0];
        Assert.Equal(TinyStudy.Assess().Alternatives[0].Totals[0], a.Totals[0], 15);
    }

    [Fact]
    public void A_pue_below_one_written_in_percent_is_refused()
    {
        var error = TinyStudy.Error(TinyStudy.With("pue: 1.5", "pue: 80 %"), "out-of-range");
        Assert.Equal("sites.s.pue", error.Field);
    }

    [Fact]
    public void Excluding_inference_while_describing_serving_is_an_error()
    {
        var text = TinyStudy.With("  included: [pre-training, inference, hardware-manufacture]",
            "  included: [pre-training, hardware-manufacture]\n  excluded:\n    inference: not assessed");
        Assert.Contains(TinyStudy.Errors(text), e => e.Code == "stage-excluded" && e.Field == "inference");
    }

    [Fact]
    public void End_of_life_without_hardware_manufacture_is_a_boundary_conflict()
    {
        var text = TinyStudy.With("      water: 50 L\n", "      water: 50 L\n    end_of_life:\n      gwp100: 2 kg CO2e\n")
            .Replace("included: [pre-training, inference, hardware-manufacture]", "included: [pre-training, inference, end-of-life]\n  excluded:\n    hardware-manufacture: out of scope", StringComparison.Ordinal);
        Assert.Contains(TinyStudy.Errors(text), e => e.Code == "boundary-conflict" && e.Message.Contains("end-of-life", StringComparison.Ordinal));
    }

    [Fact]
    public void End_of_life_is_counted_once_per_device_with_manufacture()
    {
        // 2 kg CO2e per device at end of life, time-shared like manufacture: per request (1/3600 h) × 2 / 8,760 h.
        var text = TinyStudy.With("      water: 50 L\n", "      water: 50 L\n    end_of_life:\n      gwp100: 2 kg CO2e\n")
            .Replace("included: [pre-training, inference, hardware-manufacture]", "included: [pre-training, inference, hardware-manufacture, end-of-life]", StringComparison.Ordinal);
        var a = TinyStudy.Assess(text).Alternatives[0];
        var endOfLife = a.Stages.Single(s => s.Stage == "end-of-life").Values[0];
        var expected = ((1.0 / 3600) + (2000 / 1e6)) * 2 / 8760; // serving share + training share amortised over 10⁶ requests
        Assert.Equal(expected, endOfLife, 15);
    }

    [Fact]
    public void An_id_with_a_space_is_a_study_error_not_a_crash()
    {
        var error = TinyStudy.Error(TinyStudy.With("  s:\n    grid: g", "  my site:\n    grid: g"), "invalid-id");
        Assert.Equal("sites.my site", error.Field);
    }

    [Fact]
    public void A_stage_cannot_take_the_id_of_the_serving_stage()
    {
        var text = TinyStudy.With("    device_time: 2000 h\n", "    device_time: 2000 h\n  inference:\n    kind: evaluation\n    site: s\n    energy: 1 kWh\n");
        Assert.Contains(TinyStudy.Errors(text), e => e.Code == "reserved-id");
    }

    [Fact]
    public void A_user_parameter_whose_name_ends_like_a_rule_is_not_range_checked()
    {
        // "saving.energy" is the study's own free-form parameter (a saving may be negative), not an energy input of a stage.
        var text = TinyStudy.Text + "\nparameters:\n  saving.energy:\n    value: -5 kWh\n";
        Assert.NotEmpty(TinyStudy.Assess(text).Alternatives);

        // The same value where the study means an energy is still refused.
        var error = TinyStudy.Error(TinyStudy.With("energy: 1000 kWh", "energy: -5 kWh"), "out-of-range");
        Assert.Equal("stages.pre-training.energy", error.Field);
    }

    [Fact]
    public void An_infinite_value_is_out_of_range()
    {
        var error = TinyStudy.Error(TinyStudy.With("energy: 1000 kWh", "energy: 1e999 kWh"), "out-of-range");
        Assert.Contains("not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_token_energy_with_node_power_is_not_warned_as_gpu_only()
    {
        var text = TinyStudy.With("  energy_per_request: 0.002 kWh/request",
                "  energy_per_token:\n    value: 2e-6 kWh/token\n    boundary: gpu\n  output_tokens: 1000 token/request")
            .Replace("    utilisation: 0.5", "    utilisation: 0.5\n    node:\n      power: 200 W", StringComparison.Ordinal);
        var a = TinyStudy.Assess(text).Alternatives[0];
        Assert.DoesNotContain(a.Warnings, w => w.Code == "gpu-only-energy" && w.Field.StartsWith("inference", StringComparison.Ordinal));
        // 1000 × 2e-6 = 0.002 kWh, plus 1 s × 200 W ÷ 4 GPUs = 0.0000138889 kWh of node energy, × PUE 1.5 × 0.5 kg/kWh.
        Assert.Equal((0.002 + (200.0 / 4 / 3600 / 1000)) * 0.75, a.EquationOne!.MarginalInference[0], 12);
    }

    [Fact]
    public void Per_token_energy_cannot_be_modelled_from_average_power()
    {
        var text = TinyStudy.With("  energy_per_request: 0.002 kWh/request",
            "  energy_per_token:\n    average_power: 300 W\n  output_tokens: 1000 token/request");
        Assert.Contains(TinyStudy.Errors(text), e => e.Code == "energy-form");
    }

    [Fact]
    public void A_share_of_another_stage_can_run_on_its_own_hardware()
    {
        // Experimentation on hardware whose lifespan is 4 years (not 2): its embodied share per GPU-hour halves.
        var text = TinyStudy.With("included: [pre-training,", "included: [experimentation, pre-training,")
            .Replace("hardware:\n  fleet:", "hardware:\n  old:\n    device: gpu\n    lifespan: 4 year\n    utilisation: 0.5\n  fleet:", StringComparison.Ordinal)
            .Replace("    device_time: 2000 h\n", "    device_time: 2000 h\n  experimentation:\n    share_of: pre-training\n    share: 0.5\n    hardware: old\n", StringComparison.Ordinal);
        var a = TinyStudy.Assess(text).Alternatives[0];
        var experimentationEmbodied = a.Processes.Single(p => p.ProcessId == "manufacture@experimentation").Values[0];
        Assert.Equal(0.5 * 2000 * 100 / (2 * 8760.0) / 1e6, experimentationEmbodied, 15);
    }

    [Fact]
    public void A_share_without_the_stage_it_is_a_share_of_is_an_error()
    {
        var text = TinyStudy.With("    device_time: 2000 h\n", "    device_time: 2000 h\n    share: 0.5\n");
        Assert.Contains(TinyStudy.Errors(text), e => e.Code == "share-without-base");
    }

    [Fact]
    public void An_unknown_key_in_an_energy_mapping_is_reported_once()
    {
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      boundry: gpu");
        Assert.Single(TinyStudy.Errors(text), e => e.Code == "unknown-key");
    }

    [Fact]
    public void A_note_on_a_computed_value_is_kept()
    {
        var text = TinyStudy.With("    device_time: 2000 h", "    device_time:\n      value: 1000 h * 2_placeholder")
            .Replace("1000 h * 2_placeholder", "stages.pre_training.energy / devices.gpu.power\n      note: GPU-hours at full board power", StringComparison.Ordinal);
        var input = TinyStudy.Assess(text).Alternatives[0].Inputs.Single(i => i.Name == "stages.pre_training.device_time");
        Assert.Equal("GPU-hours at full board power", input.Note);
        Assert.Equal(2500, input.Value, 9); // 1,000 kWh ÷ 400 W
    }

    [Fact]
    public void Mixing_direct_and_life_cycle_grids_is_warned_about()
    {
        var text = TinyStudy.With("grids:\n", "grids:\n  d:\n    basis: direct\n    per_kwh:\n      gwp100: 0.4 kg CO2e/kWh\n      water: 1 L/kWh\n")
            .Replace("sites:\n", "sites:\n  serving:\n    grid: d\n    pue: 1.1\n    wue: 0 L/kWh\n", StringComparison.Ordinal)
            .Replace("  site: s\n  lifetime", "  site: serving\n  lifetime", StringComparison.Ordinal);
        Assert.Contains(TinyStudy.Assess(text).Alternatives[0].Warnings, w => w.Code == "mixed-grid-basis");
    }
}
