using Cradle.Trends.Assessment;

namespace Cradle.Trends.Trends;

/// <summary>Fits the log-linear trend of every indicator and phase of a scenario's per-model medians against publication year.</summary>
public static class TrendAnalysis
{
    /// <summary>Trends and production shares of <paramref name="result"/>; intervals at <paramref name="level"/>.</summary>
    public static ScenarioTrends Analyse(ScenarioResult result, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(result);
        var trends = new List<IndicatorTrend>();
        foreach (var indicator in Indicators.All)
        {
            var phases = indicator == Indicator.Energy ? new[] { Phase.Use, Phase.Total } : [Phase.Use, Phase.Production, Phase.Total];
            foreach (var phase in phases)
            {
                var points = result.Models
                    .Select(m => (m.Year, Band: Pick(m.Result(indicator), phase)))
                    .Where(p => p.Band is not null && p.Band.Median > 0)
                    .Select(p => (p.Year, p.Band!.Median))
                    .ToList();
                var distinctYears = points.Select(p => p.Year).Distinct().Count();
                trends.Add(points.Count >= 3 && distinctYears >= 2
                    ? new IndicatorTrend(indicator, phase, indicator.Unit(), points.Count, LogLinearFit.Fit(points, level), null)
                    : new IndicatorTrend(indicator, phase, indicator.Unit(), points.Count, null,
                        $"{points.Count} model(s) with a positive value on {distinctYears} date(s); a trend needs 3 on 2 dates"));
            }
        }
        return new ScenarioTrends(result.Scenario.Id, trends, Shares(result));
    }

    private static Band? Pick(IndicatorResult result, Phase phase) => phase switch
    {
        Phase.Use => result.Use,
        Phase.Production => result.Production,
        _ => result.Total,
    };

    private static List<ProductionShareByYear> Shares(ScenarioResult result) =>
        Indicators.Impacts.SelectMany(indicator => result.Models
            .Select(m => (m.PublicationDate.Year, Result: m.Result(indicator)))
            .Where(x => x.Result.ProductionShare is not null)
            .GroupBy(x => x.Year)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var shares = g.Select(x => x.Result.ProductionShare!.Median).Order().ToArray();
                var pooled = g.Sum(x => x.Result.Production!.Median) / g.Sum(x => x.Result.Production!.Median + x.Result.Use.Median);
                return new ProductionShareByYear(g.Key, indicator, shares.Length, Core.Uncertainty.SampleStatistics.Percentile(shares, 0.5), pooled);
            }))
        .ToList();
}
