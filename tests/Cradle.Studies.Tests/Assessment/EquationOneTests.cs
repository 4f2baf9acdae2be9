using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// The matrix result for one request must equal the position paper's equation (1) computed directly:
/// C_FU = C_inference + (utilisation time × C_embodied) ÷ lifespan + (C_exp + C_train) ÷ lifetime inferences,
/// where the lifespan is the effective one (lifespan × utilisation) under time-share allocation.
/// </summary>
public sealed class EquationOneTests
{
    // Inputs of TinyStudy, in base units of the formula (kWh, h, kg CO2e, L).
    private const double Pue = 1.5, Carbon = 0.5, Water = 2, Wue = 0.25;
    private const double RequestEnergy = 0.002, RequestHours = 1.0 / 3600;
    private const double DeviceCarbon = 100, DeviceWater = 50;
    private const double EffectiveLifespanHours = 2 * 8760 * 0.5; // 2 years × 8,760 h × 50 % = 8,760 h
    private const double TrainingEnergy = 1000, TrainingHours = 2000, Lifetime = 1e6;

    [Fact]
    public void One_request_equals_equation_one_computed_directly_for_climate_change()
    {
        // By hand: inference 0.002 × 1.5 × 0.5 = 0.0015 kg; embodied (1/3600 h) × 100 kg / 8,760 h = 3.17098e-6 kg;
        // training (1,000 × 1.5 × 0.5 + 2,000 × 100 / 8,760) / 10⁶ = (750 + 22.83105) / 10⁶ = 7.7283105e-4 kg.
        var inference = RequestEnergy * Pue * Carbon;
        var embodied = RequestHours * DeviceCarbon / EffectiveLifespanHours;
        var training = ((TrainingEnergy * Pue * Carbon) + (TrainingHours * DeviceCarbon / EffectiveLifespanHours)) / Lifetime;
        var equationOne = inference + embodied + training;
        Assert.Equal(0.0022760020, equationOne, 9);

        var a = TinyStudy.Assess().Alternatives[0];
        Assert.Equal(equationOne, a.Totals[0], 12);
        Assert.Equal(inference, a.EquationOne!.MarginalInference[0], 12);
        Assert.Equal(embodied, a.EquationOne.AmortisedEmbodied[0], 12);
        Assert.Equal(training, a.EquationOne.AmortisedDevelopment[0], 12);
    }

    [Fact]
    public void One_request_equals_equation_one_for_water_with_on_site_and_off_site_water()
    {
        // Water per kWh of IT energy: on-site WUE 0.25 L + PUE 1.5 × 2 L off site = 3.25 L.
        var perItKwh = Wue + (Pue * Water);
        var inference = RequestEnergy * perItKwh;
        var embodied = RequestHours * DeviceWater / EffectiveLifespanHours;
        var training = ((TrainingEnergy * perItKwh) + (TrainingHours * DeviceWater / EffectiveLifespanHours)) / Lifetime;

        var a = TinyStudy.Assess().Alternatives[0];
        Assert.Equal(inference + embodied + training, a.Totals[1], 12);
    }

    [Fact]
    public void Break_even_is_development_total_over_inference_per_request()
    {
        // Development total 772.83105 kg; inference per request 0.0015 + 3.17098e-6 = 0.00150317098 kg ⇒ N* = 772.83105 ÷ 0.00150317098 ≈ 514,134 requests.
        var development = (TrainingEnergy * Pue * Carbon) + (TrainingHours * DeviceCarbon / EffectiveLifespanHours);
        var perRequest = (RequestEnergy * Pue * Carbon) + (RequestHours * DeviceCarbon / EffectiveLifespanHours);
        var eq = TinyStudy.Assess().Alternatives[0].EquationOne!;
        Assert.Equal(development, eq.DevelopmentTotal[0], 9);
        Assert.Equal(development / perRequest, eq.BreakEvenRequests[0]!.Value, 6);
        Assert.Equal(514_134, eq.BreakEvenRequests[0]!.Value, 0);
    }

    [Fact]
    public void Terms_add_up_to_the_total_and_the_lifetime_grid_falls_toward_the_marginal_cost()
    {
        var a = TinyStudy.Assess().Alternatives[0];
        var eq = a.EquationOne!;
        Assert.Equal(a.Totals[0], eq.MarginalInference[0] + eq.AmortisedEmbodied[0] + eq.AmortisedDevelopment[0], 15);
        var grid = eq.LifetimeGrid.Select(g => g.PerFunctionalUnit[0]).ToList();
        Assert.True(grid.Zip(grid.Skip(1)).All(p => p.First > p.Second), "per-request cost must fall as the lifetime grows");
        Assert.InRange(grid[^1] - (eq.MarginalInference[0] + eq.AmortisedEmbodied[0]), 0, 1e-9);
    }
}
