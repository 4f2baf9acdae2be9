using Cradle.Core.Engine;
using Cradle.Core.Tests.Builders;

namespace Cradle.Core.Tests.Engine;

/// <summary>
/// One training run, solved by hand (see <see cref="TrainingRunSystem"/>).
/// <code>
/// s: training = 1 model; gpu = 1 × 1000 h = 1000 h; grid = 1000 h × 0.7 kWh/h = 700 kWh
/// g: co2      = 0.3702 × 700 + 25 = 259.14 + 25 = 284.14 kg
///    ch4      = 0.001 × 700            = 0.7 kg
///    water    = 1.8 × 700              = 1260 L
///    embodied = 0.02 × 1000            = 20 kg CO2 eq
/// h: gwp100   = 284.14 + 29.8 × 0.7 + 20 = 284.14 + 20.86 + 20 = 325 kg CO2 eq
///    water    = 1260 L × 0.001 m³/L   = 1.26 m³
/// by process (gwp100): training 25, gpu 20, grid 0.4 × 700 = 280   (25 + 20 + 280 = 325)
/// by flow (gwp100):    co2 284.14, ch4 20.86, water 0, embodied 20 (sum 325)
/// by stage (gwp100):   pre-training 25 + 20 = 45, electricity supply 280
/// </code>
/// </summary>
public class HandComputedResultTests
{
    private static readonly LcaResult Result =
        LcaCalculator.Calculate(TrainingRunSystem.Build(), TrainingRunSystem.Method(), new Demand("training-run", 1));

    [Fact]
    public void Scaling_follows_the_supply_chain_of_one_training_run()
    {
        AssertClose.Relative([1, 1000, 700], Result.Scaling, what: "s");
    }

    [Fact]
    public void Inventory_adds_the_flows_of_every_scaled_process()
    {
        // order of flows as declared: co2, ch4, water, embodied
        AssertClose.Relative([284.14, 0.7, 1260, 20], Result.Inventory, what: "g");
    }

    [Fact]
    public void Impacts_characterise_the_inventory()
    {
        AssertClose.Relative(325, Result.Impact("gwp100"), what: "gwp100");
        AssertClose.Relative(1.26, Result.Impact("water"), what: "water");
        Assert.Equal(Result.Impacts[0], Result.Impact("gwp100"));
    }

    [Fact]
    public void Process_contributions_are_each_processes_direct_share()
    {
        var gwp = Result.CategoryIndex("gwp100");
        var water = Result.CategoryIndex("water");

        AssertClose.Relative(25, Result.ProcessContributions[gwp, 0], what: "training");
        AssertClose.Relative(20, Result.ProcessContributions[gwp, 1], what: "gpu");
        AssertClose.Relative(280, Result.ProcessContributions[gwp, 2], what: "grid");
        Assert.Equal(0, Result.ProcessContributions[water, 0]);
        Assert.Equal(0, Result.ProcessContributions[water, 1]);
        AssertClose.Relative(1.26, Result.ProcessContributions[water, 2], what: "grid water");
    }

    [Fact]
    public void Flow_contributions_split_the_total_by_substance()
    {
        var gwp = Result.CategoryIndex("gwp100");

        AssertClose.Relative(284.14, Result.FlowContributions[gwp, 0], what: "co2");
        AssertClose.Relative(20.86, Result.FlowContributions[gwp, 1], what: "ch4");
        Assert.Equal(0, Result.FlowContributions[gwp, 2]);
        AssertClose.Relative(20, Result.FlowContributions[gwp, 3], what: "embodied");
    }

    [Fact]
    public void Stage_contributions_group_processes_by_label_in_order_of_first_appearance()
    {
        var stages = Result.StageContributions();

        Assert.Equal(["pre-training", "electricity supply"], stages.Select(s => s.Stage));
        AssertClose.Relative([45, 0], stages[0].Values, what: "pre-training");
        AssertClose.Relative([280, 1.26], stages[1].Values, what: "electricity supply");
    }

    [Fact]
    public void Contributions_by_process_stage_and_flow_each_sum_to_the_total()
    {
        for (var k = 0; k < Result.Impacts.Count; k++)
        {
            var byProcess = Enumerable.Range(0, Result.Scaling.Count).Sum(j => Result.ProcessContributions[k, j]);
            var byFlow = Enumerable.Range(0, Result.Inventory.Count).Sum(f => Result.FlowContributions[k, f]);
            var byStage = Result.StageContributions().Sum(s => s.Values[k]);

            AssertClose.Relative(Result.Impacts[k], byProcess, what: "by process");
            AssertClose.Relative(Result.Impacts[k], byFlow, what: "by flow");
            AssertClose.Relative(Result.Impacts[k], byStage, what: "by stage");
        }
    }

    [Fact]
    public void One_kilowatt_hour_of_electricity_carries_the_grids_intensity()
    {
        // 0.3702 kg CO2 + 29.8 × 0.001 kg CH4 = 0.4 kg CO2 eq; 1.8 L = 0.0018 m³
        var perKwh = LcaCalculator.Calculate(TrainingRunSystem.Build(), TrainingRunSystem.Method(), new Demand("electricity", 1));

        AssertClose.Relative([0, 0, 1], perKwh.Scaling, what: "s");
        AssertClose.Relative([0.4, 0.0018], perKwh.Impacts, what: "h");
    }

    [Fact]
    public void Matrices_count_each_exchange_in_the_products_and_flows_own_units()
    {
        // 700 W per GPU-hour = 0.7 kWh/h; 1 g CH4/kWh = 0.001 kg/kWh; 20 g CO2e/h = 0.02 kg CO2 eq/h
        var system = TrainingRunSystem.Build();
        var matrices = MatrixSet.Evaluate(system, system.Parameters.Evaluate());

        var gpuInputs = Assert.Single(matrices.Inputs.Column(system.ProcessIndex["gpu"]));
        Assert.Equal(system.ProductIndex["electricity"], gpuInputs.Row);
        AssertClose.Relative(0.7, gpuInputs.Value);
        var trainingInputs = Assert.Single(matrices.Inputs.Column(system.ProcessIndex["training"]));
        AssertClose.Relative(1000, trainingInputs.Value);
        var grid = matrices.Biosphere.Column(system.ProcessIndex["grid"]).ToDictionary(e => e.Row, e => e.Value);
        AssertClose.Relative(0.001, grid[system.FlowIndex["ch4"]]);
        AssertClose.Relative(1.8, grid[system.FlowIndex["water"]]);
        var gpuFlows = Assert.Single(matrices.Biosphere.Column(system.ProcessIndex["gpu"]));
        AssertClose.Relative(0.02, gpuFlows.Value);
    }

    [Fact]
    public void Parameter_overrides_change_the_result_like_a_new_scenario()
    {
        // gpu_power 350 W = 0.35 kWh/h: grid = 350 kWh, gwp = 25 + 20 + 0.4 × 350 = 185 kg CO2 eq
        var system = TrainingRunSystem.Build();
        var values = system.Parameters.Evaluate(new Dictionary<string, double> { ["gpu_power"] = 350 });

        var result = LcaCalculator.Calculate(system, TrainingRunSystem.Method(), new Demand("training-run", 1), values);

        AssertClose.Relative(185, result.Impact("gwp100"));
    }

    [Fact]
    public void Asking_for_a_category_the_method_lacks_names_it()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Result.Impact("acidification"));

        Assert.Contains("'acidification'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Characterisation_factors_for_flows_the_system_lacks_are_ignored()
    {
        var method = Methods.Of(Methods.Category("gwp100", "kg CO2 eq", ("co2", 1), ("n2o", 273)));

        var result = LcaCalculator.Calculate(TrainingRunSystem.Build(), method, new Demand("training-run", 1));

        AssertClose.Relative(284.14, result.Impact("gwp100")); // CO2 only
    }
}
