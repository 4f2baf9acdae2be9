using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Finds what a study refers to by id: its own devices, grids, sites, stages and hardware, or else the catalog's
/// devices, grids and cloud regions (each catalog entry turned into a definition once). An id found nowhere is an
/// error at the reference with the closest names, and null.
/// </summary>
internal sealed class DefinitionLookup(StudyDefinition study, CatalogDefinitions catalog, ProblemList problems)
{
    private readonly Dictionary<string, GridDefinition> _catalogGrids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SiteDefinition> _catalogSites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeviceDefinition> _catalogDevices = new(StringComparer.Ordinal);

    /// <summary>The item of <paramref name="items"/> with id <paramref name="wanted"/>, or an unknown-… error and null.</summary>
    public T? Lookup<T>(IReadOnlyList<T> items, Func<T, string> id, string wanted, string kind, SourceLocation location, string field)
        where T : class
    {
        var found = items.FirstOrDefault(i => id(i) == wanted);
        if (found is null)
        {
            var defined = items.Count == 0 ? $" No {kind} is defined: add a '{kind}' section." : "";
            problems.Error($"unknown-{SingularOf(kind)}", location, field,
                $"'{wanted}' is not a defined {SingularOf(kind)}{Core.NameSuggestions.Hint(wanted, items.Select(id))}.{defined}");
        }
        return found;
    }

    /// <summary>A device defined in the study, or else the catalog's (by id, name or alias).</summary>
    /// <param name="id">The id as the study writes it.</param>
    /// <param name="location">Where it is written.</param>
    /// <param name="field">The field path, for errors.</param>
    /// <param name="firstCatalogUse">True when the device came from the catalog for the first time.</param>
    public DeviceDefinition? Device(string id, SourceLocation location, string field, out bool firstCatalogUse)
    {
        firstCatalogUse = false;
        if (study.Devices.FirstOrDefault(d => d.Id == id) is { } inline)
        {
            return inline;
        }
        if (!_catalogDevices.TryGetValue(id, out var device) && catalog.Device(id, location) is { } fromCatalog)
        {
            device = _catalogDevices[id] = fromCatalog;
            firstCatalogUse = true;
        }
        return device ?? NotFound<DeviceDefinition>(id, "device", study.Devices.Select(d => d.Id), Cradle.Catalog.Model.CatalogKinds.Devices, location, field);
    }

    /// <summary>A grid defined in the study, or a catalog grid (a country, an eGRID subregion), or a cloud region's.</summary>
    public GridDefinition? Grid(string id, SourceLocation location, string field)
    {
        if (study.Grids.FirstOrDefault(g => g.Id == id) is { } inline)
        {
            return inline;
        }
        if (!_catalogGrids.TryGetValue(id, out var grid) && catalog.Grid(id, location) is { } fromCatalog)
        {
            grid = _catalogGrids[id] = fromCatalog;
        }
        return grid ?? NotFound<GridDefinition>(id, "grid", study.Grids.Select(g => g.Id), [Cradle.Catalog.Model.CatalogKinds.Grid], location, field);
    }

    /// <summary>A site defined in the study, or a catalog cloud region with its grid and provider PUE and WUE.</summary>
    public SiteDefinition? Site(string id, SourceLocation location, string field)
    {
        if (study.Sites.FirstOrDefault(s => s.Id == id) is { } inline)
        {
            return inline;
        }
        if (!_catalogSites.TryGetValue(id, out var site) && catalog.Site(id, location) is var (fromCatalog, grid))
        {
            site = _catalogSites[id] = fromCatalog;
            _catalogGrids[grid.Id] = grid;
        }
        return site ?? NotFound<SiteDefinition>(id, "site", study.Sites.Select(s => s.Id), [Cradle.Catalog.Model.CatalogKinds.CloudRegion], location, field);
    }

    private T? NotFound<T>(string id, string kind, IEnumerable<string> inline, IReadOnlyCollection<string> catalogKinds, SourceLocation location, string field)
        where T : class
    {
        var candidates = inline.Concat(catalog.Catalog.Suggest(id, catalogKinds)).ToList();
        problems.Error($"unknown-{kind}", location, field,
            $"'{id}' is neither a {kind} of the study nor one of the catalog ({string.Join("/", catalogKinds)}){Core.NameSuggestions.Hint(id, candidates)}; `cradle catalog search` lists the catalog's.");
        return null;
    }

    private static string SingularOf(string kind) => kind switch
    {
        "devices" => "device",
        "grids" => "grid",
        "sites" => "site",
        "stages" => "stage",
        _ => kind,
    };
}
