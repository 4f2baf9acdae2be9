using Cradle.Core.Model;
using Cradle.Core.Tests.Builders;

namespace Cradle.Core.Tests.Engine;

/// <summary>
/// A training run on a grid, small enough to solve by hand:
/// <code>
///   training-run (1 model)  ── 1000 h ──▶  gpu-hour (h)  ── 0.7 kWh/h ──▶  electricity (kWh)
///     emits 25 kg CO2                       embodied 20 g CO2e/h            0.3702 kg CO2, 1 g CH4, 1.8 L water per kWh
/// </code>
/// The grid's 0.3702 kg CO2 + 0.001 kg CH4 × 29.8 = 0.3702 + 0.0298 = 0.4 kg CO2 eq/kWh (GWP100, AR6).
/// </summary>
internal static class TrainingRunSystem
{
    public static SystemBuilder Builder() => new SystemBuilder()
        .Product("training-run", "model")
        .Product("gpu-hour", "h")
        .Product("electricity", "kWh")
        .Flow("co2", "kg")
        .Flow("ch4", "kg")
        .Flow("water", "L", "resource")
        .Flow("embodied", "kg CO2 eq", "aggregated", aggregated: true)
        .Parameter("gpu_hours", "1000 h")
        .Parameter("site_co2", "25 kg")
        .Parameter("gpu_power", "700 W")
        .Parameter("gpu_embodied", "20 g CO2e/h")
        .Parameter("grid_co2", "0.3702 kg/kWh")
        .Parameter("grid_ch4", "1 g/kWh")
        .Parameter("grid_water", "1.8 L/kWh")
        .Process("training", makes: "training-run", p => p
            .Consumes("gpu-hour", "gpu_hours")
            .Emits("co2", "site_co2"), stage: "pre-training")
        .Process("gpu", makes: "gpu-hour", p => p
            .Consumes("electricity", "gpu_power")
            .Emits("embodied", "gpu_embodied"), stage: "pre-training")
        .Process("grid", makes: "electricity", p => p
            .Emits("co2", "grid_co2")
            .Emits("ch4", "grid_ch4")
            .Emits("water", "grid_water"), stage: "electricity supply");

    public static ProductSystem Build() => Builder().Build();

    /// <summary>GWP100 (CO2 1, CH4 29.8, aggregated embodied 1) and water use (0.001 m³/L).</summary>
    public static ImpactMethod Method() => Methods.Of(
        Methods.Category("gwp100", "kg CO2 eq", ("co2", 1), ("ch4", Methods.Ch4FossilGwp100), ("embodied", 1)),
        Methods.WaterUse());
}
