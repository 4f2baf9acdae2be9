using Cradle.Core;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Sites that name a catalog data-centre profile and hardware nodes that name a catalog server, merged with those
/// entries (what the study states wins); a name the catalog lacks is an error at the name, with the closest ids.
/// </summary>
internal static class CatalogProfiles
{
    /// <summary>Sites naming a catalog data-centre profile take its PUE and WUE for what they leave out.</summary>
    public static List<SiteDefinition> Sites(StudyDefinition study, CatalogDefinitions catalog, ProblemList problems)
    {
        var sites = new List<SiteDefinition>();
        foreach (var site in study.Sites)
        {
            if (catalog.WithDatacentre(site, problems) is { } merged)
            {
                sites.Add(merged);
                continue;
            }
            var (id, location) = site.Datacentre!.Value;
            problems.Error("unknown-datacentre", location, $"sites.{site.Id}.datacentre",
                $"'{Printable.Escape(id)}' is not a data-centre profile of the catalog{NameSuggestions.Hint(id, catalog.Catalog.Suggest(id, [Cradle.Catalog.Model.CatalogKinds.Datacentre]))}; 'cradle catalog list datacentre' lists them.");
            sites.Add(site); // kept so that stages naming it are not reported as well; its PUE stays unset
        }
        return sites;
    }

    /// <summary>Hardware whose node names a catalog server takes its embodied figures and power for what the node leaves out.</summary>
    public static List<HardwareDefinition> Hardware(StudyDefinition study, CatalogDefinitions catalog, ProblemList problems)
    {
        var hardware = new List<HardwareDefinition>();
        foreach (var entry in study.Hardware)
        {
            if (catalog.WithServer(entry) is { } merged)
            {
                hardware.Add(merged);
                continue;
            }
            var (id, location) = entry.Server!.Value;
            problems.Error("unknown-server", location, $"hardware.{entry.Id}.node.server",
                $"'{Printable.Escape(id)}' is not a server of the catalog{NameSuggestions.Hint(id, catalog.Catalog.Suggest(id, [Cradle.Catalog.Model.CatalogKinds.Server]))}; 'cradle catalog list server' lists them.");
            hardware.Add(entry);
        }
        return hardware;
    }
}
