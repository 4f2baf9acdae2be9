using Cradle.Core.Engine;
using Cradle.Core.Tests.Builders;

namespace Cradle.Core.Tests.Engine;

/// <summary>
/// 950 kWh of electricity delivered by <see cref="CyclicSystems.GridWithCoalAndSteel"/>, solved by hand.
/// <code>
/// Self-loop (grid losses):  s_grid = 950 + 0.05 s_grid  ⇒  0.95 s_grid = 950  ⇒  s_grid = 1000 kWh
/// Coal ⇄ steel loop, with the grid's 0.392 × 1000 = 392 kg of coal as demand on it:
///     s_steel − 0.1 s_coal = 0            [ 1    −0.1 ] [s_steel]   [  0 ]
///    −0.2 s_steel + s_coal = 392          [−0.2   1   ] [s_coal ] = [392 ]
///   det = 1 × 1 − (−0.1)(−0.2) = 1 − 0.02 = 0.98
///   s_steel = (0 × 1 − (−0.1) × 392) / 0.98 = 39.2 / 0.98 = 40 kg
///   s_coal  = (1 × 392 − (−0.2) × 0) / 0.98 = 392 / 0.98  = 400 kg
///   check: 40 − 0.1 × 400 = 0 ✓;  −0.2 × 40 + 400 = 392 ✓
/// g: co2 = 0.9 × 1000 + 2 × 40 = 900 + 80 = 980 kg;  ch4 = 0.005 × 400 = 2 kg
/// h: gwp100 = 980 + 29.8 × 2 = 1039.6 kg CO2 eq
/// </code>
/// </summary>
public class CyclicSystemTests
{
    private static readonly LcaResult Result = LcaCalculator.Calculate(
        CyclicSystems.GridWithCoalAndSteel(), Methods.Of(Methods.Gwp100()), new Demand("electricity", 950));

    [Fact]
    public void Grid_losses_and_the_coal_steel_loop_are_solved_exactly()
    {
        // processes in declaration order: grid, steel mill, coal mine
        AssertClose.Relative([1000, 40, 400], Result.Scaling, what: "s");
    }

    [Fact]
    public void The_loops_emissions_are_counted_once_per_unit_made()
    {
        AssertClose.Relative([980, 2], Result.Inventory, what: "g");
        AssertClose.Relative(1039.6, Result.Impact("gwp100"));
    }

    [Fact]
    public void Contributions_of_a_cyclic_system_still_sum_to_the_total()
    {
        // grid 900, steel 80, coal 29.8 × 2 = 59.6; stages: electricity 900, materials 139.6
        AssertClose.Relative(900, Result.ProcessContributions[0, 0]);
        AssertClose.Relative(80, Result.ProcessContributions[0, 1]);
        AssertClose.Relative(59.6, Result.ProcessContributions[0, 2]);
        var stages = Result.StageContributions();
        Assert.Equal(["electricity", "materials"], stages.Select(s => s.Stage));
        AssertClose.Relative(139.6, stages[1].Values[0]);
        AssertClose.Relative(Result.Impacts[0], Enumerable.Range(0, 2).Sum(f => Result.FlowContributions[0, f]));
    }

    [Fact]
    public void Demanding_steel_alone_enters_the_loop_from_the_other_side()
    {
        // 98 kg steel: s_steel = 98 + 0.1 s_coal, s_coal = 0.2 s_steel ⇒ s_steel = 98 + 0.02 s_steel
        //   ⇒ 0.98 s_steel = 98 ⇒ s_steel = 100 kg, s_coal = 20 kg, s_grid = 0 (nobody in the loop uses electricity)
        var result = LcaCalculator.Calculate(
            CyclicSystems.GridWithCoalAndSteel(), Methods.Of(Methods.Gwp100()), new Demand("steel", 98));

        AssertClose.Relative([0, 100, 20], result.Scaling, what: "s");
    }
}
