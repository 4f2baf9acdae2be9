using Cradle.Trends.Assessment;

namespace Cradle.Trends.Tests;

/// <summary>
/// Two models of the real snapshot computed by hand (central values: every input at its stated value), and the bands
/// around them. Catalog figures used (src/Cradle.Catalog/Data): A100 SXM4 80GB embodied 150 kg CO2e (Luccioni et al.
/// 2023), 5.09e-3 kg Sb eq, 1,828 MJ; V100 SXM2 32GB 300 W, 150 kg CO2e, 0.017 kg Sb eq, no primary energy; grids
/// (per kWh) US 369.473 g CO2e, 9.855e-8 kg Sb eq, 9.6884 MJ; China 582.317 g, 8.516e-8 kg Sb eq, 10.6736 MJ;
/// Sweden 40.695 g. Production spreads over 6 years × 8,760 h × 0.85 = 44,676 service hours.
/// </summary>
public sealed class TrainingAssessorTests
{
    private static ModelResult Model(ScenarioResult result, string name) => result.Models.Single(m => m.Model == name);

    private static readonly Lazy<ScenarioResult> Sweden = new(() => EpochData.Assessor().Assess(EpochData.Selection.Assessable, Scenario.LocationShift("se")));

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Llama_2_70B_on_Epochs_power_draw_baseline()
    {
        var m = Model(EpochData.Baseline, "Llama 2-70B");
        // Epoch power draw 884,796.5963891526 W (overhead and PUE included: not applied again) × 1,728 h ÷ 1000
        // = 1,528,928.5185604556 kWh.
        Assert.Equal("epoch-power-draw", m.EnergyBasis);
        Assert.Equal("us", m.GridId);
        const double energy = 1_528_928.5185604556;
        Close(energy, m.Result(Indicator.Energy).Use.Central);
        // Use GWP = energy × 0.369473 kg/kWh = 564,897.81 kg CO2e.
        Close(energy * 0.369473, m.Result(Indicator.Gwp).Use.Central);
        // Production GWP = 150 kg × 1,000 devices × 1,728 h ÷ 44,676 h = 150 × 38.678485 = 5,801.77 kg CO2e.
        var allocation = 1000 * 1728 / 44_676.0;
        Close(150 * allocation, m.Result(Indicator.Gwp).Production!.Central);
        Close((energy * 0.369473) + (150 * allocation), m.Result(Indicator.Gwp).Total!.Central);
        // ADPe: use 1,528,928.5 × 9.855e-8 = 0.1507 kg Sb eq; production 5.09e-3 × 38.678 = 0.1969 kg Sb eq (more than use).
        Close(energy * 9.855e-8, m.Result(Indicator.Adpe).Use.Central);
        Close(5.09e-3 * allocation, m.Result(Indicator.Adpe).Production!.Central);
        // PE: use 1,528,928.5 × 9.6884 = 14,812,871 MJ; production 1,828 × 38.678 = 70,704 MJ.
        Close(energy * 9.6884, m.Result(Indicator.PrimaryEnergy).Use.Central);
        Close(1828 * allocation, m.Result(Indicator.PrimaryEnergy).Production!.Central);
    }

    [Fact]
    public void Llama_2_70B_moved_to_Sweden()
    {
        var m = Model(Sweden.Value, "Llama 2-70B");
        Assert.Equal("se", m.GridId);
        const double energy = 1_528_928.5185604556;
        // Use GWP = 1,528,928.5 kWh × 0.040695 kg/kWh = 62,219.7 kg CO2e (was 564,897.8); production unchanged, 5,801.77.
        Close(energy * 0.040695, m.Result(Indicator.Gwp).Use.Central);
        Close(150 * 1000 * 1728 / 44_676.0, m.Result(Indicator.Gwp).Production!.Central);
        // Sweden's ADPe 7.771e-8 kg Sb eq/kWh.
        Close(energy * 7.771e-8, m.Result(Indicator.Adpe).Use.Central);
    }

    [Fact]
    public void Pangu_Weather_on_device_power_baseline()
    {
        var m = Model(EpochData.Baseline, "Pangu-Weather");
        // No Epoch power draw: 300 W × 192 V100 × 1,536 h × overhead 1.82 × PUE 1.23 ÷ 1000 = 198,057.00096 kWh.
        Assert.Equal("device-power", m.EnergyBasis);
        Assert.Equal("nvidia-v100-sxm2-32gb", m.DeviceId); // "NVIDIA V100" read as the SXM2 32 GB module
        Assert.Equal("cn", m.GridId);
        const double energy = 198_057.00096;
        Close(energy, m.Result(Indicator.Energy).Use.Central);
        // Use GWP = 198,057 × 0.582317 = 115,331.96 kg CO2e; production 150 × 192 × 1,536 ÷ 44,676 = 150 × 6.601128 = 990.17.
        Close(energy * 0.582317, m.Result(Indicator.Gwp).Use.Central);
        Close(150 * 192 * 1536 / 44_676.0, m.Result(Indicator.Gwp).Production!.Central);
        // ADPe: use 198,057 × 8.516e-8 = 0.016867; production 0.017 × 6.601128 = 0.11222 kg Sb eq.
        Close(energy * 8.516e-8, m.Result(Indicator.Adpe).Use.Central);
        Close(0.017 * 192 * 1536 / 44_676.0, m.Result(Indicator.Adpe).Production!.Central);
        // PE: use 198,057 × 10.6736 = 2,113,981 MJ; the catalog has no embodied PE for a V100: no production, no total.
        var pe = m.Result(Indicator.PrimaryEnergy);
        Close(energy * 10.6736, pe.Use.Central);
        Assert.Null(pe.Production);
        Assert.Null(pe.Total);
        Assert.Equal("the catalog has no embodied.primary-energy for nvidia-v100-sxm2-32gb", pe.ProductionUnavailable);
    }

    [Fact]
    public void Pangu_Weather_moved_to_Sweden()
    {
        var m = Model(Sweden.Value, "Pangu-Weather");
        // 198,057.00096 kWh × 0.040695 = 8,059.93 kg CO2e.
        Close(198_057.00096 * 0.040695, m.Result(Indicator.Gwp).Use.Central);
        Close(150 * 192 * 1536 / 44_676.0, m.Result(Indicator.Gwp).Production!.Central);
    }

    [Fact]
    public void Bands_hold_the_central_value_and_are_reproducible()
    {
        foreach (var model in EpochData.Baseline.Models)
        {
            foreach (var r in model.Indicators)
            {
                Assert.True(r.Use.Low <= r.Use.Median && r.Use.Median <= r.Use.High);
                Assert.InRange(r.Use.Central, r.Use.Low, r.Use.High);
            }
        }
        var again = EpochData.Assessor().Assess(EpochData.Selection.Assessable.Take(3).ToList(), Scenario.Baseline);
        Assert.Equal(EpochData.Baseline.Models.Take(3), again.Models, new ResultComparer());
    }

    [Fact]
    public void Devices_without_embodied_figures_are_listed_not_zeroed()
    {
        var tpu = EpochData.Baseline.Models.First(m => m.DeviceId.StartsWith("google-tpu", StringComparison.Ordinal));
        var gwp = tpu.Result(Indicator.Gwp);
        Assert.Null(gwp.Production);
        Assert.Null(gwp.Total);
        Assert.StartsWith("the catalog has no embodied.gwp100 for google-tpu", gwp.ProductionUnavailable, StringComparison.Ordinal);
        Assert.True(gwp.Use.Central > 0);
    }

    [Fact]
    public void Epoch_power_is_never_multiplied_by_overhead_or_PUE_again()
    {
        // Doubling the PUE assumption leaves Epoch-basis energy unchanged and doubles nothing but device-basis rows.
        var models = EpochData.Selection.Assessable.Where(m => m.Name is "Llama 2-70B" or "Pangu-Weather").ToList();
        var heavy = TrainingAssumptions.Default with { Pue = 2.46, PueMin = 2.18, PueMax = 3.12, Draws = 200 };
        var result = EpochData.Assessor(heavy).Assess(models, Scenario.Baseline);
        Close(1_528_928.5185604556, Model(result, "Llama 2-70B").Result(Indicator.Energy).Use.Central);
        Close(2 * 198_057.00096, Model(result, "Pangu-Weather").Result(Indicator.Energy).Use.Central);
    }

    [Fact]
    public void Grid_fallbacks_are_labelled()
    {
        // The UAE has a GWP but no ADPe in the catalog: Falcon-180B's ADPe uses the world average, and says so.
        var falcon = Model(EpochData.Baseline, "Falcon-180B");
        Assert.Equal("ae", falcon.GridId);
        Assert.StartsWith("grid ae: owid-ember-2024", falcon.Result(Indicator.Gwp).UseFactor, StringComparison.Ordinal);
        Assert.StartsWith("world average (fallback): no adpe for grid ae", falcon.Result(Indicator.Adpe).UseFactor, StringComparison.Ordinal);
        Assert.Contains("proxy", falcon.GridLabel, StringComparison.Ordinal);
    }

    private sealed class ResultComparer : IEqualityComparer<ModelResult>
    {
        public bool Equals(ModelResult? x, ModelResult? y) =>
            x!.Indicators.Zip(y!.Indicators).All(p => p.First.Use == p.Second.Use && p.First.Production == p.Second.Production);

        public int GetHashCode(ModelResult obj) => obj.Line;
    }
}
