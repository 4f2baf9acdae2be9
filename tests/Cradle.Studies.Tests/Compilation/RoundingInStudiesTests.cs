using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>The rounding functions in a study's parameters, end to end, and their errors at the value.</summary>
public sealed class RoundingInStudiesTests
{
    [Fact]
    public void A_GPU_count_rounded_up_to_a_power_of_two_sets_the_device_time()
    {
        // 12 GPUs → ceil_pow2 = 16 GPUs × 125 h = 2,000 h: the baseline's device time, so the total is unchanged.
        var text = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  gpus:\n    value: 12 GPUs\n  hours_each:\n    value: 125 h\n");
        text = TinyStudy.With("device_time: 2000 h", "device_time: ceil_pow2(gpus) * hours_each", text);

        Assert.Equal(TinyStudy.Assess().Alternatives[0].Totals[0], TinyStudy.Assess(text).Alternatives[0].Totals[0], 15);
    }

    [Fact]
    public void Device_time_rounded_up_to_whole_hours_through_a_unit_parameter()
    {
        // ceil(1999.2 h ÷ 1 h) × 1 h = 2,000 h, the baseline's device time.
        var text = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  raw_time:\n    value: 1999.2 h\n  one_hour:\n    value: 1 h\n");
        text = TinyStudy.With("device_time: 2000 h", "device_time: ceil(raw_time / one_hour) * one_hour", text);

        Assert.Equal(TinyStudy.Assess().Alternatives[0].Totals[0], TinyStudy.Assess(text).Alternatives[0].Totals[0], 15);
    }

    [Fact]
    public void Rounding_a_time_is_a_unit_mismatch_reported_at_the_value()
    {
        var text = TinyStudy.With("device_time: 2000 h", "device_time: round(inference.device_time_per_request * inference.lifetime_requests)");

        var problems = Assert.Throws<StudyException>(() => TinyStudy.Assess(text)).Problems;

        var problem = Assert.Single(problems, p => p.Code == "unit-mismatch");
        Assert.Contains("'round' rounds a pure number", problem.Message, StringComparison.Ordinal);
    }
}
