using Cradle.Trends.Assessment;

namespace Cradle.Trends.Tests;

public sealed class AssumptionTests
{
    [Fact]
    public void Production_scales_with_one_over_lifetime_times_utilisation()
    {
        // 6 years × 0.85 = 5.1 service-years by default; 3 years × 0.85 halves it, so production doubles; use is untouched.
        var models = EpochData.Selection.Assessable.Take(20).ToList();
        var shortLife = EpochData.Assessor(TrainingAssumptions.Default with { LifetimeYears = 3, Draws = 200 }).Assess(models, Scenario.Baseline);
        var normal = EpochData.Assessor(TrainingAssumptions.Default with { Draws = 200 }).Assess(models, Scenario.Baseline);
        foreach (var (a, b) in normal.Models.Zip(shortLife.Models))
        {
            var before = a.Result(Indicator.Gwp);
            var after = b.Result(Indicator.Gwp);
            Assert.Equal(before.Use, after.Use);
            if (before.Production is not null)
            {
                Assert.Equal(2 * before.Production.Central, after.Production!.Central, 9);
                Assert.Equal(2 * before.Production.Median, after.Production.Median, 9);
            }
        }
    }

    [Fact]
    public void Device_basis_ignores_Epochs_power_draw()
    {
        // Llama 2-70B on device power: 400 W × 1,000 A100 × 1,728 h × 1.82 × 1.23 ÷ 1000 = 1,547,372.16 kWh
        // (Epoch's own figure, 1,528,928.5 kWh, is 1.2 % lower: its PUE for 2023 is a little below 1.23).
        var llama = EpochData.Selection.Assessable.Where(m => m.Name == "Llama 2-70B").ToList();
        var result = EpochData.Assessor(TrainingAssumptions.Default with { Basis = EnergyBasisPreference.DevicePower, Draws = 200 }).Assess(llama, Scenario.Baseline);
        var model = Assert.Single(result.Models);
        Assert.Equal("device-power", model.EnergyBasis);
        Assert.Equal(400.0 * 1000 * 1728 * 1.82 * 1.23 / 1000, model.Result(Indicator.Energy).Use.Central, 6);
    }

    [Theory]
    [InlineData(0.9, 1.82, 2.0, 6, 0.85, 10_000, "ServerOverhead")]
    [InlineData(1.6, 1.82, 2.0, 0, 0.85, 10_000, "LifetimeYears")]
    [InlineData(1.6, 1.82, 2.0, 6, 1.5, 10_000, "Utilisation")]
    [InlineData(1.6, 1.82, 2.0, 6, 0.85, 10, "Draws")]
    public void Out_of_range_assumptions_are_named(double overheadMin, double overhead, double overheadMax, double lifetime, double utilisation, int draws, string name)
    {
        var bad = new TrainingAssumptions(overhead, overheadMin, overheadMax, LifetimeYears: lifetime, Utilisation: utilisation, Draws: draws);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(bad.Validate).ParamName);
    }

    [Fact]
    public void Scenario_factories_check_their_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scenario.CarbonAware(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scenario.EfficientHardware(0));
        Assert.Throws<ArgumentException>(() => Scenario.LocationShift());
        Assert.Equal("carbon-aware-30", Scenario.CarbonAware(0.3).Id);
        Assert.Equal(0.7, Scenario.CarbonAware(0.3).CarbonIntensityFactor, 12);
        Assert.Equal("hardware-x0.5", Scenario.EfficientHardware(0.5).Id);
    }

    [Fact]
    public void A_shift_to_an_unknown_grid_suggests_the_closest()
    {
        var e = Assert.Throws<ArgumentException>(() => EpochData.Assessor(TrainingAssumptions.Default with { Draws = 100 })
            .Assess(EpochData.Selection.Assessable.Take(1).ToList(), Scenario.LocationShift("swedn")));
        Assert.Contains("not a catalog grid; closest:", e.Message, StringComparison.Ordinal);
    }
}
