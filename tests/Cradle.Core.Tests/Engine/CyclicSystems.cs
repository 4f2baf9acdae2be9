using Cradle.Core.Model;
using Cradle.Core.Tests.Builders;

namespace Cradle.Core.Tests.Engine;

/// <summary>Systems with loops: a self-loop (grid losses) and a two-process loop (coal ⇄ steel).</summary>
internal static class CyclicSystems
{
    /// <summary>
    /// <code>
    /// grid (kWh):  consumes 0.05 kWh electricity (5 % losses), 0.392 kg coal; emits 0.9 kg CO2   per kWh
    /// steel (kg):  consumes 0.2 kg coal;                                       emits 2 kg CO2     per kg
    /// coal (kg):   consumes 0.1 kg steel;                                      emits 0.005 kg CH4 per kg
    /// </code>
    /// </summary>
    public static ProductSystem GridWithCoalAndSteel() => new SystemBuilder()
        .Product("electricity", "kWh").Product("steel", "kg").Product("coal", "kg")
        .Flow("co2", "kg").Flow("ch4", "kg")
        .Parameter("coal_per_kwh", "0.392 kg/kWh")
        .Parameter("grid_co2", "0.9 kg/kWh")
        .Process("grid", makes: "electricity", p => p
            .Consumes("electricity", "0.05")
            .Consumes("coal", "coal_per_kwh")
            .Emits("co2", "grid_co2"), stage: "electricity")
        .Process("steel mill", makes: "steel", p => p
            .Consumes("coal", "0.2")
            .Emits("co2", "2"), stage: "materials")
        .Process("coal mine", makes: "coal", p => p
            .Consumes("steel", "0.1")
            .Emits("ch4", "0.005"), stage: "materials")
        .Build();
}
