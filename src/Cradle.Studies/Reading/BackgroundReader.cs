using Cradle.Studies.Definition;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Studies.Reading;

/// <summary>Where a mapping of indicator figures may take them from a background database, and whose figures they are.</summary>
/// <param name="Links">The study's links, added to as they are read.</param>
/// <param name="Target">What the figures are.</param>
/// <param name="OwnerId">The grid, device or stage.</param>
internal sealed record BackgroundLinkSite(List<BackgroundLinkDefinition> Links, BackgroundLinkTarget Target, string OwnerId);

/// <summary>
/// Reads the <c>background:</c> section (the databases a study links to) and the links themselves: a mapping of
/// indicator figures that has <c>from_background</c> takes the figures it does not state from a provider of that
/// database. The link is only recorded here; <see cref="Background.BackgroundLinker"/> resolves it once the catalog's
/// indicators are known.
/// </summary>
internal static class BackgroundReader
{
    /// <summary>The keys of a link, beside the indicator figures stated with it.</summary>
    public static IReadOnlyList<string> LinkKeys { get; } = ["from_background", "process", "product_system", "amount", "note", "uncertainty"];

    /// <summary>The databases of <c>background:</c>.</summary>
    public static IReadOnlyList<BackgroundDatabaseDefinition> ReadDatabases(MappingReader study)
    {
        var databases = new List<BackgroundDatabaseDefinition>();
        foreach (var (id, location, node) in study.EntryMappings("background", "the background database's fields"))
        {
            var b = new MappingReader(node, $"background.{id}", study.File, study.Problems, ["file", "store", "name", "version", "monte_carlo", "draws"], "a background database");
            var (hasFile, hasStore) = (b.Has("file"), b.Has("store"));
            if (hasFile && hasStore)
            {
                b.Problems.Error("background-file-and-store", b.LocationOf("store"), $"background.{id}.store",
                    "give either 'file' (a package or background file next to the study) or 'store' (a background database kept in the run store), not both.");
                continue;
            }
            if (!hasStore)
            {
                b.Require("file", "the openLCA JSON-LD package (zip or folder) or the file 'cradle import openlca-jsonld … -o' kept, relative to the study; or 'store: NAME', a background database kept in the run store with 'cradle import openlca-jsonld … --store'");
            }
            var monteCarlo = b.Choice("monte_carlo", ["fixed", "sampled"]);
            var draws = b.Number("draws");
            if (draws is not null && (draws != Math.Floor(draws.Value) || draws is < 2 or > 100_000))
            {
                b.Problems.Error("out-of-range", b.LocationOf("draws"), $"background.{id}.draws", "the number of background realisations is a whole number from 2 to 100,000.");
            }
            if (draws is not null && monteCarlo != "sampled")
            {
                b.Problems.Error("draws-without-sampling", b.LocationOf("draws"), $"background.{id}.draws", "'draws' goes with 'monte_carlo: sampled'; a fixed background is solved once.");
            }
            var drawn = draws is { } d && d >= 2 && d <= 100_000 ? (int)d : BackgroundDatabaseDefinition.DefaultDraws;
            if (hasStore)
            {
                if (b.Text("store") is { } store && !string.IsNullOrWhiteSpace(store))
                {
                    databases.Add(new BackgroundDatabaseDefinition(id, null, b.LocationOf("store"), b.Text("name"), b.Text("version"), location)
                    {
                        Store = store,
                        MonteCarlo = monteCarlo,
                        Draws = drawn,
                    });
                }
                else
                {
                    b.Problems.Error("missing-value", b.LocationOf("store"), $"background.{id}.store",
                        "name a background database kept in the run store ('cradle backgrounds list' shows them).");
                }
            }
            else if (b.Text("file") is { } file)
            {
                databases.Add(new BackgroundDatabaseDefinition(id, file, b.LocationOf("file"), b.Text("name"), b.Text("version"), location)
                {
                    MonteCarlo = monteCarlo,
                    Draws = drawn,
                });
            }
        }
        return databases;
    }

    /// <summary>Whether the mapping <paramref name="key"/> of <paramref name="parent"/> is a link.</summary>
    public static bool IsLink(MappingReader parent, string key) =>
        parent.Mapping(key) is { } mapping && mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "from_background");

    /// <summary>
    /// Records the link of mapping <paramref name="key"/> of <paramref name="parent"/>; <paramref name="statedBeside"/>
    /// are the indicators the mapping states itself. Without a <paramref name="site"/> links are not read there: an error.
    /// </summary>
    public static void ReadLink(MappingReader parent, string key, BackgroundLinkSite? site, IReadOnlyList<string> statedBeside)
    {
        var path = MappingReader.Join(parent.Path, key);
        var mapping = parent.Mapping(key)!;
        if (site is null)
        {
            parent.Problems.Error("background-link-not-here", parent.LocationOf(key), $"{path}.from_background",
                "figures are taken from a background database in grids' per_kwh, devices' embodied and end_of_life, and stages' footprint only; state these figures as values.");
            return;
        }
        // The indicator keys beside the link are read as figures by the caller; only the link's own keys are checked here.
        var allowed = mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").Where(k => !LinkKeys.Contains(k)).Concat(LinkKeys).ToList();
        var r = new MappingReader(mapping, path, parent.File, parent.Problems, allowed, "a background link");
        var database = r.Text("from_background");
        var (process, system) = (r.Text("process"), r.Text("product_system"));
        if (process is not null && system is not null)
        {
            r.Problems.Error("background-provider-twice", r.LocationOf("product_system"), $"{path}.product_system",
                "name either a process or a product system of the background database, not both.");
            return;
        }
        if (process is null && system is null)
        {
            r.Problems.Error("missing-field", r.Location, $"{path}.process",
                "this field is required: the background process that provides this (by id or name), or 'product_system' for a product system of the database.");
            return;
        }
        if (string.IsNullOrWhiteSpace(database))
        {
            r.Problems.Error("missing-value", r.LocationOf("from_background"), $"{path}.from_background", "name a database of the study's 'background:' section.");
            return;
        }
        site.Links.Add(new BackgroundLinkDefinition(site.Target, site.OwnerId, path, database, r.LocationOf("from_background"), process, system,
            r.LocationOf(process is null ? "product_system" : "process"), r.Text("amount"), r.Has("amount") ? r.LocationOf("amount") : null, r.Location)
        {
            Note = r.Text("note"),
            Uncertainty = r.Mapping("uncertainty") is { } u ? UncertaintyReader.Read(u, $"{path}.uncertainty", r) : null,
            StatedBeside = statedBeside,
        });
    }
}
