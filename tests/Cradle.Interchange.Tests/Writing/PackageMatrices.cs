using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace Cradle.Interchange.Tests.Writing;

/// <summary>
/// A test-only reading of an exported product system as openLCA computes it, from the JSON alone: A from each process's
/// reference output (+) and its linked inputs (−), B from the elementary exchanges (inputs negative), amounts converted
/// to reference units with the unit groups' conversion factors; A s = f for the target amount, g = B s, and each impact
/// category's factors applied with input flows' factors negated (openLCA's convention, so a resource drawn counts positively).
/// </summary>
internal static class PackageMatrices
{
    public static IReadOnlyDictionary<string, double> Impacts(IReadOnlyDictionary<string, JsonElement> package, JsonElement productSystem)
    {
        var conversion = package.Where(e => e.Key.StartsWith("unit_groups/", StringComparison.Ordinal))
            .SelectMany(e => e.Value.GetProperty("units").EnumerateArray())
            .ToDictionary(u => u.GetProperty("@id").GetString()!, u => u.GetProperty("conversionFactor").GetDouble());
        var processes = productSystem.GetProperty("processes").EnumerateArray().Select(p => Entity(package, "processes", p)).ToList();
        var index = processes.Select((p, i) => (Id: p.GetProperty("@id").GetString()!, i)).ToDictionary(x => x.Id, x => x.i);
        var links = productSystem.GetProperty("processLinks").EnumerateArray().ToDictionary(
            l => (l.GetProperty("process").GetProperty("@id").GetString()!, l.GetProperty("exchange").GetProperty("internalId").GetInt32()),
            l => index[l.GetProperty("provider").GetProperty("@id").GetString()!]);

        var n = processes.Count;
        var a = Matrix<double>.Build.Dense(n, n);
        var flowRows = new Dictionary<string, int>();
        var inputFlows = new HashSet<string>();
        var bEntries = new List<(string Flow, int Column, double Value)>();
        for (var j = 0; j < n; j++)
        {
            var processId = processes[j].GetProperty("@id").GetString()!;
            foreach (var exchange in processes[j].GetProperty("exchanges").EnumerateArray())
            {
                var amount = exchange.GetProperty("amount").GetDouble() * conversion[exchange.GetProperty("unit").GetProperty("@id").GetString()!];
                var isInput = exchange.GetProperty("isInput").GetBoolean();
                var flowId = exchange.GetProperty("flow").GetProperty("@id").GetString()!;
                var flow = Entity(package, "flows", exchange.GetProperty("flow"));
                if (flow.GetProperty("flowType").GetString() == "ELEMENTARY_FLOW")
                {
                    if (isInput)
                    {
                        inputFlows.Add(flowId);
                    }
                    bEntries.Add((flowId, j, isInput ? -amount : amount));
                }
                else if (exchange.GetProperty("isQuantitativeReference").GetBoolean())
                {
                    a[j, j] += amount;
                }
                else
                {
                    a[links[(processId, exchange.GetProperty("internalId").GetInt32())], j] -= amount;
                }
            }
        }
        foreach (var (flow, _, _) in bEntries)
        {
            flowRows.TryAdd(flow, flowRows.Count);
        }
        var b = Matrix<double>.Build.Dense(flowRows.Count, n);
        foreach (var (flow, column, value) in bEntries)
        {
            b[flowRows[flow], column] += value;
        }
        var f = Vector<double>.Build.Dense(n);
        var reference = index[productSystem.GetProperty("refProcess").GetProperty("@id").GetString()!];
        f[reference] = productSystem.GetProperty("targetAmount").GetDouble() * conversion[productSystem.GetProperty("targetUnit").GetProperty("@id").GetString()!];
        var g = b * a.Solve(f);

        var method = package.Single(e => e.Key.StartsWith("lcia_methods/", StringComparison.Ordinal)).Value;
        var impacts = new Dictionary<string, double>();
        foreach (var categoryRef in method.GetProperty("impactCategories").EnumerateArray())
        {
            var category = Entity(package, "lcia_categories", categoryRef);
            var total = 0.0;
            foreach (var factor in category.GetProperty("impactFactors").EnumerateArray())
            {
                var flowId = factor.GetProperty("flow").GetProperty("@id").GetString()!;
                if (!flowRows.TryGetValue(flowId, out var row))
                {
                    continue;
                }
                var perReferenceUnit = factor.GetProperty("value").GetDouble() / conversion[factor.GetProperty("unit").GetProperty("@id").GetString()!];
                total += (inputFlows.Contains(flowId) ? -perReferenceUnit : perReferenceUnit) * g[row];
            }
            impacts[category.GetProperty("name").GetString()!] = total;
        }
        return impacts;
    }

    private static JsonElement Entity(IReadOnlyDictionary<string, JsonElement> package, string folder, JsonElement reference) =>
        package[$"{folder}/{reference.GetProperty("@id").GetString()}.json"];
}
