using Cradle.Core.Engine;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>
/// The per-request terms of a per-request study, read from the direct inputs of its functional unit: marginal inference
/// (energy, idle energy, the request's other work — prefill, reasoning, draft, retrieval and tool calls — and its own
/// flows) and the serving hardware's embodied impacts, and the development total D (experimentation + training, per
/// trained model). Equation (1), break-even and trade-off all read them here, so the split is made in one place.
/// </summary>
internal static class PerRequestTerms
{
    /// <summary>
    /// Per category, for the whole functional unit: marginal inference, serving embodied impacts, and the trained
    /// model's share (amortised development); <paramref name="parts"/> are <see cref="ServingParts.Of"/>.
    /// </summary>
    public static (double[] Marginal, double[] ServingEmbodied, double[] Development) PerFunctionalUnit(
        CompiledStudy compiled, IReadOnlyList<DirectInputDecomposition.Part> parts)
    {
        var categories = compiled.Method.Categories.Count;
        double[] Part(string? product) =>
            product is null ? new double[categories] : parts.FirstOrDefault(p => p.InputProductId == product)?.Impacts.ToArray() ?? new double[categories];
        var marginal = Part(compiled.InferenceEnergyProduct);
        var own = Part(null);
        // Idle energy scales with requests like the active energy, so it is marginal inference too.
        var idle = Part(compiled.InferenceIdleProduct);
        for (var k = 0; k < categories; k++)
        {
            marginal[k] += own[k] + idle[k]; // the request process has no flows of its own today; keep the identity exact if it ever does
        }
        var embodied = Part(compiled.InferenceHardwareProduct);
        // Prefill, reasoning, draft, retrieval and tool calls grow with the requests served; the retrieval hardware's
        // time is embodied. Added after the terms above, so a study without them gives the same bits as before.
        AddParts(marginal, compiled.InferenceMarginalProducts.Select(Part));
        AddParts(embodied, compiled.InferenceEmbodiedProducts.Select(Part));
        // With serving fleets, each fleet's own energy, idle and hardware terms (none without fleets).
        AddParts(marginal, ServingParts.Marginal(compiled).Select(Part));
        AddParts(embodied, ServingParts.Embodied(compiled).Select(Part));
        return (marginal, embodied, Part(compiled.TrainedModelProduct));
    }

    /// <summary>Per category: marginal inference and serving embodied impacts, per request.</summary>
    public static (double[] Marginal, double[] ServingEmbodied) Inference(CompiledStudy compiled, MatrixSet matrices)
    {
        var requests = compiled.Demand.Amount;
        var (marginal, embodied, _) = PerFunctionalUnit(compiled, ServingParts.Of(compiled, matrices));
        return ([.. marginal.Select(m => m / requests)], [.. embodied.Select(e => e / requests)]);
    }

    /// <summary>Per category: D, the impacts of one trained model (experimentation + training).</summary>
    public static LcaResult Development(CompiledStudy compiled, MatrixSet matrices) =>
        LcaCalculator.Calculate(compiled.System, compiled.Method, new Demand(compiled.TrainedModelProduct!, 1), matrices);

    private static void AddParts(double[] sum, IEnumerable<double[]> parts)
    {
        foreach (var part in parts)
        {
            for (var k = 0; k < sum.Length; k++)
            {
                sum[k] += part[k];
            }
        }
    }
}
