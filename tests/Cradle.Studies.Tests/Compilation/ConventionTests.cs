using Cradle.Studies.Definition;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>Energy conventions change the numbers exactly as stated, and the results say which was used.</summary>
public sealed class ConventionTests
{
    private static double Gwp(string text) => TinyStudy.Total(TinyStudy.Assess(text), "gwp100");

    // Baseline per request (EquationOneTests): inference 0.0015 + embodied 3.17098e-6 + training 7.7283105e-4 kg.
    private const double Embodied = 1.0 / 3600 * 100 / 8760;
    private const double Training = ((1000 * 1.5 * 0.5) + (2000 * 100.0 / 8760)) / 1e6;

    [Fact]
    public void Pue_ignored_drops_the_facility_overhead_of_inference_only()
    {
        var text = TinyStudy.With("  energy_per_request: 0.002 kWh/request", "  energy_per_request:\n    value: 0.002 kWh/request\n    pue: ignore");
        Assert.Equal((0.002 * 0.5) + Embodied + Training, Gwp(text), 12);
        var convention = TinyStudy.Assess(text).Alternatives[0].Conventions.Single(c => c.Scope == "inference");
        Assert.False(convention.PueApplied);
        Assert.Contains("PUE NOT applied", convention.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Facility_energy_is_not_multiplied_by_pue_again()
    {
        // 1,000 kWh of facility energy: 1,000 × 0.5 = 500 kg (not 750).
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      boundary: facility");
        Assert.Equal(0.0015 + Embodied + ((500 + (2000 * 100.0 / 8760)) / 1e6), Gwp(text), 12);
        Assert.Equal(EnergyBoundary.Facility, TinyStudy.Assess(text).Alternatives[0].Conventions.Single(c => c.Scope == "pre-training").Boundary);
    }

    [Fact]
    public void Gpu_only_energy_gains_the_node_power_share_when_the_node_power_is_known()
    {
        // Node power 200 W shared by 4 GPUs: 2,000 GPU-hours × 50 W = 100 kWh more IT energy ⇒ +100 × 1.5 × 0.5 = 75 kg.
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      boundary: gpu")
            .Replace("    utilisation: 0.5", "    utilisation: 0.5\n    node:\n      power: 200 W", StringComparison.Ordinal);
        Assert.Equal(0.0015 + Embodied + Training + (75 / 1e6), Gwp(text), 12);
        Assert.True(TinyStudy.Assess(text).Alternatives[0].Conventions.Single(c => c.Scope == "pre-training").NodePowerAdded);
    }

    [Fact]
    public void Gpu_only_energy_without_node_power_is_kept_and_warned_about()
    {
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      boundary: gpu");
        var assessment = TinyStudy.Assess(text);
        Assert.Equal(0.0015 + Embodied + Training, TinyStudy.Total(assessment, "gwp100"), 12);
        Assert.Contains(assessment.Alternatives[0].Warnings, w => w.Code == "gpu-only-energy");
    }

    [Fact]
    public void Site_offsite_water_replaces_the_grid_figure()
    {
        // Off-site water 4 L/kWh instead of 2: inference water 0.002 × (0.25 + 1.5 × 4) = 0.0125 L instead of 0.0065 L.
        var baseline = TinyStudy.Total(TinyStudy.Assess(), "water");
        var text = TinyStudy.With("    wue: 0.25 L/kWh", "    wue: 0.25 L/kWh\n    offsite_water: 4 L/kWh");
        var changed = TinyStudy.Total(TinyStudy.Assess(text), "water");
        var perKwhIncrease = 1.5 * 2; // (4 − 2) L/kWh × PUE 1.5
        Assert.Equal(baseline + (0.002 * perKwhIncrease) + (1000 * perKwhIncrease / 1e6), changed, 12);
    }

    [Fact]
    public void Energy_modelled_from_average_power_uses_the_device_time()
    {
        // 2,000 h × 300 W = 600 kWh instead of 1,000 kWh: training operational 600 × 0.75 = 450 kg.
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      average_power: 300 W");
        Assert.Equal(0.0015 + Embodied + ((450 + (2000 * 100.0 / 8760)) / 1e6), Gwp(text), 12);
    }
}
