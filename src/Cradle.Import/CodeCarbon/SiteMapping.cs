using Cradle.Catalog;
using Cradle.Catalog.Model;

namespace Cradle.Import.CodeCarbon;

/// <summary>A row's catalog site, or null with why none was taken.</summary>
/// <param name="SiteId">A catalog cloud region or grid id; null when the row's location maps to none.</param>
/// <param name="Note">Why the site is what it is (or null), for the import summary.</param>
internal sealed record SiteMapping(string? SiteId, string? Note)
{
    // CodeCarbon's provider names (cloud_provider) and the prefixes of the catalog's cloud-region ids.
    private static readonly Dictionary<string, string> Providers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gcp"] = "gcp", ["aws"] = "aws", ["azure"] = "azure",
    };

    /// <summary>
    /// A cloud row (<c>on_cloud</c> Y) maps to the catalog's cloud region <c>provider-region</c>; any other row to its
    /// country's grid by <c>country_iso_code</c>. The sub-national <c>region</c> is not mapped (a US state or a Canadian
    /// province name is not an eGRID subregion). Rows at CodeCarbon's geolocation fallback (Canada, Quebec, 46.8 N
    /// 71.2 W, written when the IP lookup fails) get no site: the machine may have been anywhere.
    /// </summary>
    public static SiteMapping Of(CodeCarbonRecord record, ReferenceCatalog catalog)
    {
        var row = record.Row;
        if (string.Equals(row.Text(CodeCarbonColumns.OnCloud), "Y", StringComparison.OrdinalIgnoreCase)
            && row.Text(CodeCarbonColumns.CloudProvider) is { } provider && row.Text(CodeCarbonColumns.CloudRegion) is { } region)
        {
            var id = Providers.TryGetValue(provider, out var prefix) ? $"{prefix}-{region.ToLowerInvariant()}" : null;
            return id is not null && catalog.Find(id, [CatalogKinds.CloudRegion]) is { } cloud
                ? new SiteMapping(cloud.Id, null)
                : new SiteMapping(null, $"cloud {provider} {region} is not a cloud region of the catalog: no site (pass --site)");
        }

        if (row.Text(CodeCarbonColumns.CountryIsoCode) is not { } iso)
        {
            return new SiteMapping(null, "no country_iso_code: no site (pass --site)");
        }

        if (IsGeolocationFallback(row))
        {
            return new SiteMapping(null, "Canada/Quebec at 46.8, -71.2 is CodeCarbon's fallback when geolocation fails: no site (pass --site)");
        }

        var grid = catalog.List(CatalogKinds.Grid)
            .FirstOrDefault(e => e.Attributes.TryGetValue("iso3", out var code) && string.Equals(code, iso, StringComparison.OrdinalIgnoreCase));
        return grid is not null
            ? new SiteMapping(grid.Id, null)
            : new SiteMapping(null, $"country {iso} is not a grid of the catalog: no site (pass --site)");
    }

    private static bool IsGeolocationFallback(CodeCarbonRow row) =>
        string.Equals(row.Text(CodeCarbonColumns.CountryIsoCode), "CAN", StringComparison.OrdinalIgnoreCase)
        && string.Equals(row.Text(CodeCarbonColumns.Region), "quebec", StringComparison.OrdinalIgnoreCase)
        && row.Text(CodeCarbonColumns.Latitude) is null or "46.8"
        && row.Text(CodeCarbonColumns.Longitude) is null or "-71.2";
}
