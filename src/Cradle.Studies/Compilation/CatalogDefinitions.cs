using System.Globalization;
using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Core.Parameters;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Turns catalog entries into the definitions a study would have written inline, so that a study can say
/// <c>device: nvidia-h100-sxm5-80gb</c>, <c>grid: de</c> or <c>site: aws-us-east-1</c>. Every value is the catalog's
/// default estimate, declared, cited by its bibliography key; the keys used are collected for the results.
/// </summary>
internal sealed class CatalogDefinitions
{
    /// <summary>Precisions tried, in order, for a device's peak compute (training usually runs in bf16 or fp16).</summary>
    private static readonly string[] Precisions = ["bf16", "fp16", "tf32", "fp32"];

    private readonly ReferenceCatalog _catalog;

    public CatalogDefinitions(ReferenceCatalog catalog) => _catalog = catalog;

    /// <summary>Every value taken from the catalog; those that become parameters are the figures used.</summary>
    public HashSet<Datum> Created { get; } = [];

    /// <summary>Catalog entry ids used.</summary>
    public List<string> EntriesUsed { get; } = [];

    public ReferenceCatalog Catalog => _catalog;

    public DeviceDefinition? Device(string idOrName, SourceLocation at)
    {
        if (_catalog.Find(idOrName, Cradle.Catalog.Model.CatalogKinds.Devices) is not { } entry)
        {
            return null;
        }
        Use(entry);
        var peak = Precisions.Select(p => entry.Figure($"peak_compute.{p}")).FirstOrDefault(f => f is not null);
        return new DeviceDefinition(entry.Id, entry.Name, Datum(entry.Figure("power"), at), Datum(peak, at),
            PerIndicator(entry, "embodied.", at), PerIndicator(entry, "end_of_life.", at), at);
    }

    public GridDefinition? Grid(string idOrName, SourceLocation at)
    {
        if (_catalog.Find(idOrName, [Cradle.Catalog.Model.CatalogKinds.Grid]) is not { } entry)
        {
            return null;
        }
        Use(entry);
        return GridOf(entry, entry.Id, at, null);
    }

    /// <summary>
    /// A cloud region as a site: its grid (the region's own carbon figure when the provider publishes one, else the
    /// grid it refers to), and PUE and WUE from the region or, failing that, its provider's fleet.
    /// </summary>
    public (SiteDefinition Site, GridDefinition Grid)? Site(string idOrName, SourceLocation at)
    {
        if (_catalog.Find(idOrName, [Cradle.Catalog.Model.CatalogKinds.CloudRegion]) is not { } region)
        {
            return null;
        }
        Use(region);
        var grid = region.Refs.TryGetValue("grid", out var gridId) ? _catalog.Find(gridId) : null;
        var datacentre = region.Refs.TryGetValue("datacentre", out var dcId) ? _catalog.Find(dcId) : null;
        if (grid is not null)
        {
            Use(grid);
        }
        if (datacentre is not null)
        {
            Use(datacentre);
        }
        var gridDefinition = grid is null ? GridOf(region, $"{region.Id}-grid", at, null) : GridOf(grid, $"{region.Id}-grid", at, region);
        var pue = Datum(region.Figure("pue") ?? datacentre?.Figure("pue"), at);
        var wue = Datum(region.Figure("wue") ?? datacentre?.Figure("wue"), at);
        if (pue is null)
        {
            return null;
        }
        var site = new SiteDefinition(region.Id, region.Name, gridDefinition.Id, at, pue,
            wue ?? new Datum("0 L/kWh", at, DataOrigin.Declared, Note: "no WUE in the catalog for this region or its provider"), null, at);
        return (site, gridDefinition);
    }

    /// <summary>An inline device with a catalog base: what it states wins, the catalog fills in the rest.</summary>
    public DeviceDefinition? WithBase(DeviceDefinition inline)
    {
        if (inline.Base is not { } b || Device(b.Id, b.Location) is not { } catalog)
        {
            return inline.Base is null ? inline : null;
        }
        return inline with
        {
            Name = inline.Name ?? catalog.Name,
            Power = inline.Power ?? catalog.Power,
            PeakCompute = inline.PeakCompute ?? catalog.PeakCompute,
            Embodied = Merge(inline.Embodied, catalog.Embodied),
            EndOfLife = Merge(inline.EndOfLife, catalog.EndOfLife),
        };
    }

    /// <summary>An inline grid with a catalog base: what it states wins, the catalog fills in the rest.</summary>
    public GridDefinition? WithBase(GridDefinition inline)
    {
        if (inline.Base is not { } b || Grid(b.Id, b.Location) is not { } catalog)
        {
            return inline.Base is null ? inline : null;
        }
        return inline with
        {
            Name = inline.Name ?? catalog.Name,
            Basis = inline.Basis ?? catalog.Basis,
            PerKilowattHour = Merge(inline.PerKilowattHour, catalog.PerKilowattHour),
            Emissions = Merge(inline.Emissions, catalog.Emissions),
        };
    }

    private static Dictionary<string, Datum> Merge(IReadOnlyDictionary<string, Datum> stated, IReadOnlyDictionary<string, Datum> fromCatalog)
    {
        var merged = new Dictionary<string, Datum>(fromCatalog, StringComparer.Ordinal);
        foreach (var (key, value) in stated)
        {
            merged[key] = value;
        }
        return merged;
    }

    private GridDefinition GridOf(CatalogEntry grid, string id, SourceLocation at, CatalogEntry? regionOverride)
    {
        var figures = new Dictionary<string, Datum>(StringComparer.Ordinal);
        foreach (var name in new[] { "gwp100", "water", "primary-energy", "adpe" })
        {
            var figure = regionOverride?.Figure(name) ?? grid.Figure(name);
            if (Datum(figure, at) is { } datum)
            {
                figures[name] = datum;
            }
        }
        var basis = (regionOverride?.Figure("gwp100") ?? grid.Figure("gwp100"))?.Default.Basis;
        var emissions = IndicatorSet.Pollutants
            .Select(p => (Pollutant: p, Datum: Datum(grid.Figure($"emissions.{p}"), at)))
            .Where(x => x.Datum is not null)
            .ToDictionary(x => x.Pollutant, x => x.Datum!, StringComparer.Ordinal);
        return new GridDefinition(id, regionOverride is null ? grid.Name : $"{grid.Name} ({regionOverride.Name})", basis, figures, at) { Emissions = emissions };
    }

    private Dictionary<string, Datum> PerIndicator(CatalogEntry entry, string prefix, SourceLocation at) =>
        entry.Figures.Values.Where(f => f.Name.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Name[prefix.Length..], f => Datum(f, at)!, StringComparer.Ordinal);

    private Datum? Datum(Figure? figure, SourceLocation at)
    {
        if (figure is null)
        {
            return null;
        }
        var estimate = figure.Default;
        var unit = estimate.Value.Unit.Dimension.IsDimensionless && estimate.Value.Unit.FactorToBase == 1 ? "" : $" {estimate.Value.Unit.Symbol}";
        var value = string.Create(CultureInfo.InvariantCulture, $"{estimate.Value.Value:R}{unit}");
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{CatalogOf(estimate)}; {estimate.Year}; uncertainty {figure.Uncertainty}{(figure.Estimates.Count > 1 ? $"; {figure.Estimates.Count} estimates" : "")}");
        var datum = new Datum(value, at, DataOrigin.Declared, estimate.Source, note) { Uncertainty = UncertaintyOf(figure, at) };
        Created.Add(datum);
        return datum;
    }

    /// <summary>Where a figure comes from: a user's catalog file (e.g. from --catalog) or the shipped catalog.</summary>
    private string CatalogOf(Estimate estimate) =>
        _catalog.UserFiles.Contains(estimate.Location.File) ? $"catalog file {estimate.Location.File}" : $"catalog {ReferenceCatalog.ShippedVersion}";

    /// <summary>The catalog's uncertainty as a study would state it; the spread of the estimates becomes a triangular.</summary>
    private static UncertaintyDefinition? UncertaintyOf(Figure figure, SourceLocation at)
    {
        var u = figure.Uncertainty;
        if (figure.Default.Value.Value <= 0)
        {
            return null; // a zero (no water used on site) is stated as exact; relative spreads around it mean nothing
        }
        return u.Distribution switch
        {
            "lognormal" => new UncertaintyDefinition("lognormal", u.GeometricSd, null, null, null, null, null, null, null, at),
            "normal" => new UncertaintyDefinition("normal", null, null, u.RelativeSd, null, null, null, null, null, at),
            "uniform" or "triangular" => new UncertaintyDefinition(u.Distribution, null, null, null, null, null, u.MinFactor, u.MaxFactor, null, at),
            _ => SpreadOf(figure, at),
        };
    }

    private static UncertaintyDefinition SpreadOf(Figure figure, SourceLocation at)
    {
        var (low, high) = figure.Uncertainty.Interval(figure);
        var central = figure.Default.Value.Value;
        return new UncertaintyDefinition("triangular", null, null, null, null, null, low / central, high / central, null, at);
    }

    private void Use(CatalogEntry entry)
    {
        if (!EntriesUsed.Contains(entry.Id))
        {
            EntriesUsed.Add(entry.Id);
        }
    }
}
