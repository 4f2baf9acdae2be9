using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Chooses the carbon factor of grid electricity on the study's reported basis (location- or market-based, GHG Protocol
/// Scope 2 Guidance 2015) and, where the other basis has a different figure, adds an adjustment flow so the result can
/// show the other basis too, as its own row, from the same energy flows.
/// </summary>
/// <remarks>
/// The market-based factor at a site is, in order: the site's own <c>market_based</c> figure (its contracts), its grid's
/// <c>market_based</c> figure, its grid's <c>residual_mix</c> (the Scope 2 Guidance's factor for consumption no
/// contractual instrument covers), and last the location-based factor (the Guidance's fallback where no residual mix
/// exists), which is always warned about, naming the grid. The other-basis row is the reported row plus, for each kWh,
/// (other factor − reported factor): one adjustment flow per indicator, counted with factor 1 in that row only.
/// </remarks>
internal sealed class CarbonFactors(SystemUnderConstruction system, ParameterCollector parameters, ProblemList problems, string reportedBasis)
{
    private readonly List<(string IndicatorId, GridDefinition Grid, string Message)> _otherRowGaps = [];

    /// <summary>The basis the study reports.</summary>
    public string Basis => reportedBasis;

    /// <summary>The carbon indicators whose other-basis row differs from the reported one somewhere (those rows are shown).</summary>
    public HashSet<string> OtherRows { get; } = new(StringComparer.Ordinal);

    /// <summary>The id of the adjustment flow that turns <paramref name="indicatorId"/>'s reported row into the other basis's.</summary>
    public string AdjustmentFlowId(string indicatorId) => $"electricity-{CarbonBasis.RowId(indicatorId, CarbonBasis.Other(reportedBasis))}-adjustment";

    /// <summary>Whether <paramref name="indicator"/> is a greenhouse-gas category, whose grid factor has a basis.</summary>
    public static bool Applies(Indicator indicator) => CarbonBasis.Indicators.Contains(indicator.Id);

    /// <summary>Adds the grid's market-based and residual-mix figures as parameters (once), so expressions and alternatives can use them.</summary>
    public void EnsureGrid(GridDefinition grid, Indicator indicator)
    {
        Ensure(grid.MarketBased, indicator, "grids", grid.Id, "market_based", "market-based");
        Ensure(grid.ResidualMix, indicator, "grids", grid.Id, "residual_mix", "residual-mix");
    }

    /// <summary>Adds the site's own market-based figure as a parameter (once).</summary>
    public void EnsureSite(SiteDefinition site, Indicator indicator) =>
        Ensure(site.MarketBased, indicator, "sites", site.Id, "market_based", "market-based");

    private void Ensure(IReadOnlyDictionary<string, Datum> figures, Indicator indicator, string kind, string id, string key, string what)
    {
        var name = SystemUnderConstruction.P(kind, id, key, indicator.Id);
        if (figures.TryGetValue(indicator.Id, out var datum) && system.FirstTime(name))
        {
            parameters.Add(name, datum, indicator.Unit.Dimension / Dimension.Energy, $"{indicator.Name} per kWh, {what} ({indicator.Unit.Symbol}/kWh)");
        }
    }

    /// <summary>
    /// The flows of one kWh of <paramref name="grid"/>'s electricity at <paramref name="site"/> for a carbon indicator,
    /// and where its reported factor comes from ("grid x per_kwh", "site y market_based" …). <paramref name="location"/>
    /// is the location-based factor's parameter, or null when the grid has none. Empty flows when neither basis has a figure.
    /// </summary>
    public (List<BiosphereExchange> Flows, string? From) Flows(GridDefinition grid, SiteDefinition site, Indicator indicator, string? location)
    {
        EnsureGrid(grid, indicator);
        EnsureSite(site, indicator);
        var (market, marketFrom) = Market(grid, site, indicator);
        var locationFrom = $"grid {grid.Id} per_kwh";
        string? reported;
        string? reportedFrom;
        string? other;
        if (reportedBasis == CarbonBasis.MarketBased)
        {
            (reported, reportedFrom, other) = (market ?? location, market is null ? locationFrom : marketFrom, location);
            if (market is null && location is not null && system.FirstTime($"market-fallback:{grid.Id}:{site.Id}:{indicator.Id}"))
            {
                problems.Warning("market-based-fallback", grid.Location, $"grids.{grid.Id}.market_based",
                    $"the study reports carbon market-based, but grid '{grid.Id}' (at site '{site.Id}') has no market_based or residual_mix "
                    + $"'{indicator.Id}' figure: its location-based figure is used instead, as the GHG Protocol Scope 2 Guidance allows "
                    + "where no residual mix exists. State the grid's market_based figure (or its residual_mix) to report it on the market basis.");
            }
            if (market is not null && location is null)
            {
                _otherRowGaps.Add((indicator.Id, grid,
                    $"grid '{grid.Id}' has no location-based '{indicator.Id}' figure (per_kwh): the {CarbonBasis.RowId(indicator.Id, CarbonBasis.LocationBased)} row counts its market-based figure there."));
            }
        }
        else
        {
            (reported, reportedFrom, other) = (location, locationFrom, market);
            if (market is null && location is not null)
            {
                _otherRowGaps.Add((indicator.Id, grid,
                    $"grid '{grid.Id}' (at site '{site.Id}') has no market_based or residual_mix '{indicator.Id}' figure: the {CarbonBasis.RowId(indicator.Id, CarbonBasis.MarketBased)} row counts its location-based figure there."));
            }
        }
        var flows = new List<BiosphereExchange>();
        if (reported is null)
        {
            return (flows, null);
        }
        flows.Add(new BiosphereExchange(indicator.Flow.Id, reported));
        if (other is not null && other != reported)
        {
            flows.Add(new BiosphereExchange(AdjustmentFlowId(indicator.Id), $"{other} - {reported}"));
            OtherRows.Add(indicator.Id);
        }
        return (flows, reportedFrom);
    }

    private static (string? Name, string? From) Market(GridDefinition grid, SiteDefinition site, Indicator indicator)
    {
        if (site.MarketBased.ContainsKey(indicator.Id))
        {
            return (SystemUnderConstruction.P("sites", site.Id, "market_based", indicator.Id), $"site {site.Id} market_based");
        }
        if (grid.MarketBased.ContainsKey(indicator.Id))
        {
            return (SystemUnderConstruction.P("grids", grid.Id, "market_based", indicator.Id), $"grid {grid.Id} market_based");
        }
        if (grid.ResidualMix.ContainsKey(indicator.Id))
        {
            return (SystemUnderConstruction.P("grids", grid.Id, "residual_mix", indicator.Id), $"grid {grid.Id} residual_mix");
        }
        return (null, null);
    }

    /// <summary>
    /// Once every chain is built: warns, for each other-basis row that is shown, about the grids whose figure on that
    /// basis is missing (the row counts the reported figure there), so a dual row is never silently half one basis.
    /// </summary>
    public void WarnOnOtherRowGaps()
    {
        foreach (var (indicatorId, grid, message) in _otherRowGaps.Where(g => OtherRows.Contains(g.IndicatorId)))
        {
            if (system.FirstTime($"other-row-gap:{grid.Id}:{indicatorId}:{message}"))
            {
                problems.Warning("other-basis-missing", grid.Location, $"grids.{grid.Id}", message);
            }
        }
    }

    /// <summary>
    /// The extra flows and categories for the other-basis rows: for each carbon indicator with a shown other row, a copy
    /// of its category (every factor kept) that also counts the adjustment flow, placed right after it.
    /// </summary>
    public (List<ElementaryFlow> Flows, List<ImpactCategory> Categories) OtherBasisRows(IReadOnlyList<Indicator> indicators)
    {
        var flows = new List<ElementaryFlow>();
        var categories = new List<ImpactCategory>();
        var other = CarbonBasis.Other(reportedBasis);
        foreach (var indicator in indicators)
        {
            var shown = OtherRows.Contains(indicator.Id);
            categories.Add(shown || (reportedBasis == CarbonBasis.MarketBased && Applies(indicator))
                ? indicator.Category with { Name = $"{indicator.Category.Name}, {reportedBasis}" }
                : indicator.Category);
            if (!shown)
            {
                continue;
            }
            var flowId = AdjustmentFlowId(indicator.Id);
            flows.Add(new ElementaryFlow(flowId, $"{indicator.Name}: grid electricity, {other} minus {reportedBasis} factor", "aggregated", indicator.Unit, IsAggregated: true));
            var factors = new Dictionary<string, double>(indicator.Category.Factors, StringComparer.Ordinal) { [flowId] = 1 };
            categories.Add(new ImpactCategory(CarbonBasis.RowId(indicator.Id, other), $"{indicator.Category.Name}, {other} (the other basis)", indicator.Unit, factors));
        }
        return (flows, categories);
    }
}
