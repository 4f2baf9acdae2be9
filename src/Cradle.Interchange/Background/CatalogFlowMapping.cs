using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Interchange.Reading;

namespace Cradle.Interchange.Background;

/// <summary>A database elementary flow matched to a flow of Cradle's catalog, with the factor from its reference unit to the catalog flow's unit.</summary>
/// <param name="CatalogFlow">The catalog flow id, e.g. "co2-fossil-air".</param>
/// <param name="UnitFactor">Catalog-unit amount per database reference-unit amount (1 m3 → 1000 L).</param>
internal sealed record MatchedFlow(string CatalogFlow, double UnitFactor);

/// <summary>
/// Matches a background database's elementary flows to the catalog's, so that the catalog's methods (IPCC AR6, TRACI
/// 2.1, Cradle's resource indicators) characterise them: by compartment (air, water, resource, aggregated, from the flow's
/// category path) and name — the catalog flow's own name (what Cradle's export writes), or a name openLCA's reference
/// data, the US Federal LCA Commons elementary flow list and ecoinvent use for it. Only exact names match: a flow that
/// is not matched counts in no category and is listed, never guessed. "Carbon dioxide" with no origin is fossil, as in
/// those lists, where biogenic CO2 is its own flow ("Carbon dioxide, biogenic", left unmatched: IPCC AR6 GWP100 in the
/// catalog gives it no factor). Water withdrawn ("Water, well, in ground") is not water consumed, and is not matched.
/// </summary>
internal static class CatalogFlowMapping
{
    private static readonly Dictionary<(string Compartment, string Name), string> Aliases = new()
    {
        [("air", "Carbon dioxide")] = "co2-fossil-air",
        [("air", "Carbon dioxide, fossil")] = "co2-fossil-air",
        [("air", "Methane")] = "ch4-air",
        [("air", "Methane, fossil")] = "ch4-fossil-air",
        [("air", "Methane, biogenic")] = "ch4-non-fossil-air",
        [("air", "Methane, non-fossil")] = "ch4-non-fossil-air",
        [("air", "Dinitrogen monoxide")] = "n2o-air",
        [("air", "Nitrous oxide")] = "n2o-air",
        [("air", "Sulfur hexafluoride")] = "sf6-air",
        [("air", "Nitrogen fluoride")] = "nf3-air",
        [("air", "Nitrogen trifluoride")] = "nf3-air",
        [("air", "Sulfur dioxide")] = "so2-air",
        [("air", "Nitrogen oxides")] = "nox-air",
        [("air", "Ammonia")] = "nh3-air",
        [("air", "Carbon monoxide")] = "co-air",
        [("air", "Carbon monoxide, fossil")] = "co-air",
        [("air", "Hydrogen sulfide")] = "h2s-air",
        [("air", "Hydrogen chloride")] = "hcl-air",
        [("air", "Hydrogen fluoride")] = "hf-air",
        [("air", "NMVOC, non-methane volatile organic compounds, unspecified origin")] = "nmvoc-air",
        [("air", "Particulates, < 2.5 um")] = "pm25-air",
        [("air", "Particulate matter, ≤ 2.5μm")] = "pm25-air",
        [("air", "Particulates, > 2.5 um, and < 10um")] = "pm25-10-air",
        [("water", "Ammonia")] = "nh3-water",
        [("water", "Nitrate")] = "nitrate-water",
        [("water", "Phosphorus")] = "phosphorus-water",
    };

    /// <summary>The compartment of a database flow from its category path, or null when the path names none Cradle knows.</summary>
    public static string? Compartment(BackgroundFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        foreach (var segment in flow.CategoryPath.Select(s => s.Trim().ToUpperInvariant()))
        {
            switch (segment)
            {
                case "EMISSION TO AIR" or "EMISSIONS TO AIR" or "AIR":
                    return "air";
                case "EMISSION TO WATER" or "EMISSIONS TO WATER" or "WATER":
                    return "water";
                case "EMISSION TO SOIL" or "EMISSIONS TO SOIL" or "SOIL":
                    return "soil";
                case "AGGREGATED":
                    return "aggregated";
                case var s when s.StartsWith("RESOURCE", StringComparison.Ordinal):
                    return "resource";
            }
        }
        return null;
    }

    /// <summary>
    /// The catalog flow <paramref name="flow"/> is, or null with <paramref name="why"/> saying why not (no such name in
    /// its compartment, or a unit of another kind than the catalog flow's).
    /// </summary>
    public static MatchedFlow? Match(BackgroundDatabase database, BackgroundFlow flow, IReadOnlyList<ElementaryFlow> catalogFlows, out string? why)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(catalogFlows);
        var compartment = Compartment(flow);
        var name = flow.Name.Trim();
        var target = catalogFlows.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase) && Same(c.Compartment, compartment))
            ?? (compartment is not null && Aliases.TryGetValue((compartment, name), out var id) ? catalogFlows.FirstOrDefault(c => c.Id == id) : null);
        if (target is null)
        {
            why = compartment is null ? "its category path names no compartment Cradle knows" : $"no catalog flow of that name in {compartment}";
            return null;
        }
        var unitName = ReferenceUnitName(database, flow);
        var unit = unitName is null ? null : UnitParser.TryParse(unitName, out _);
        if (unit is null || unit.Dimension != target.Unit.Dimension)
        {
            why = $"its reference unit '{unitName ?? "(none)"}' is not a unit of the catalog flow's kind ({target.Unit.Symbol})";
            return null;
        }
        why = null;
        return new MatchedFlow(target.Id, unit.FactorToBase / target.Unit.FactorToBase);
    }

    /// <summary>The name of the flow's reference unit (through its reference flow property's unit group), or null.</summary>
    public static string? ReferenceUnitName(BackgroundDatabase database, BackgroundFlow flow)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(flow);
        return flow.ReferenceProperty is { } p && database.FlowProperties.TryGetValue(p.FlowPropertyId, out var property)
            && database.UnitGroups.TryGetValue(property.UnitGroupId, out var group) ? group.ReferenceUnit?.Name : null;
    }

    // The catalog's compartments are "air", "water", "resource", "aggregated"; a Cradle export writes them as they are.
    private static bool Same(string catalog, string? database) =>
        database is not null && (string.Equals(catalog, database, StringComparison.OrdinalIgnoreCase)
            || catalog.StartsWith(database, StringComparison.OrdinalIgnoreCase));
}
