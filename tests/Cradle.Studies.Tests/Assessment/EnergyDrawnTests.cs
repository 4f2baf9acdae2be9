using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// The energy drawn (IT, facility, grid electricity) per functional unit, read from the solved system of the tiny study
/// (pre-training 1,000 kWh over 10⁶ lifetime requests; inference 0.002 kWh per request) with the site's PUE set to 1.2.
/// </summary>
public sealed class EnergyDrawnTests
{
    private static readonly string Pue12 = TinyStudy.With("    pue: 1.5", "    pue: 1.2");

    private static EnergyResult Energy(string text) => TinyStudy.Assess(text).Alternatives[0].Energy;

    private static EnergyUse Scope(EnergyResult energy, string scope) => energy.Scopes.Single(s => s.Scope == scope);

    [Fact]
    public void Node_energy_with_pue_gives_facility_as_it_times_pue_and_grid_as_facility()
    {
        var energy = Energy(Pue12);
        // Pre-training per request: 1,000 kWh ÷ 10⁶ requests = 0.001 kWh IT; × 1.2 = 0.0012 kWh facility = grid.
        var training = Scope(energy, "pre-training");
        Assert.Equal("pre-training", training.Stage);
        Assert.Equal(0.001, training.ItEnergy, 15);
        Assert.Equal(0.0012, training.FacilityEnergy, 15);
        Assert.Equal(0.0012, training.GridElectricity, 15);
        // Inference: 0.002 kWh IT per request; × 1.2 = 0.0024 kWh facility = grid.
        var inference = Scope(energy, "inference");
        Assert.Equal(0.002, inference.ItEnergy, 15);
        Assert.Equal(0.0024, inference.FacilityEnergy, 15);
        Assert.Equal(0.0024, inference.GridElectricity, 15);
        // Totals: IT 0.001 + 0.002 = 0.003; facility and grid 0.0012 + 0.0024 = 0.0036.
        Assert.Equal(0.003, energy.ItEnergy, 15);
        Assert.Equal(0.0036, energy.FacilityEnergy, 15);
        Assert.Equal(0.0036, energy.GridElectricity, 15);
    }

    [Fact]
    public void Facility_energy_is_not_multiplied_by_pue_again()
    {
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      boundary: facility", Pue12);
        var energy = Energy(text);
        // 1,000 kWh of facility energy ÷ 10⁶ requests = 0.001 kWh facility = grid (not 0.0012); the IT energy behind
        // it is 0.001 ÷ 1.2 = 8.3333e-4 kWh.
        var training = Scope(energy, "pre-training");
        Assert.Equal(0.001 / 1.2, training.ItEnergy, 15);
        Assert.Equal(0.001, training.FacilityEnergy, 15);
        Assert.Equal(0.001, training.GridElectricity, 15);
        Assert.Equal(Cradle.Studies.Definition.EnergyBoundary.Facility, training.Convention.Boundary);
        // Totals: facility 0.001 + 0.0024 = 0.0034; IT 8.3333e-4 + 0.002.
        Assert.Equal(0.0034, energy.FacilityEnergy, 15);
        Assert.Equal((0.001 / 1.2) + 0.002, energy.ItEnergy, 15);
    }

    [Fact]
    public void Gpu_energy_gains_the_node_power_share_before_pue()
    {
        // Node power 200 W shared by 4 GPUs: 2,000 GPU-hours × 50 W = 100 kWh ⇒ IT 1,100 kWh ÷ 10⁶ = 0.0011 kWh per
        // request; facility 0.0011 × 1.2 = 0.00132 kWh = grid.
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      boundary: gpu", Pue12)
            .Replace("    utilisation: 0.5", "    utilisation: 0.5\n    node:\n      power: 200 W", StringComparison.Ordinal);
        var training = Scope(Energy(text), "pre-training");
        Assert.True(training.Convention.NodePowerAdded);
        Assert.Equal(0.0011, training.ItEnergy, 15);
        Assert.Equal(0.00132, training.FacilityEnergy, 15);
        Assert.Equal(0.00132, training.GridElectricity, 15);
    }

    [Fact]
    public void Pue_ignored_keeps_facility_and_grid_at_the_it_energy()
    {
        var text = TinyStudy.With("  energy_per_request: 0.002 kWh/request", "  energy_per_request:\n    value: 0.002 kWh/request\n    pue: ignore", Pue12);
        var inference = Scope(Energy(text), "inference");
        // 0.002 kWh IT; PUE not applied, so 0.002 kWh of facility energy and of grid electricity as counted.
        Assert.Equal(0.002, inference.ItEnergy, 15);
        Assert.Equal(0.002, inference.FacilityEnergy, 15);
        Assert.Equal(0.002, inference.GridElectricity, 15);
    }

    [Fact]
    public void Energy_is_per_functional_unit()
    {
        // A functional unit of 1,000 requests: inference 1,000 × 0.002 = 2 kWh IT, × 1.2 = 2.4 kWh facility;
        // pre-training 1,000 × 1,000 kWh ÷ 10⁶ = 1 kWh IT, 1.2 kWh facility.
        var text = TinyStudy.With("  amount: 1 request", "  amount: 1000 request", Pue12);
        var energy = Energy(text);
        Assert.Equal(2, Scope(energy, "inference").ItEnergy, 12);
        Assert.Equal(2.4, Scope(energy, "inference").FacilityEnergy, 12);
        Assert.Equal(1, Scope(energy, "pre-training").ItEnergy, 12);
        Assert.Equal(3.6, energy.GridElectricity, 12);
    }

    [Fact]
    public void Inference_per_token_is_tokens_times_energy_per_token_per_request()
    {
        // 200 output tokens × 0.00001 kWh/token = 0.002 kWh IT per request (the same as the per-request baseline);
        // × 1.2 = 0.0024 kWh facility = grid.
        var text = TinyStudy.With("  energy_per_request: 0.002 kWh/request",
            "  energy_per_token: 0.00001 kWh/token\n  output_tokens: 200 token/request", Pue12);
        var inference = Scope(Energy(text), "inference");
        Assert.Equal(0.002, inference.ItEnergy, 15);
        Assert.Equal(0.0024, inference.GridElectricity, 15);
    }

    [Fact]
    public void A_functional_unit_of_one_model_has_no_serving_energy_row()
    {
        // One trained model: pre-training 1,000 kWh IT, 1,200 kWh facility; serving is outside the functional unit, so
        // it has no row (not a row of 0 kWh).
        var text = TinyStudy.With("  amount: 1 request\n  description: one answered request", "  amount: 1 model\n  description: one trained model", Pue12);
        var energy = Energy(text);
        var training = Assert.Single(energy.Scopes);
        Assert.Equal("pre-training", training.Scope);
        Assert.Equal(1000, training.ItEnergy, 9);
        Assert.Equal(1200, energy.FacilityEnergy, 9);
    }
}
