using Cradle.Trends.Assessment;
using Cradle.Trends.Trends;

namespace Cradle.Reports.Trends;

/// <summary>
/// The points a trend was fitted to, and the fitted line's confidence band, for the charts.
/// </summary>
public static class TrendLine
{
    /// <summary>
    /// The (fractional year, median) points of <paramref name="result"/> for one indicator and phase: the models with a
    /// value whose median is positive — the same points <see cref="TrendAnalysis.Analyse"/> fits, in file order.
    /// </summary>
    public static IReadOnlyList<(string Model, double Year, double Median)> Points(ScenarioResult result, Indicator indicator, Phase phase)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Models
            .Select(m => (m.Model, m.Year, Band: Pick(m.Result(indicator), phase)))
            .Where(p => p.Band is { Median: > 0 })
            .Select(p => (p.Model, p.Year, p.Band!.Median))];
    }

    /// <summary>
    /// The confidence band of the fitted mean line at year <paramref name="t"/>, as values (not logarithms):
    /// exp(a + b·t ∓ q·s·√(1/n + (t − t̄)²/Sxx)), with t̄ and Sxx from <paramref name="years"/> (the years fitted).
    /// The fit does not carry s and q, but its slope interval is b ± q·s/√Sxx, so q·s = (b_high − b)·√Sxx and the
    /// half-width is (b_high − b)·√(Sxx/n + (t − t̄)²).
    /// </summary>
    /// <param name="fit">The fit.</param>
    /// <param name="years">The years of the points fitted (at least 2 distinct).</param>
    /// <param name="t">Year, fractional.</param>
    public static (double Low, double High) Band(LogLinearTrend fit, IReadOnlyList<double> years, double t)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(years);
        var n = years.Count;
        var mean = years.Average();
        var sxx = years.Sum(y => (y - mean) * (y - mean));
        var half = (fit.SlopeHigh - fit.Slope) * Math.Sqrt((sxx / n) + ((t - mean) * (t - mean)));
        var centre = fit.Intercept + (fit.Slope * t);
        return (Math.Exp(centre - half), Math.Exp(centre + half));
    }

    internal static Band? Pick(IndicatorResult result, Phase phase) => phase switch
    {
        Phase.Use => result.Use,
        Phase.Production => result.Production,
        _ => result.Total,
    };
}
