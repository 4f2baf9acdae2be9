using Cradle.Core.Engine;
using Cradle.Core.Tests.Builders;
using CsCheck;

namespace Cradle.Core.Tests.Properties;

public class ContributionProperties
{
    private static void ContributionsSumToTotals(RandomSystem spec)
    {
        var units = RandomSystem.Units.Canonical(spec);
        var result = LcaCalculator.Calculate(spec.Build(units), RandomSystem.Method(units), spec.Demand(units));
        var stages = result.StageContributions();

        for (var k = 0; k < result.Impacts.Count; k++)
        {
            var byProcess = Enumerable.Range(0, result.Scaling.Count).Sum(j => result.ProcessContributions[k, j]);
            var byFlow = Enumerable.Range(0, result.Inventory.Count).Sum(f => result.FlowContributions[k, f]);
            var byStage = stages.Sum(s => s.Values[k]);

            AssertClose.Relative(result.Impacts[k], byProcess, 1e-12, "by process");
            AssertClose.Relative(result.Impacts[k], byFlow, 1e-12, "by flow");
            AssertClose.Relative(result.Impacts[k], byStage, 1e-12, "by stage");
        }
    }

    [Fact]
    public void Process_stage_and_flow_contributions_each_sum_to_the_totals_of_acyclic_systems()
    {
        RandomSystem.Acyclic.Sample(ContributionsSumToTotals, iter: 300);
    }

    [Fact]
    public void Process_stage_and_flow_contributions_each_sum_to_the_totals_of_cyclic_systems()
    {
        RandomSystem.Cyclic.Sample(ContributionsSumToTotals, iter: 300);
    }

    [Fact]
    public void Flow_contributions_are_the_characterised_inventory_and_the_inventory_is_B_times_s()
    {
        RandomSystem.Acyclic.Sample(spec =>
        {
            var units = RandomSystem.Units.Canonical(spec);
            var system = spec.Build(units);
            var method = RandomSystem.Method(units);
            var result = LcaCalculator.Calculate(system, method, spec.Demand(units));

            // g_f = Σ_j B_fj s_j, from the generated amounts (canonical units: matrix entries are those amounts)
            for (var f = 0; f < RandomSystem.FlowIds.Length; f++)
            {
                var flow = f;
                var expected = spec.Emissions.Where(e => e.Flow == flow).Sum(e => e.Amount * result.Scaling[e.Process]);
                AssertClose.Relative(expected, result.Inventory[system.FlowIndex[RandomSystem.FlowIds[f]]], 1e-12, "g");
            }
            for (var k = 0; k < method.Categories.Count; k++)
            {
                foreach (var (flowId, factor) in method.Categories[k].Factors)
                {
                    var f = system.FlowIndex[flowId];
                    AssertClose.Relative(factor * result.Inventory[f], result.FlowContributions[k, f], 1e-15, "C g");
                }
            }
        }, iter: 200);
    }
}
