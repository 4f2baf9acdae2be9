using Cradle.Studies.Definition;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Studies.Reading;

/// <summary>Reads grids and sites.</summary>
internal static class SiteReader
{
    private static readonly string[] Bases = ["direct", "life-cycle"];

    public static IReadOnlyList<GridDefinition> ReadGrids(MappingReader study, List<BackgroundLinkDefinition> links)
    {
        var grids = new List<GridDefinition>();
        foreach (var (id, location, node) in study.EntryMappings("grids", "the grid's fields"))
        {
            var g = new MappingReader(node, $"grids.{id}", study.File, study.Problems, ["name", "base", "basis", "per_kwh", "market_based", "residual_mix", "emissions", "source"], "a grid");
            if (!g.Has("base"))
            {
                // A grid based on a catalog grid takes the catalog's figures and basis for what it does not state.
                g.Require("per_kwh", "impacts per kWh by indicator, e.g. 'gwp100: 0.332 kg CO2e/kWh'");
                g.Require("basis", "'direct' (combustion only) or 'life-cycle' (with upstream chains): the two must never be mixed silently");
            }
            grids.Add(new GridDefinition(id, g.Text("name"), g.Choice("basis", Bases), DatumReader.ReadIndicators(g, "per_kwh", g.Text("source"), new BackgroundLinkSite(links, BackgroundLinkTarget.GridPerKilowattHour, id)), location)
            {
                Base = g.Text("base") is { } baseId ? (baseId, g.LocationOf("base")) : null,
                Emissions = DatumReader.ReadIndicators(g, "emissions", g.Text("source")),
                MarketBased = ReadCarbonFactors(g, "market_based"),
                ResidualMix = ReadCarbonFactors(g, "residual_mix"),
            });
        }
        return grids;
    }

    public static IReadOnlyList<SiteDefinition> ReadSites(MappingReader study)
    {
        var sites = new List<SiteDefinition>();
        foreach (var (id, location, node) in study.EntryMappings("sites", "the site's fields"))
        {
            var s = new MappingReader(node, $"sites.{id}", study.File, study.Problems, ["name", "grid", "datacentre", "pue", "wue", "offsite_water", "market_based", "source"], "a site");
            var source = s.Text("source");
            var datacentre = s.Text("datacentre");
            s.Require("grid", "the grid id");
            if (datacentre is null)
            {
                // A site naming a data-centre profile takes its PUE and WUE from the catalog for what it does not state.
                s.Require("pue", "power usage effectiveness (facility ÷ IT energy), e.g. 1.2, or a catalog 'datacentre' profile that gives it");
                if (!s.Has("wue"))
                {
                    study.Problems.Warning("missing-wue", location, $"sites.{id}.wue",
                        "on-site water use (WUE) is not stated and is counted as 0 L/kWh; state it, even as 0, to silence this.");
                }
            }
            var grid = s.Text("grid");
            var pue = DatumReader.Read(s, "pue", source);
            if (grid is null || (pue is null && datacentre is null))
            {
                continue;
            }
            var wue = DatumReader.Read(s, "wue", source);
            if (wue is null && datacentre is null)
            {
                wue = new Datum("0 L/kWh", s.Location, Core.Parameters.DataOrigin.Declared, Note: "default: no on-site water use stated");
            }
            sites.Add(new SiteDefinition(id, s.Text("name"), grid, s.LocationOf("grid"), pue, wue, DatumReader.Read(s, "offsite_water", source), location)
            {
                Datacentre = datacentre is null ? null : (datacentre, s.LocationOf("datacentre")),
                MarketBased = ReadCarbonFactors(s, "market_based"),
            });
        }
        return sites;
    }

    /// <summary>
    /// Carbon factors on one basis (market_based, residual_mix): indicator id → figure per kWh, with an optional
    /// <c>source</c> of their own (the contract or the residual-mix publication), else the grid's or site's source.
    /// Only greenhouse-gas indicators have a market basis; any other key is an error naming the valid ones.
    /// </summary>
    private static Dictionary<string, Datum> ReadCarbonFactors(MappingReader parent, string key)
    {
        var result = new Dictionary<string, Datum>(StringComparer.Ordinal);
        if (parent.Mapping(key) is not { } node)
        {
            return result;
        }
        var path = MappingReader.Join(parent.Path, key);
        var keys = CarbonBasis.Indicators.Append("source").ToList();
        var factors = new MappingReader(node, path, parent.File, parent.Problems, keys, "carbon factors per kWh");
        var source = factors.Text("source") ?? parent.Text("source");
        foreach (var id in CarbonBasis.Indicators.Where(factors.Has))
        {
            if (DatumReader.Read(factors, id, source) is { } datum)
            {
                result[id] = datum;
            }
        }
        return result;
    }
}
