using Cradle.Core.Engine;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>
/// The per-request terms of a per-request study, read from the direct inputs of its functional unit: marginal inference
/// (energy, idle energy, the request's other work — prefill, reasoning, draft, retrieval and tool calls — and its own
/// flows) and the serving hardware's embodied impacts, each per request,
/// and the development total D (experimentation + training, per trained model). Break-even and trade-off read them here.
/// </summary>
internal static class PerRequestTerms
{
    /// <summary>Per category: marginal inference and serving embodied impacts, per request.</summary>
    public static (double[] Marginal, double[] ServingEmbodied) Inference(CompiledStudy compiled, MatrixSet matrices)
    {
        var categories = compiled.Method.Categories;
        var requests = compiled.Demand.Amount;
        // With serving fleets, each fleet's request is split into its own energy, idle and hardware parts.
        var parts = ServingParts.Of(compiled, matrices);
        double Part(string? product, int k) => product is null ? 0 : parts.FirstOrDefault(p => p.InputProductId == product)?.Impacts[k] ?? 0;
        var marginal = categories.Select((_, k) => (Part(compiled.InferenceEnergyProduct, k) + Part(compiled.InferenceIdleProduct, k) + Part(null, k)
            + compiled.InferenceMarginalProducts.Sum(p => Part(p, k)) + ServingParts.Marginal(compiled).Sum(p => Part(p, k))) / requests).ToArray();
        var servingEmbodied = categories.Select((_, k) => (Part(compiled.InferenceHardwareProduct, k)
            + compiled.InferenceEmbodiedProducts.Sum(p => Part(p, k)) + ServingParts.Embodied(compiled).Sum(p => Part(p, k))) / requests).ToArray();
        return (marginal, servingEmbodied);
    }

    /// <summary>Per category: D, the impacts of one trained model (experimentation + training).</summary>
    public static LcaResult Development(CompiledStudy compiled, MatrixSet matrices) =>
        LcaCalculator.Calculate(compiled.System, compiled.Method, new Demand(compiled.TrainedModelProduct!, 1), matrices);
}
