using Cradle.Core.Engine;

namespace Cradle.Core.Tests.Engine;

public class ScalingSolverTests
{
    [Fact]
    public void A_supply_chain_of_a_hundred_thousand_processes_is_solved_without_recursion()
    {
        // process j consumes 1 unit of product j + 1: every process runs once for one unit of product 0
        const int n = 100_000;
        var inputs = new SparseColumns(n, n);
        for (var j = 0; j + 1 < n; j++)
        {
            inputs.Add(j + 1, j, 1);
        }
        var demand = new double[n];
        demand[0] = 1;

        var s = ScalingSolver.Solve(inputs, demand, j => $"p{j}");

        Assert.All(s, value => Assert.Equal(1, value));
    }

    [Fact]
    public void Components_come_out_suppliers_first()
    {
        // 0 → 1 → {2 ⇄ 3} → 4: each component after every component it reaches
        var successors = new Dictionary<int, int[]> { [0] = [1], [1] = [2], [2] = [3], [3] = [2, 4], [4] = [] };

        var components = StronglyConnectedComponents.Find(5, j => successors[j]);

        Assert.Equal(4, components.Count);
        Assert.Equal([4], components[0]);
        Assert.Equal([2, 3], components[1].Order());
        Assert.Equal([1], components[2]);
        Assert.Equal([0], components[3]);
    }

    [Fact]
    public void Repeated_entries_in_a_column_add_up()
    {
        // process 0 consumes 0.3 + 0.2 = 0.5 of product 1
        var inputs = new SparseColumns(2, 2);
        inputs.Add(1, 0, 0.3);
        inputs.Add(1, 0, 0.2);

        var s = ScalingSolver.Solve(inputs, [2, 0], j => $"p{j}");

        Assert.Equal([2, 1], s);
    }
}
