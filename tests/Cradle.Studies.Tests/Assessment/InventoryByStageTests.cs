using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// The life-cycle inventory g = B s, split by the stage of the process that emits each flow, for one request of
/// <see cref="TinyStudy"/>; expected values worked out by hand from the inputs listed there.
/// </summary>
public sealed class InventoryByStageTests
{
    // Device-hours charged per request: 1 s of serving + 2,000 h of pre-training ÷ 10⁶ lifetime requests.
    private const double DeviceHoursPerRequest = (1.0 / 3600) + (2000 / 1e6);
    private const double EffectiveLifespanHours = 2 * 8760 * 0.5;

    [Fact]
    public void Climate_change_flow_splits_into_training_serving_and_manufacture()
    {
        // Pre-training 1,000 kWh × PUE 1.5 × 0.5 kg/kWh ÷ 10⁶ = 7.5e-4 kg; serving 0.002 × 1.5 × 0.5 = 1.5e-3 kg;
        // manufacture 2.27778e-3 h × 100 kg ÷ 8,760 h = 2.60020e-5 kg.
        var flow = Assert.Single(TinyStudy.Assess().Alternatives[0].Inventory, f => f.Id == "aggregated-gwp100");
        var byStage = flow.ByStage.ToDictionary(x => x.Stage, x => x.Amount);
        Assert.Equal(["hardware-manufacture", "pre-training", "inference"], flow.ByStage.Select(x => x.Stage));
        Assert.Equal(7.5e-4, byStage["pre-training"], 15);
        Assert.Equal(1.5e-3, byStage["inference"], 15);
        Assert.Equal(DeviceHoursPerRequest * 100 / EffectiveLifespanHours, byStage["hardware-manufacture"], 15);
        Assert.Equal(2.60020e-5, byStage["hardware-manufacture"], 10);
        Assert.Equal(flow.Amount, byStage.Values.Sum(), 15);
    }

    [Fact]
    public void Water_flow_counts_on_site_and_off_site_water_in_the_stage_that_uses_the_electricity()
    {
        // 3.25 L per kWh of IT energy (WUE 0.25 + PUE 1.5 × 2 L/kWh): pre-training 1,000 × 3.25 ÷ 10⁶ = 3.25e-3 L;
        // serving 0.002 × 3.25 = 6.5e-3 L; manufacture 2.27778e-3 h × 50 L ÷ 8,760 h = 1.30010e-5 L.
        var flow = Assert.Single(TinyStudy.Assess().Alternatives[0].Inventory, f => f.Id == "water-consumed");
        var byStage = flow.ByStage.ToDictionary(x => x.Stage, x => x.Amount);
        Assert.Equal(3.25e-3, byStage["pre-training"], 15);
        Assert.Equal(6.5e-3, byStage["inference"], 15);
        Assert.Equal(1.30010e-5, byStage["hardware-manufacture"], 10);
        Assert.Equal(flow.Amount, byStage.Values.Sum(), 15);
    }

    [Fact]
    public void Stages_that_emit_nothing_are_left_out()
    {
        var text = TinyStudy.With("energy_per_request: 0.002 kWh/request", "energy_per_request: 0 kWh/request");
        var flow = Assert.Single(TinyStudy.Assess(text).Alternatives[0].Inventory, f => f.Id == "water-consumed");
        Assert.DoesNotContain(flow.ByStage, x => x.Stage == "inference");
        Assert.Equal(2, flow.ByStage.Count);
    }
}
