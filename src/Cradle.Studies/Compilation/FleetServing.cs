using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// One serving fleet in the compiled system: its request process and the products that request takes directly, so
/// that equation (1) can split each fleet's request into marginal and embodied terms.
/// </summary>
/// <param name="Id">The fleet's id as written.</param>
/// <param name="Product">Its request product ("served-request@ID").</param>
/// <param name="Weight">The parameter of its share or its request count (the served request takes weight ÷ Σ weights).</param>
/// <param name="Location">Where the fleet is written.</param>
/// <param name="EnergyProduct">The IT-energy product of its decode (or whole-request) energy.</param>
/// <param name="IdleProduct">Its idle IT-energy product, when it has idle time.</param>
/// <param name="HardwareProduct">Its device-hour product, when serving hardware's manufacture is in the boundary.</param>
/// <param name="MarginalProducts">Its other marginal terms (prefill, reasoning, draft, retrieval, tools).</param>
/// <param name="EmbodiedProducts">Its other embodied terms (retrieval hardware).</param>
public sealed record FleetServing(
    string Id, string Product, string Weight, SourceLocation Location, string EnergyProduct, string? IdleProduct, string? HardwareProduct,
    IReadOnlyList<string> MarginalProducts, IReadOnlyList<string> EmbodiedProducts);
