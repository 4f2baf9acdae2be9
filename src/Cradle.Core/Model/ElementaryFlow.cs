using Cradle.Core.Units;

namespace Cradle.Core.Model;

/// <summary>
/// An exchange with nature: CO2 to air, water consumed, primary energy drawn. Where a source only gives an
/// aggregated, already characterised figure (kg CO2 eq to make one GPU), the flow is an explicit aggregated
/// flow with <see cref="IsAggregated"/> set, and its category counts it with factor 1.
/// </summary>
/// <param name="Id">Unique id, e.g. "co2-fossil-air" or "aggregated:gwp100".</param>
/// <param name="Name">Human name.</param>
/// <param name="Compartment">Where it goes to or comes from: "air", "water", "resource", "aggregated".</param>
/// <param name="Unit">The reference unit of amounts of this flow.</param>
/// <param name="IsAggregated">True when the flow stands for an already characterised indicator.</param>
public sealed record ElementaryFlow(string Id, string Name, string Compartment, Unit Unit, bool IsAggregated = false);
