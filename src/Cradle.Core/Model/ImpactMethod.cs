using Cradle.Core.Units;

namespace Cradle.Core.Model;

/// <summary>
/// An impact category: its indicator unit and characterisation factors, flow id → indicator units per one
/// reference unit of that flow (e.g. "ch4-fossil-air" → 29.8 kg CO2 eq per kg).
/// </summary>
/// <param name="Id">Stable id, e.g. "gwp100".</param>
/// <param name="Name">Human name, e.g. "Climate change, GWP100 (IPCC AR6)".</param>
/// <param name="Unit">The indicator unit.</param>
/// <param name="Factors">Characterisation factors by flow id; flows not listed count zero.</param>
public sealed record ImpactCategory(string Id, string Name, Unit Unit, IReadOnlyDictionary<string, double> Factors);

/// <summary>A set of impact categories assessed together.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Human name.</param>
/// <param name="Categories">The categories, in reporting order.</param>
public sealed record ImpactMethod(string Id, string Name, IReadOnlyList<ImpactCategory> Categories);
