using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// <c>stages.ID.idle</c>: a development stage's idle nodes (allocated to the job but waiting on data, checkpoints or
/// failed nodes), counted as their own energy row (scope <c>ID-idle</c>, the stage's kind) through the stage's site,
/// PUE and grid, as <c>inference.idle</c> does for serving. The tiny study: pre-training 1,000 kWh and 2,000
/// device-hours at PUE 1.5, WUE 0.25 L/kWh, grid 0.5 kg CO2e/kWh and 2 L/kWh, over 10⁶ requests, per request.
/// </summary>
public sealed class DevelopmentIdlePowerTests
{
    /// <summary>Busy 80 % of the allocated time; 100 W per idle device.</summary>
    private static readonly string WithIdle = TinyStudy.With("    device_time: 2000 h",
        "    device_time: 2000 h\n    idle:\n      power: 100 W\n      occupancy: 0.8");

    // Idle device time per run = 2,000 h × (1 − 0.8) ÷ 0.8 = 500 h; × 100 W = 50 kWh IT per run;
    // per request ÷ 10⁶ = 5e-5 kWh IT; × PUE 1.5 = 7.5e-5 kWh facility = grid electricity.
    private const double IdleIt = 5e-5;

    [Fact]
    public void Idle_energy_of_a_training_stage_has_its_own_row_through_the_stage_site()
    {
        var energy = TinyStudy.Assess(WithIdle).Alternatives[0].Energy;
        var idle = Assert.Single(energy.Scopes, s => s.Scope == "pre-training-idle");
        Assert.Equal("pre-training", idle.Stage);
        Assert.Equal(Cradle.Studies.Definition.EnergyBoundary.Gpu, idle.Convention.Boundary);
        Assert.True(idle.Convention.PueApplied);
        Assert.False(idle.Convention.NodePowerAdded);
        Assert.Equal(IdleIt, idle.ItEnergy, 15);
        Assert.Equal(7.5e-5, idle.FacilityEnergy, 15);
        Assert.Equal(7.5e-5, idle.GridElectricity, 15);
        // The active row is unchanged: 1,000 kWh ÷ 10⁶ = 0.001 kWh IT per request.
        Assert.Equal(0.001, Assert.Single(energy.Scopes, s => s.Scope == "pre-training").ItEnergy, 15);
    }

    [Fact]
    public void Idle_energy_adds_its_emissions_and_water_to_the_stage()
    {
        var with = TinyStudy.Assess(WithIdle);
        var without = TinyStudy.Assess();
        // gwp100: 7.5e-5 kWh × 0.5 kg/kWh = 3.75e-5 kg CO2e more;
        // water: 5e-5 kWh IT × 0.25 L/kWh on site + 7.5e-5 kWh × 2 L/kWh off site = 1.25e-5 + 1.5e-4 = 1.625e-4 L more.
        Assert.Equal(3.75e-5, TinyStudy.Total(with, "gwp100") - TinyStudy.Total(without, "gwp100"), 12);
        Assert.Equal(1.625e-4, TinyStudy.Total(with, "water") - TinyStudy.Total(without, "water"), 12);
        // All of it in the pre-training stage.
        double Stage(StudyAssessment a) => a.Alternatives[0].Stages.Single(s => s.Stage == "pre-training").Values[0];
        Assert.Equal(3.75e-5, Stage(with) - Stage(without), 12);
    }

    [Fact]
    public void Repeats_multiply_the_idle_time_as_they_multiply_the_device_time()
    {
        var text = TinyStudy.With("    device_time: 2000 h", "    device_time: 2000 h\n    repeats: 3", WithIdle);
        var idle = Assert.Single(TinyStudy.Assess(text).Alternatives[0].Energy.Scopes, s => s.Scope == "pre-training-idle");
        // 3 runs × 5e-5 kWh.
        Assert.Equal(3 * IdleIt, idle.ItEnergy, 15);
    }

    [Fact]
    public void Idle_without_device_time_is_an_error_at_the_idle_mapping()
    {
        var text = TinyStudy.With("    device_time: 2000 h\n", "", WithIdle);
        var error = TinyStudy.Error(text, "missing-field");
        Assert.Equal("stages.pre-training.device_time", error.Field);
        Assert.Equal(TinyStudy.Find(text, "power: 100 W").Line, error.Location!.Line);
    }

    [Fact]
    public void An_occupancy_of_zero_is_refused()
    {
        var text = TinyStudy.With("occupancy: 0.8", "occupancy: 0", WithIdle);
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Equal("stages.pre-training.idle.occupancy", error.Field);
    }

    [Fact]
    public void Idle_on_a_stage_without_energy_of_its_own_is_refused()
    {
        var text = TinyStudy.With("    site: s\n    energy: 1000 kWh\n", "    footprint:\n      gwp100: 1 t CO2e\n", WithIdle);
        var error = TinyStudy.Error(text, "idle-without-energy");
        Assert.Equal("stages.pre-training.idle", error.Field);
    }
}
