using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Core;
using Cradle.Core.Units;
using Cradle.Core.Uncertainty;
using Cradle.Trends.Selection;

namespace Cradle.Trends.Assessment;

/// <summary>
/// Per-kWh factors of the catalog's grids. A grid without a figure (most countries have GWP but no ADPe or PE) takes
/// the world average's, and the label says so.
/// </summary>
internal sealed class GridFactors(ReferenceCatalog catalog)
{
    private static readonly string[] GridKind = [CatalogKinds.Grid];

    /// <summary>The factor of <paramref name="indicator"/> per kWh for <paramref name="gridId"/>, and its label.</summary>
    public (Distribution Factor, string Label) Factor(string gridId, Indicator indicator)
    {
        var grid = Grid(gridId);
        var figureName = indicator.GridFigure()!;
        var unit = UnitParser.Parse($"{indicator.Unit()}/kWh");
        if (grid.Figure(figureName) is { } figure)
        {
            return (CatalogDistributions.Of(figure, unit), $"grid {grid.Id}: {CatalogDistributions.SourceOf(figure)}");
        }
        var world = Grid(CountryRule.WorldGridId).Figure(figureName)
            ?? throw new InvalidOperationException($"the catalog's world grid has no {figureName}; the catalog is incomplete.");
        return (CatalogDistributions.Of(world, unit), $"world average (fallback): no {figureName} for grid {grid.Id}; {CatalogDistributions.SourceOf(world)}");
    }

    /// <summary>The grid with the lowest default GWP per kWh among <paramref name="gridIds"/>.</summary>
    public CatalogEntry LowestCarbon(IReadOnlyList<string> gridIds)
    {
        var unit = UnitParser.Parse("kg CO2 eq/kWh");
        return gridIds.Select(Grid)
            .OrderBy(g => g.Figure("gwp100") is { } f ? f.Default.Value.ConvertTo(unit).Value : double.PositiveInfinity)
            .First();
    }

    /// <summary>The grid entry, or an error listing the closest ids or names.</summary>
    public CatalogEntry Grid(string gridId) =>
        catalog.Find(gridId, GridKind)
        ?? throw new ArgumentException($"'{gridId}' is not a catalog grid; {Closest(Suggest(gridId))}", nameof(gridId));

    // Grid ids are short codes ("se") while people type country names ("swedn"): both are accepted, so both are suggested.
    private IReadOnlyList<string> Suggest(string gridId) =>
        NameSuggestions.Closest(gridId, catalog.List(CatalogKinds.Grid).SelectMany(g => new[] { g.Id, g.Name }), 4);

    // An id far from every grid gets the command that lists them rather than an empty "closest:".
    private static string Closest(IReadOnlyList<string> suggestions) => suggestions.Count > 0
        ? $"closest: {string.Join(", ", suggestions)}."
        : "no catalog grid has a close id; 'cradle catalog list grid' lists them.";
}
