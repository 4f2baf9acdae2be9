using Cradle.Core.Model;
using Cradle.Core.Parameters;

namespace Cradle.Core.Engine;

/// <summary>
/// The matrix method (Heijungs &amp; Suh): evaluate A and B for the parameter values, solve A s = f,
/// then g = B s and h = C g, keeping the contribution of every process and flow.
/// </summary>
public static class LcaCalculator
{
    /// <summary>Calculates the result of <paramref name="demand"/> with the parameters' own values.</summary>
    public static LcaResult Calculate(ProductSystem system, ImpactMethod method, Demand demand) =>
        Calculate(system, method, demand, system.Parameters.Evaluate());

    /// <summary>Calculates the result of <paramref name="demand"/> for the given parameter values.</summary>
    public static LcaResult Calculate(ProductSystem system, ImpactMethod method, Demand demand, ParameterValues values) =>
        Calculate(system, method, demand, MatrixSet.Evaluate(system, values));

    /// <summary>Calculates from already evaluated matrices (reuse them for several demands).</summary>
    public static LcaResult Calculate(ProductSystem system, ImpactMethod method, Demand demand, MatrixSet matrices)
    {
        if (!system.ProductIndex.TryGetValue(demand.ProductId, out var demanded))
        {
            throw new EngineException(
                $"The demanded product '{demand.ProductId}' is not in the system{NameSuggestions.Hint(demand.ProductId, system.ProductIndex.Keys)}.");
        }
        var n = system.Processes.Count;
        var f = new double[n];
        f[demanded] = demand.Amount;
        var scaling = ScalingSolver.Solve(matrices.Inputs, f, j => system.Processes[j].Id);

        var inventory = new double[system.Flows.Count];
        for (var j = 0; j < n; j++)
        {
            foreach (var (row, value) in matrices.Biosphere.Column(j))
            {
                inventory[row] += value * scaling[j];
            }
        }

        var characterisation = CharacterisationMatrix.Build(method, system);
        var categories = method.Categories.Count;
        var byProcess = new double[categories, n];
        var byFlow = new double[categories, system.Flows.Count];
        for (var k = 0; k < categories; k++)
        {
            var factors = characterisation.Rows[k].ToDictionary(x => x.Flow, x => x.Factor);
            foreach (var (flow, factor) in factors)
            {
                byFlow[k, flow] = factor * inventory[flow];
            }
            for (var j = 0; j < n; j++)
            {
                var direct = 0.0;
                foreach (var (row, value) in matrices.Biosphere.Column(j))
                {
                    if (factors.TryGetValue(row, out var factor))
                    {
                        direct += factor * value;
                    }
                }
                byProcess[k, j] = direct * scaling[j];
            }
        }
        return new LcaResult(system, method, demand, scaling, inventory, byProcess, byFlow);
    }
}
