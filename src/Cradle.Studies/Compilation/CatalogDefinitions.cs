using System.Globalization;
using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Catalog.Production;
using Cradle.Core.Parameters;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Turns catalog entries into the definitions a study would have written inline, so that a study can say
/// <c>device: nvidia-h100-sxm5-80gb</c>, <c>grid: de</c> or <c>site: aws-us-east-1</c>. Every value is the catalog's
/// default estimate, declared, cited by its bibliography key; the keys used are collected for the results. An
/// accelerator's embodied gwp100, adpe and primary-energy that the catalog lacks are modelled by the production model
/// (<see cref="CatalogProduction"/>), or all three come from the estimator a device names.
/// </summary>
internal sealed class CatalogDefinitions
{
    /// <summary>Precisions tried, in order, for a device's peak compute (training usually runs in bf16 or fp16).</summary>
    private static readonly string[] Precisions = ["bf16", "fp16", "tf32", "fp32"];

    private readonly ReferenceCatalog _catalog;
    private readonly CatalogProduction _production;

    public CatalogDefinitions(ReferenceCatalog catalog)
    {
        _catalog = catalog;
        _production = new CatalogProduction(catalog);
    }

    /// <summary>Every value taken from the catalog, with the bibliography keys it rests on; those that become parameters are the figures used.</summary>
    public Dictionary<Datum, IReadOnlyList<string>> Created { get; } = [];

    /// <summary>Catalog entry ids used.</summary>
    public List<string> EntriesUsed { get; } = [];

    public ReferenceCatalog Catalog => _catalog;

    /// <summary>
    /// The catalog device <paramref name="idOrName"/>, or null. With no <paramref name="estimator"/>, an accelerator's
    /// embodied figures are the catalog's, and those of gwp100, adpe and primary-energy it lacks are modelled; with one
    /// (a name <see cref="CheckEstimator"/> accepted), those three are what that estimator gives ("catalog": the
    /// catalog's figures alone). Indicators left without a figure carry the reason in <see cref="DeviceDefinition.EmbodiedGaps"/>.
    /// </summary>
    public DeviceDefinition? Device(string idOrName, SourceLocation at, string? estimator = null)
    {
        if (_catalog.Find(idOrName, Cradle.Catalog.Model.CatalogKinds.Devices) is not { } entry)
        {
            return null;
        }
        Use(entry);
        var peak = Precisions.Select(p => entry.Figure($"peak_compute.{p}")).FirstOrDefault(f => f is not null);
        var embodied = PerIndicator(entry, "embodied.", at);
        var gaps = new Dictionary<string, string>(StringComparer.Ordinal);
        if (CatalogProduction.Covers(entry))
        {
            Estimated(entry, estimator, at, embodied, gaps);
        }
        return new DeviceDefinition(entry.Id, entry.Name, Datum(entry.Figure("power"), at), Datum(peak, at),
            embodied, PerIndicator(entry, "end_of_life.", at), at) { EmbodiedGaps = gaps };
    }

    /// <summary>
    /// The indicators a catalog device has embodied figures for once the production model fills the catalog's gaps,
    /// without using the entry (for choosing the indicators a study assesses).
    /// </summary>
    public IEnumerable<string> EmbodiedIndicators(CatalogEntry entry)
    {
        var catalogued = entry.Figures.Keys.Where(k => k.StartsWith("embodied.", StringComparison.Ordinal)).Select(k => k["embodied.".Length..]);
        return CatalogProduction.Covers(entry) ? catalogued.Concat(CatalogProduction.IndicatorsOf(_production.Result(entry, CatalogProduction.GapEstimator))) : catalogued;
    }

    /// <summary>
    /// The estimator an inline device names, when it can be used: a known name, on a device whose base is a catalog
    /// accelerator the estimator can estimate. Otherwise an error at the name (unknown-estimator, with every valid name,
    /// closest first; missing-field without a base; cannot-estimate with the reason) and null.
    /// </summary>
    public string? CheckEstimator(DeviceDefinition inline, ProblemList problems)
    {
        if (inline.EmbodiedEstimator is not { } chosen)
        {
            return null;
        }
        var (name, location) = chosen;
        var field = $"devices.{inline.Id}.embodied_estimator";
        var names = _production.EstimatorNames;
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            var closest = Core.NameSuggestions.Closest(name, names, names.Count);
            problems.Error("unknown-estimator", location, field,
                $"'{Printable.Escape(name)}' is not a production estimator{Core.NameSuggestions.Hint(name, names)}; the estimators are: {string.Join(", ", closest.Concat(names.Except(closest)))} (docs/production.md).");
            return null;
        }
        if (inline.Base is not { } b)
        {
            problems.Error("missing-field", location, $"devices.{inline.Id}.base",
                "an embodied_estimator needs a 'base': the catalog accelerator whose die area and memory the estimator uses.");
            return null;
        }
        if (_catalog.Find(b.Id, Cradle.Catalog.Model.CatalogKinds.Devices) is not { } entry)
        {
            return null; // the unknown base is reported where the base is merged
        }
        var result = CatalogProduction.Covers(entry) ? _production.Result(entry, name) : null;
        if (result is not { IsEstimated: true })
        {
            problems.Error("cannot-estimate", location, field, result is null
                ? $"'{entry.Id}' is a {entry.Kind}: the production estimators cover accelerators only."
                : $"production estimator '{name}' cannot estimate '{entry.Id}': {result.Reason}.");
            return null;
        }
        return name;
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

    /// <summary>
    /// An inline device with a catalog base: what it states wins, the catalog fills in the rest (with the embodied
    /// figures of <paramref name="estimator"/> when one is named and accepted).
    /// </summary>
    public DeviceDefinition? WithBase(DeviceDefinition inline, string? estimator = null)
    {
        if (inline.Base is not { } b || Device(b.Id, b.Location, estimator) is not { } catalog)
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
            EmbodiedGaps = catalog.EmbodiedGaps.Where(g => !inline.Embodied.ContainsKey(g.Key)).ToDictionary(StringComparer.Ordinal),
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

    /// <summary>
    /// An inline site with a catalog data-centre profile: the PUE and WUE it states win, the profile gives the rest.
    /// Null when the profile is not in the catalog (the caller reports it). A profile without a PUE, for a site that
    /// states none, is an error at the profile's name; one without a WUE is warned and counted as 0 L/kWh.
    /// </summary>
    public SiteDefinition? WithDatacentre(SiteDefinition inline, ProblemList problems)
    {
        if (inline.Datacentre is not { } named)
        {
            return inline;
        }
        if (_catalog.Find(named.Id, [Cradle.Catalog.Model.CatalogKinds.Datacentre]) is not { } entry)
        {
            return null;
        }
        Use(entry);
        var pue = inline.Pue ?? Datum(entry.Figure("pue"), named.Location);
        var wue = inline.Wue ?? Datum(entry.Figure("wue"), named.Location);
        if (pue is null)
        {
            problems.Error("missing-field", named.Location, $"sites.{inline.Id}.pue",
                $"data-centre profile '{entry.Id}' has no PUE in the catalog; state the site's 'pue'.");
        }
        if (wue is null)
        {
            problems.Warning("missing-wue", named.Location, $"sites.{inline.Id}.wue",
                $"data-centre profile '{entry.Id}' has no WUE in the catalog and the site states none: on-site water is counted as 0 L/kWh; state 'wue', even as 0, to silence this.");
            wue = new Datum("0 L/kWh", named.Location, DataOrigin.Declared, Note: $"no WUE in the catalog for {entry.Id}");
        }
        return inline with { Pue = pue, Wue = wue };
    }

    /// <summary>
    /// An inline hardware entry whose node names a catalog server: the node's stated embodied figures and power win,
    /// the server's embodied figures and power besides its accelerators (power.max) fill in the rest. Null when the
    /// server is not in the catalog (the caller reports it).
    /// </summary>
    public HardwareDefinition? WithServer(HardwareDefinition inline)
    {
        if (inline.Server is not { } named)
        {
            return inline;
        }
        if (_catalog.Find(named.Id, [Cradle.Catalog.Model.CatalogKinds.Server]) is not { } entry)
        {
            return null;
        }
        Use(entry);
        return inline with
        {
            NodeEmbodied = Merge(inline.NodeEmbodied, PerIndicator(entry, "embodied.", named.Location)),
            NodePower = inline.NodePower ?? Datum(entry.Figure("power.max"), named.Location),
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

    /// <summary>
    /// Applies the production model to an accelerator's embodied figures: an estimator other than the catalog's own
    /// replaces gwp100, adpe and primary-energy; figures still missing are taken from the estimate where it gives
    /// them, else recorded as gaps with the reason.
    /// </summary>
    private void Estimated(CatalogEntry entry, string? estimator, SourceLocation at, Dictionary<string, Datum> embodied, Dictionary<string, string> gaps)
    {
        var result = _production.Result(entry, estimator ?? CatalogProduction.GapEstimator);
        // "catalog" (named, or chosen by "best") means the catalog's figures as they are, with their own uncertainty.
        var fromCatalog = result.Estimator == "catalog";
        if (estimator is not null && !fromCatalog)
        {
            foreach (var indicator in CatalogProduction.Indicators)
            {
                embodied.Remove(indicator);
            }
        }
        var figures = result.Estimate is { } estimate && !fromCatalog
            ? _production.Figures(entry, estimate, at, CatalogOf(entry.Location)).ToDictionary(f => f.Indicator, f => f.Datum, StringComparer.Ordinal)
            : [];
        foreach (var indicator in CatalogProduction.Indicators.Where(i => !embodied.ContainsKey(i)))
        {
            if (figures.TryGetValue(indicator, out var datum))
            {
                embodied[indicator] = datum;
                Created[datum] = CatalogProduction.SourceKeys(result.Estimate!);
            }
            else
            {
                gaps[indicator] = CatalogProduction.Gap(result, indicator, estimator);
            }
        }
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
        Created[datum] = [estimate.Source];
        return datum;
    }

    /// <summary>Where a figure comes from: a user's catalog file (e.g. from --catalog) or the shipped catalog.</summary>
    private string CatalogOf(Estimate estimate) => CatalogOf(estimate.Location);

    private string CatalogOf(SourceLocation location) =>
        _catalog.UserFiles.Contains(location.File) ? $"catalog file {location.File}" : $"catalog {ReferenceCatalog.ShippedVersion}";

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
