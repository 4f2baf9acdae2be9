using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>The modelled forms of activity data: FLOPs ÷ (peak × MFU), shares of other stages, tokens, best-of-N.</summary>
public sealed class StageModellingTests
{
    private const double Embodied = 1.0 / 3600 * 100 / 8760;
    private const double TrainingEmbodiedPerHour = 100.0 / 8760;

    [Fact]
    public void Device_time_from_flops_peak_and_mfu()
    {
        // 7.2e18 FLOP ÷ (1e15 FLOP/s × 0.5) = 14,400 s = 4 GPU-hours ⇒ embodied 4 × 100 / 8,760 kg.
        var text = TinyStudy.With("    device_time: 2000 h", "    device_time:\n      flops: 7.2e18 FLOP\n      peak_compute: 1 PFLOP/s\n      mfu: 0.5");
        var a = TinyStudy.Assess(text).Alternatives[0];
        Assert.Equal(4 * 3600, a.Inputs.Single(i => i.Name == "stages.pre_training.device_time").Value * 3600, 9);
        Assert.Equal("modelled", a.Inputs.Single(i => i.Name == "stages.pre_training.device_time").Origin);
        Assert.Equal(0.0015 + Embodied + (((1000 * 0.75) + (4 * TrainingEmbodiedPerHour)) / 1e6), a.Totals[0], 12);
    }

    [Fact]
    public void Device_time_from_flops_takes_the_device_peak_when_the_stage_gives_none()
    {
        var text = TinyStudy.With("    device_time: 2000 h", "    device_time:\n      flops: 7.2e18 FLOP\n      mfu: 0.5")
            .Replace("    power: 400 W", "    power: 400 W\n    peak_compute: 1000 TFLOP/s", StringComparison.Ordinal);
        var a = TinyStudy.Assess(text).Alternatives[0];
        Assert.Equal(4, a.Inputs.Single(i => i.Name == "stages.pre_training.device_time").Value, 9);
    }

    [Fact]
    public void Experimentation_as_a_share_of_training_is_its_own_stage()
    {
        // Experimentation = 0.5 × pre-training (energy and device time) ⇒ development total × 1.5.
        var text = TinyStudy.With("included: [pre-training,", "included: [experimentation, pre-training,")
            + "\nstages_placeholder: x";
        text = text.Replace("\nstages_placeholder: x", "", StringComparison.Ordinal)
            .Replace("    device_time: 2000 h\n", "    device_time: 2000 h\n  experimentation:\n    share_of: pre-training\n    share: 0.5\n", StringComparison.Ordinal);
        var a = TinyStudy.Assess(text).Alternatives[0];
        var development = (1000 * 0.75) + (2000 * TrainingEmbodiedPerHour);
        Assert.Equal(1.5 * development, a.EquationOne!.DevelopmentTotal[0], 9);
        var experimentation = a.Stages.Single(s => s.Stage == "experimentation");
        Assert.Equal(0.5 * 1000 * 0.75 / 1e6, experimentation.Values[0], 12);
    }

    [Fact]
    public void Per_token_energy_with_reasoning_tokens_and_best_of_n()
    {
        // (200 output + 800 reasoning tokens) × 2e-6 kWh/token = 0.002 kWh per sample; best-of-3 ⇒ 0.006 kWh and 3 s of GPU.
        var text = TinyStudy.With("  energy_per_request: 0.002 kWh/request",
            "  energy_per_token: 2e-6 kWh/token\n  output_tokens: 200 token/request\n  reasoning_tokens: 800 token/request\n  samples_per_request: 3");
        var a = TinyStudy.Assess(text).Alternatives[0];
        Assert.Equal(3 * 0.0015, a.EquationOne!.MarginalInference[0], 12);
        Assert.Equal(3 * Embodied, a.EquationOne.AmortisedEmbodied[0], 12);
    }

    [Fact]
    public void Reasoning_tokens_without_per_token_energy_are_refused()
    {
        var text = TinyStudy.With("  device_time_per_request: 1 s/request", "  device_time_per_request: 1 s/request\n  reasoning_tokens: 800 token/request");
        Assert.NotNull(TinyStudy.Error(text, "tokens-without-energy"));
    }

    [Fact]
    public void Repeats_multiply_a_stage()
    {
        var text = TinyStudy.With("    device_time: 2000 h", "    device_time: 2000 h\n    repeats: 3");
        var eq = TinyStudy.Assess(text).Alternatives[0].EquationOne!;
        Assert.Equal(3 * ((1000 * 0.75) + (2000 * TrainingEmbodiedPerHour)), eq.DevelopmentTotal[0], 9);
    }

    [Fact]
    public void A_functional_unit_of_one_model_assesses_development_only()
    {
        var text = TinyStudy.With("  amount: 1 request", "  amount: 1 model");
        var a = TinyStudy.Assess(text).Alternatives[0];
        Assert.Null(a.EquationOne);
        Assert.Equal((1000 * 0.75) + (2000 * TrainingEmbodiedPerHour), a.Totals[0], 9);
    }
}
