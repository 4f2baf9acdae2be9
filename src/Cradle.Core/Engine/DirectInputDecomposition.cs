using Cradle.Core.Model;

namespace Cradle.Core.Engine;

/// <summary>
/// Splits the total impacts of a demand by the direct inputs of the demanded product's process: the part that
/// reaches the functional unit through each input (its whole supply chain), plus the process's own flows.
/// By linearity the parts add up to the total. This is how a per-request result splits into the terms of the
/// position paper's equation (1): marginal inference energy, serving hardware, and the trained model.
/// </summary>
public static class DirectInputDecomposition
{
    /// <summary>One part: the input product (null for the process's own flows) and its impacts per category.</summary>
    public sealed record Part(string? InputProductId, IReadOnlyList<double> Impacts);

    /// <summary>Decomposes the result of <paramref name="demand"/>.</summary>
    public static IReadOnlyList<Part> Decompose(ProductSystem system, ImpactMethod method, Demand demand, MatrixSet matrices)
    {
        var total = LcaCalculator.Calculate(system, method, demand, matrices);
        var j = system.ProductIndex[demand.ProductId];
        if (matrices.Inputs.Column(j).Any(e => e.Row == j) || total.Scaling[j] != demand.Amount)
        {
            throw new EngineException(
                $"'{demand.ProductId}' is part of a loop of processes, so its impacts cannot be split by its direct inputs.");
        }
        var parts = new List<Part>();
        var own = new double[method.Categories.Count];
        for (var k = 0; k < own.Length; k++)
        {
            own[k] = total.ProcessContributions[k, j];
        }
        parts.Add(new Part(null, own));
        foreach (var group in matrices.Inputs.Column(j).GroupBy(e => e.Row))
        {
            var product = system.Products[group.Key];
            var amount = group.Sum(e => e.Value) * demand.Amount;
            var upstream = LcaCalculator.Calculate(system, method, new Demand(product.Id, amount), matrices);
            parts.Add(new Part(product.Id, [.. upstream.Impacts]));
        }
        return parts;
    }
}
