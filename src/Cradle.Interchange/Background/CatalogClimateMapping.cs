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
/// Characterises a background inventory with one method of Cradle's catalog, its flows matched to the catalog's as a
/// study's links match them (<see cref="CatalogFlowMapping"/>: compartment and exact name, with the names openLCA's
/// reference data and the Federal LCA Commons list use; amounts converted to the catalog flow's unit).
/// </summary>
public static class CatalogClimateMapping
{
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
            if (CatalogFlowMapping.Match(database, database.Flows[flowId], catalog.Flows, out _) is { } match
                && category.Factors.TryGetValue(match.CatalogFlow, out var factor))
            {
                mapped[flowId] = (match.CatalogFlow, factor * match.UnitFactor);
                score += factor * match.UnitFactor * amount;
            }
            else
            {
                unmapped.Add(flowId);
            }
        }
        return new CharacterisedInventory(methodId, category.Unit.Symbol, score, mapped, unmapped);
    }
}
