using Cradle.Core.Engine;
using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;

namespace Cradle.Studies.Assessment;

/// <summary>
/// One term of a served request: its contribution per category (per functional unit) and its share of the total.
/// </summary>
/// <param name="Term">prefill, decode (generation with an energy per request), reasoning, draft, retrieval, tools, idle, serving hardware, or trained model.</param>
/// <param name="Values">Contribution per category, per functional unit.</param>
/// <param name="Shares">Share of the category total (NaN where the total is 0); the terms' shares add up to 1.</param>
public sealed record RequestTerm(string Term, IReadOnlyList<double> Values, IReadOnlyList<double> Shares);

/// <summary>
/// The composition of one request: every process contribution assigned to the term whose scope it belongs to, so
/// that the terms add up to the total. Given only when the request has work beyond one generation energy (prefill,
/// reasoning, draft, retrieval, tool calls or idle time); otherwise equation (1) says the same.
/// </summary>
internal static class RequestComposition
{
    /// <summary>The terms in the order a request runs them, then its shares of hardware and of the trained model.</summary>
    private static readonly string[] Order =
        ["prefill", "decode", "generation", "reasoning", "draft", "retrieval", "tools", "idle", "serving hardware", "trained model"];

    /// <summary>The request's terms; empty when the functional unit does not reach serving or the request has one term.</summary>
    public static IReadOnlyList<RequestTerm> Of(CompiledStudy compiled, LcaResult result)
    {
        var demand = compiled.Demand.ProductId;
        if (demand is not (SystemAssembler.ServedRequest or SystemAssembler.ServedService)
            || !compiled.ProcessScopes.Values.Any(s => TermOfScope(s) is not null and not "decode"))
        {
            return [];
        }
        var generation = compiled.Study.Inference?.EnergyPerToken is null ? "generation" : "decode";
        var k = result.Impacts.Count;
        var sums = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var j = 0; j < result.System.Processes.Count; j++)
        {
            var process = result.System.Processes[j];
            var term = TermOfScope(compiled.ProcessScopes[process.Id]) switch
            {
                null => "trained model",
                "decode" when process.Stage is StageKinds.HardwareManufacture or StageKinds.EndOfLife => "serving hardware",
                "decode" => generation,
                var t => t,
            };
            if (!sums.TryGetValue(term, out var values))
            {
                values = new double[k];
                sums[term] = values;
            }
            for (var c = 0; c < k; c++)
            {
                values[c] += result.ProcessContributions[c, j];
            }
        }
        return Order.Where(sums.ContainsKey)
            .Select(t => new RequestTerm(t, sums[t], sums[t].Select((v, c) => result.Impacts[c] == 0 ? double.NaN : v / result.Impacts[c]).ToList()))
            .ToList();
    }

    /// <summary>The term of a serving scope ("decode" for the request's own scope), or null for a development scope.</summary>
    private static string? TermOfScope(string scope) => ServingScope(scope) switch
    {
        StageKinds.Inference => "decode",
        RequestWork.Prefill => "prefill",
        RequestWork.Reasoning => "reasoning",
        RequestWork.Draft => "draft",
        RequestWork.Retrieval => "retrieval",
        RequestWork.Tools => "tools",
        "inference-idle" => "idle",
        _ => null,
    };

    /// <summary>A fleet's scope without its "@ID" (inference-idle@edge → inference-idle): its terms are the request's.</summary>
    private static string ServingScope(string scope) =>
        scope.StartsWith(StageKinds.Inference, StringComparison.Ordinal) && scope.IndexOf('@', StringComparison.Ordinal) is > 0 and var at ? scope[..at] : scope;
}
