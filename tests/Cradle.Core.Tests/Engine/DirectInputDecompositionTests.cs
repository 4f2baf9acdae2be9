using Cradle.Core.Engine;
using Cradle.Core.Tests.Builders;

namespace Cradle.Core.Tests.Engine;

public class DirectInputDecompositionTests
{
    [Fact]
    public void A_training_run_splits_into_its_own_emissions_and_its_GPU_hours()
    {
        // own flows: 25 kg CO2 → 25 kg CO2 eq, 0 m³
        // gpu-hour input: 1000 h → embodied 20 + grid 0.4 × 700 = 300 kg CO2 eq; 1.8 × 700 × 0.001 = 1.26 m³
        // 25 + 300 = 325 = the total (HandComputedResultTests)
        var system = TrainingRunSystem.Build();
        var matrices = MatrixSet.Evaluate(system, system.Parameters.Evaluate());

        var parts = DirectInputDecomposition.Decompose(system, TrainingRunSystem.Method(), new Demand("training-run", 1), matrices);

        Assert.Equal([null, "gpu-hour"], parts.Select(p => p.InputProductId));
        AssertClose.Relative([25, 0], parts[0].Impacts, what: "own");
        AssertClose.Relative([300, 1.26], parts[1].Impacts, what: "gpu-hour");
    }

    [Fact]
    public void Two_inputs_of_the_same_product_are_one_part()
    {
        // a request uses 0.3 Wh for the GPU and 0.1 Wh for networking: one electricity part of 0.4 Wh
        // 0.4 Wh = 0.0004 kWh × 0.4 kg CO2 eq/kWh = 1.6e-4 kg CO2 eq
        var system = new SystemBuilder()
            .Product("request", "request").Product("electricity", "kWh").Flow("co2", "kg")
            .Parameter("gpu_energy", "0.3 Wh/request").Parameter("network_energy", "0.1 Wh/request")
            .Parameter("grid_co2", "0.4 kg/kWh")
            .Process("serve", makes: "request", p => p.Consumes("electricity", "gpu_energy").Consumes("electricity", "network_energy"))
            .Process("grid", makes: "electricity", p => p.Emits("co2", "grid_co2"))
            .Build();
        var matrices = MatrixSet.Evaluate(system, system.Parameters.Evaluate());

        var parts = DirectInputDecomposition.Decompose(system, Methods.Of(Methods.Gwp100()), new Demand("request", 1), matrices);

        Assert.Equal([null, "electricity"], parts.Select(p => p.InputProductId));
        AssertClose.Relative(1.6e-4, parts[1].Impacts[0]);
    }

    [Fact]
    public void A_demanded_product_inside_a_loop_cannot_be_split()
    {
        var system = CyclicSystems.GridWithCoalAndSteel();
        var matrices = MatrixSet.Evaluate(system, system.Parameters.Evaluate());

        var e = Assert.Throws<EngineException>(() =>
            DirectInputDecomposition.Decompose(system, Methods.Of(Methods.Gwp100()), new Demand("electricity", 950), matrices));

        Assert.Contains("'electricity' is part of a loop", e.Message, StringComparison.Ordinal);
    }
}
