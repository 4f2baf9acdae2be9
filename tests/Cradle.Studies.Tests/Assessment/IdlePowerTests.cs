using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// <c>inference.idle</c>: the serving fleet's idle time, counted as its own energy row (scope <c>inference-idle</c>)
/// through the same site, PUE and grid as the active serving energy. The tiny study: PUE 1.5, grid 0.5 kg CO2e/kWh.
/// </summary>
public sealed class IdlePowerTests
{
    /// <summary>Device time 0.5 s/request, busy 60 % of the serving time, 100 W per idle device.</summary>
    private static readonly string WithIdle = TinyStudy.With("  device_time_per_request: 1 s/request",
        "  device_time_per_request: 0.5 s/request\n  idle:\n    power: 100 W\n    occupancy: 0.6");

    private static readonly string WithoutIdle = TinyStudy.With("  device_time_per_request: 1 s/request", "  device_time_per_request: 0.5 s/request");

    // Idle time per request = 0.5 s × (1 − 0.6) ÷ 0.6 = 1/3 s; idle energy = 1/3 s × 100 W = 33.33 J
    // = 33.33 ÷ 3.6e6 kWh = 9.2593e-6 kWh IT; × PUE 1.5 = 1.3889e-5 kWh facility = grid electricity;
    // × 0.5 kg CO2e/kWh = 6.9444e-6 kg CO2e.
    private const double IdleIt = 0.5 * (1 - 0.6) / 0.6 * 100 / 3.6e6;

    [Fact]
    public void Idle_energy_is_idle_time_times_idle_power_through_pue_and_grid()
    {
        var energy = TinyStudy.Assess(WithIdle).Alternatives[0].Energy;
        var idle = Assert.Single(energy.Scopes, s => s.Scope == "inference-idle");
        Assert.Equal("inference", idle.Stage);
        // Idle power is per device: reported as device (gpu) energy, PUE applied as for the active energy, no node power.
        Assert.Equal(Cradle.Studies.Definition.EnergyBoundary.Gpu, idle.Convention.Boundary);
        Assert.True(idle.Convention.PueApplied);
        Assert.False(idle.Convention.NodePowerAdded);
        Assert.Equal(9.259259259259e-6, idle.ItEnergy, 15);
        Assert.Equal(IdleIt, idle.ItEnergy, 15);
        Assert.Equal(IdleIt * 1.5, idle.FacilityEnergy, 15);
        Assert.Equal(IdleIt * 1.5, idle.GridElectricity, 15);
        // The active serving row is unchanged: 0.002 kWh IT per request.
        Assert.Equal(0.002, Assert.Single(energy.Scopes, s => s.Scope == "inference").ItEnergy, 15);
    }

    [Fact]
    public void Idle_energy_adds_its_grid_emissions_to_the_total()
    {
        var with = TinyStudy.Total(TinyStudy.Assess(WithIdle), "gwp100");
        var without = TinyStudy.Total(TinyStudy.Assess(WithoutIdle), "gwp100");
        // 9.2593e-6 kWh × 1.5 × 0.5 kg CO2e/kWh = 6.9444e-6 kg CO2e more.
        Assert.Equal(IdleIt * 1.5 * 0.5, with - without, 12);
    }

    [Fact]
    public void Samples_multiply_the_idle_time_as_they_multiply_the_device_time()
    {
        var text = TinyStudy.With("    occupancy: 0.6", "    occupancy: 0.6\n  samples_per_request: 2", WithIdle);
        var idle = Assert.Single(TinyStudy.Assess(text).Alternatives[0].Energy.Scopes, s => s.Scope == "inference-idle");
        // 2 samples × 9.2593e-6 kWh.
        Assert.Equal(2 * IdleIt, idle.ItEnergy, 15);
    }

    [Fact]
    public void Full_occupancy_gives_a_zero_idle_row()
    {
        var text = TinyStudy.With("occupancy: 0.6", "occupancy: 1", WithIdle);
        var idle = Assert.Single(TinyStudy.Assess(text).Alternatives[0].Energy.Scopes, s => s.Scope == "inference-idle");
        // 0.5 s × (1 − 1) ÷ 1 = 0 s idle: the row is there (the study declared idle), and counts 0 kWh.
        Assert.Equal(0, idle.ItEnergy);
    }

    [Fact]
    public void Without_idle_there_is_no_idle_row()
    {
        Assert.DoesNotContain(TinyStudy.Assess(WithoutIdle).Alternatives[0].Energy.Scopes, s => s.Scope == "inference-idle");
    }

    [Fact]
    public void Occupancy_of_zero_is_out_of_range()
    {
        var error = TinyStudy.Error(TinyStudy.With("occupancy: 0.6", "occupancy: 0", WithIdle), "out-of-range");
        Assert.Equal("inference.idle.occupancy", error.Field);
    }

    [Fact]
    public void Idle_needs_both_power_and_occupancy()
    {
        var error = TinyStudy.Error(TinyStudy.With("    power: 100 W\n", "", WithIdle), "missing-field");
        Assert.Equal("inference.idle.power", error.Field);
    }

    [Fact]
    public void Idle_without_device_time_is_refused()
    {
        // Hardware manufacture out of the boundary lets serving go without hardware and device time; idle needs the time.
        var text = TinyStudy.With("included: [pre-training, inference, hardware-manufacture]", "included: [pre-training, inference]", WithIdle)
            .Replace("  hardware: fleet\n  site: s\n  lifetime", "  site: s\n  lifetime", StringComparison.Ordinal)
            .Replace("  device_time_per_request: 0.5 s/request\n", "", StringComparison.Ordinal);
        var error = TinyStudy.Error(text, "missing-field");
        Assert.Equal("inference.device_time_per_request", error.Field);
    }

    [Fact]
    public void An_unknown_idle_key_is_refused()
    {
        var error = TinyStudy.Error(TinyStudy.With("    occupancy: 0.6", "    occupancy: 0.6\n    share: 0.4", WithIdle), "unknown-key");
        Assert.Equal("inference.idle.share", error.Field);
    }

    [Fact]
    public void Equation_one_counts_idle_energy_as_marginal_inference_and_still_adds_up()
    {
        var with = TinyStudy.Assess(WithIdle).Alternatives[0];
        var without = TinyStudy.Assess(WithoutIdle).Alternatives[0];
        var eq = with.EquationOne!;
        // gwp100 (category 0): marginal grows by the idle emissions, 9.2593e-6 kWh × 1.5 × 0.5 = 6.9444e-6 kg CO2e.
        Assert.Equal(IdleIt * 1.5 * 0.5, eq.MarginalInference[0] - without.EquationOne!.MarginalInference[0], 12);
        Assert.Equal(with.Totals[0], eq.MarginalInference[0] + eq.AmortisedEmbodied[0] + eq.AmortisedDevelopment[0], 15);
    }
}
