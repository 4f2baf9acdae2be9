using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Allocation;

/// <summary>Wrong or incomplete allocation keys are errors at the field, with the closest valid names.</summary>
public sealed class AllocationErrorTests
{
    private static IReadOnlyList<Syntax.InputProblem> Errors(string text) =>
        Assert.Throws<StudyException>(() => StudyAssessor.Assess(text, AllocationStudy.File)).Problems;

    [Fact]
    public void An_unknown_hardware_key_names_the_valid_ones_and_the_closest()
    {
        var error = Assert.Single(Errors(AllocationStudy.WithKey("bussy")));
        Assert.Equal("unknown-choice", error.Code);
        Assert.Equal("hardware.fleet.allocation", error.Field);
        Assert.Contains("calendar, busy, energy", error.Message, StringComparison.Ordinal);
        Assert.Contains("'busy'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_batch_key_on_hardware_says_where_it_belongs()
    {
        var error = Assert.Single(Errors(AllocationStudy.WithKey("batch")));
        Assert.Equal("hardware.fleet.allocation", error.Field);
        Assert.Contains("inference.allocation: batch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_inference_key_names_the_valid_ones_and_the_closest()
    {
        var text = TinyStudy.With("  device_time_per_request: 1 s/request", "  device_time_per_request: 1 s/request\n  allocation: bach");
        var error = TinyStudy.Error(text, "unknown-choice");
        Assert.Equal("inference.allocation", error.Field);
        Assert.Contains("calendar, busy, energy, batch", error.Message, StringComparison.Ordinal);
        Assert.Contains("'batch'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_energy_key_without_an_idle_power_is_an_error_at_the_hardware()
    {
        var text = AllocationStudy.WithKey("energy").Replace("    idle_power: 100 W\n", "", StringComparison.Ordinal);
        var error = Assert.Single(Errors(text));
        Assert.Equal(("missing-field", "hardware.fleet.idle_power"), (error.Code, error.Field));
    }

    [Fact]
    public void The_energy_key_without_a_device_power_is_an_error_at_the_device()
    {
        var text = AllocationStudy.WithKey("energy").Replace("    power: 700 W\n", "", StringComparison.Ordinal);
        var error = Assert.Single(Errors(text));
        Assert.Equal(("missing-field", "devices.gpu.power"), (error.Code, error.Field));
    }

    [Fact]
    public void A_negative_idle_power_is_refused()
    {
        var text = AllocationStudy.WithKey("energy").Replace("idle_power: 100 W", "idle_power: -1 W", StringComparison.Ordinal);
        Assert.Contains(Errors(text), e => e.Code == "out-of-range" && e.Field.Contains("idle_power", StringComparison.Ordinal));
    }
}
