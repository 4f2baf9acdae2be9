using Cradle.Core.Model;

namespace Cradle.Core.Engine;

/// <summary>
/// The result of one calculation: scaling s, inventory g = B s, impacts h = C g, and contributions. The impact
/// total of category k is the sum of its process contributions (C B)ₖⱼ sⱼ; stage contributions group those, and
/// flow contributions Cₖf gf give the same total by another grouping.
/// </summary>
public sealed class LcaResult
{
    internal LcaResult(
        ProductSystem system, ImpactMethod method, Demand demand, double[] scaling, double[] inventory,
        double[,] processContributions, double[,] flowContributions)
    {
        System = system;
        Method = method;
        Demand = demand;
        Scaling = scaling;
        Inventory = inventory;
        ProcessContributions = processContributions;
        FlowContributions = flowContributions;
        var impacts = new double[method.Categories.Count];
        for (var k = 0; k < impacts.Length; k++)
        {
            impacts[k] = NeumaierSum(Enumerable.Range(0, scaling.Length).Select(j => processContributions[k, j]));
        }
        Impacts = impacts;
    }

    /// <summary>The product system calculated.</summary>
    public ProductSystem System { get; }

    /// <summary>The impact method applied.</summary>
    public ImpactMethod Method { get; }

    /// <summary>The demand f.</summary>
    public Demand Demand { get; }

    /// <summary>s: how many units of each process's reference product the demand requires.</summary>
    public IReadOnlyList<double> Scaling { get; }

    /// <summary>g: the total amount of each elementary flow, in the flow's unit.</summary>
    public IReadOnlyList<double> Inventory { get; }

    /// <summary>h: the total of each impact category, in its unit (method order).</summary>
    public IReadOnlyList<double> Impacts { get; }

    /// <summary>[category, process]: the direct contribution of each process.</summary>
    public double[,] ProcessContributions { get; }

    /// <summary>[category, flow]: the contribution of each elementary flow.</summary>
    public double[,] FlowContributions { get; }

    /// <summary>The total of the category with id <paramref name="categoryId"/>.</summary>
    public double Impact(string categoryId) => Impacts[CategoryIndex(categoryId)];

    /// <summary>Index of a category in the method.</summary>
    public int CategoryIndex(string categoryId)
    {
        for (var k = 0; k < Method.Categories.Count; k++)
        {
            if (Method.Categories[k].Id == categoryId)
            {
                return k;
            }
        }
        throw new KeyNotFoundException($"The method '{Method.Id}' has no category '{categoryId}'.");
    }

    /// <summary>
    /// Contributions grouped by process stage label, stages in the order their first process appears;
    /// each entry holds one value per category.
    /// </summary>
    public IReadOnlyList<(string Stage, double[] Values)> StageContributions()
    {
        var stages = new List<(string Stage, double[] Values)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < System.Processes.Count; j++)
        {
            var stage = System.Processes[j].Stage;
            if (!index.TryGetValue(stage, out var s))
            {
                s = stages.Count;
                index[stage] = s;
                stages.Add((stage, new double[Impacts.Count]));
            }
            for (var k = 0; k < Impacts.Count; k++)
            {
                stages[s].Values[k] += ProcessContributions[k, j];
            }
        }
        return stages;
    }

    /// <summary>Compensated summation, so that totals of many small contributions stay exact to the last bits.</summary>
    internal static double NeumaierSum(IEnumerable<double> values)
    {
        var sum = 0.0;
        var compensation = 0.0;
        foreach (var v in values)
        {
            var t = sum + v;
            compensation += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }
}
