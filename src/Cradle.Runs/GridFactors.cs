using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Core.Units;

namespace Cradle.Runs;

/// <summary>The grid factor a run's per-request CO2e and ESS are priced with (<c>cradle runs compare --site</c>,
/// <c>cradle serve</c>'s footprint): a grid's or cloud region's gwp100 from the catalog.</summary>
public static class GridFactors
{
    private static readonly string[] GridKinds = [CatalogKinds.Grid, CatalogKinds.CloudRegion];

    /// <summary>The gwp100 factor of grid or cloud region <paramref name="siteId"/>, in g CO2e/kWh with its source
    /// (key and citation) and year; null when the catalog has no such entry or it has no gwp100, with the closest
    /// grid and region ids in <paramref name="suggestions"/>.</summary>
    public static GridFactor? Resolve(ReferenceCatalog catalog, string siteId, out IReadOnlyList<string> suggestions)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(siteId);
        var entry = catalog.Find(siteId, GridKinds);
        if (entry?.Figure("gwp100")?.Default is not { } estimate)
        {
            suggestions = catalog.Suggest(siteId, GridKinds);
            return null;
        }

        suggestions = [];
        var grams = estimate.Value.ConvertTo(UnitParser.Parse("g CO2e/kWh")).Value;
        var source = catalog.Sources.TryGetValue(estimate.Source, out var s) ? $"{estimate.Source}: {s.Citation()}" : estimate.Source;
        return new GridFactor(entry.Id, grams, source, estimate.Year);
    }
}
