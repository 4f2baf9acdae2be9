using Cradle.Catalog;
using Cradle.Interchange.Reading;

namespace Cradle.Interchange.Background;

/// <summary>A characterised inventory: the score, and which elementary flows counted and which had no factor.</summary>
/// <param name="MethodId">The catalog method, e.g. "ipcc-ar6-gwp100".</param>
/// <param name="Unit">The indicator unit.</param>
/// <param name="Score">Σ factor × net amount over the mapped flows.</param>
/// <param name="Mapped">Background flow id → (catalog flow id, factor).</param>
/// <param name="Unmapped">Elementary flows of the inventory with no factor (they count nothing; listed, not hidden).</param>
public sealed record CharacterisedInventory(
    string MethodId, string Unit, double Score, IReadOnlyDictionary<string, (string CatalogFlow, double Factor)> Mapped, IReadOnlyList<string> Unmapped);

/// <summary>
/// Characterises a background inventory with a method of Cradle's catalog, mapping the package's elementary flows to the
/// catalog's by name and compartment (emission to air). Only exact names are mapped; "Carbon dioxide" with no origin is
/// fossil, as in openLCA's reference data and the US Federal LCA Commons elementary flow list, where biogenic CO2 is a
/// separate flow ("Carbon dioxide, biogenic").
/// </summary>
public static class CatalogClimateMapping
{
    private static readonly Dictionary<string, string> AirFlowByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Carbon dioxide"] = "co2-fossil-air",
        ["Carbon dioxide, fossil"] = "co2-fossil-air",
        ["Methane"] = "ch4-air",
        ["Methane, fossil"] = "ch4-fossil-air",
        ["Methane, biogenic"] = "ch4-non-fossil-air",
        ["Methane, non-fossil"] = "ch4-non-fossil-air",
        ["Dinitrogen monoxide"] = "n2o-air",
        ["Nitrous oxide"] = "n2o-air",
    };

    /// <summary>Characterises <paramref name="inventory"/> with the catalog method's first category (e.g. GWP100).</summary>
    public static CharacterisedInventory Characterise(BackgroundDatabase database, BackgroundInventory inventory, ReferenceCatalog catalog, string methodId)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(catalog);
        var category = (catalog.Method(methodId) ?? throw new ArgumentException($"The catalog has no method '{methodId}'.", nameof(methodId))).Method.Categories[0];
        var mapped = new Dictionary<string, (string, double)>(StringComparer.Ordinal);
        var unmapped = new List<string>();
        var score = 0.0;
        foreach (var (flowId, amount) in inventory.Flows)
        {
            var flow = database.Flows[flowId];
            var toAir = flow.CategoryPath.Any(c => c.Equals("Emission to air", StringComparison.OrdinalIgnoreCase) || c.Equals("air", StringComparison.OrdinalIgnoreCase));
            if (toAir && AirFlowByName.TryGetValue(flow.Name, out var catalogFlow) && category.Factors.TryGetValue(catalogFlow, out var factor)
                && database.FlowProperties.TryGetValue(flow.ReferenceProperty?.FlowPropertyId ?? "", out var property)
                && database.UnitGroups.TryGetValue(property.UnitGroupId, out var group) && group.ReferenceUnit?.Name == "kg")
            {
                mapped[flowId] = (catalogFlow, factor);
                score += factor * amount;
            }
            else
            {
                unmapped.Add(flowId);
            }
        }
        return new CharacterisedInventory(methodId, category.Unit.Symbol, score, mapped, unmapped);
    }
}
