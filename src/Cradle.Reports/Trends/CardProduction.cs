using Cradle.Catalog.Production;
using Cradle.Trends.Trends;

namespace Cradle.Reports.Trends;

/// <summary>
/// Production GWP of the catalog's accelerators against their release year, and a log-linear fit over the cards that
/// have both a release year and a GWP estimate. Cards without one are kept with the reason, never drawn as zero.
/// </summary>
/// <param name="Estimator">The estimator that produced the rows ("best").</param>
/// <param name="Rows">Every catalog accelerator, in catalog order.</param>
/// <param name="Points">The cards fitted: those with a release year and a GWP estimate.</param>
/// <param name="Fit">ln GWP against release year over <paramref name="Points"/>; null when fewer than 3 points on 2 years.</param>
/// <param name="Missing">Why there is no fit, or null.</param>
public sealed record CardProduction(
    string Estimator, IReadOnlyList<AcceleratorProductionRow> Rows, IReadOnlyList<CardPoint> Points, LogLinearTrend? Fit, string? Missing)
{
    /// <summary>Picks the cards with a release year and a GWP estimate from <paramref name="rows"/> and fits ln GWP on the year (95 % intervals).</summary>
    public static CardProduction From(IReadOnlyList<AcceleratorProductionRow> rows, string estimator)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(estimator);
        var points = rows
            .Where(r => r.ReleaseYear is not null && r.Result.Estimate?.Impact(ProductionCriterion.Gwp100) is not null)
            .Select(r =>
            {
                var gwp = r.Result.Estimate!.Impact(ProductionCriterion.Gwp100)!;
                var (low, high) = gwp.Interval90;
                return new CardPoint(r.AcceleratorId, r.ReleaseYear!.Value, gwp.Value, low, high, r.Result.Estimate.Estimator);
            })
            .ToList();
        var years = points.Select(p => p.ReleaseYear).Distinct().Count();
        return points.Count >= 3 && years >= 2
            ? new CardProduction(estimator, rows, points, LogLinearFit.Fit([.. points.Select(p => ((double)p.ReleaseYear, p.Gwp))]), null)
            : new CardProduction(estimator, rows, points, null, $"{points.Count} card(s) with a release year and a GWP estimate on {years} year(s); a trend needs 3 on 2 years");
    }
}

/// <summary>One card on the production chart.</summary>
/// <param name="AcceleratorId">Catalog id.</param>
/// <param name="ReleaseYear">Release year.</param>
/// <param name="Gwp">Production GWP per card, kg CO2 eq (the estimate's median).</param>
/// <param name="Low">5th percentile, kg CO2 eq.</param>
/// <param name="High">95th percentile, kg CO2 eq.</param>
/// <param name="Estimator">The estimator that answered ("catalog", "modelled(ademe-parametric+mlca)").</param>
public sealed record CardPoint(string AcceleratorId, int ReleaseYear, double Gwp, double Low, double High, string Estimator);
