using Cradle.Catalog;
using Cradle.Catalog.Model;

namespace Cradle.Trends.Selection;

/// <summary>
/// Picks the baseline grid from Epoch's "Country (from Organization)" cell: the first named country the catalog knows,
/// skipping "Multinational" (the cell lists one country per organisation, in the organisations' order, so the first
/// is the lead organisation's); when none is known, the world average, labelled as a fallback.
/// </summary>
public sealed class CountryRule(ReferenceCatalog catalog)
{
    /// <summary>The world-average grid's catalog id.</summary>
    public const string WorldGridId = "world";

    private static readonly string[] GridKinds = [CatalogKinds.Grid];

    /// <summary>The baseline location for a country cell (null or empty means not given).</summary>
    public BaselineLocation Locate(string? countries)
    {
        var names = (countries ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var named = names.Where(n => !n.Equals("Multinational", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var name in named)
        {
            if (catalog.Find(name, GridKinds) is { } grid)
            {
                var several = named.Distinct(StringComparer.Ordinal).Count() > 1 ? $" (first of {named.Distinct(StringComparer.Ordinal).Count()} countries named)" : "";
                return new BaselineLocation(grid.Id, $"organisation's country (proxy): {grid.Name}{several}", false);
            }
        }
        var why = names.Length == 0 ? "no country given"
            : named.Count == 0 ? "only 'Multinational' given"
            : $"no catalog grid for {string.Join(", ", named.Distinct(StringComparer.Ordinal).Select(n => $"'{n}'"))}";
        return new BaselineLocation(WorldGridId, $"world average (fallback): {why}", true);
    }
}
