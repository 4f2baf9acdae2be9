using MathNet.Numerics.Distributions;

namespace Cradle.Trends.Trends;

/// <summary>Ordinary least squares of ln y on t (years), as Epoch AI and the rebound paper fit growth trends.</summary>
public static class LogLinearFit
{
    /// <summary>Fits <paramref name="points"/> (t in fractional years, y &gt; 0).</summary>
    /// <param name="points">At least 3 points with at least two distinct t; every y positive and finite.</param>
    /// <param name="level">Confidence level of the intervals, 0–1 (0.95 by default).</param>
    /// <exception cref="ArgumentException">Too few points, a non-positive y, or all t equal.</exception>
    public static LogLinearTrend Fit(IReadOnlyList<(double Year, double Value)> points, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (level is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "a confidence level is a fraction between 0 and 1, e.g. 0.95.");
        }
        if (points.Count < 3)
        {
            throw new ArgumentException($"a trend needs at least 3 points; {points.Count} given.", nameof(points));
        }
        foreach (var (year, value) in points)
        {
            if (!(value > 0 && double.IsFinite(value)) || !double.IsFinite(year))
            {
                throw new ArgumentException($"a log-linear fit needs finite years and positive values; found {value} at t = {year}.", nameof(points));
            }
        }
        var n = points.Count;
        // Centre t for numerical stability (years near 2020 squared lose digits).
        var meanT = points.Average(p => p.Year);
        var meanY = points.Average(p => Math.Log(p.Value));
        double sxx = 0, sxy = 0, syy = 0;
        foreach (var (t, v) in points)
        {
            var dx = t - meanT;
            var dy = Math.Log(v) - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx <= 0)
        {
            throw new ArgumentException("all points have the same date: no trend can be fitted.", nameof(points));
        }
        var slope = sxy / sxx;
        var intercept = meanY - (slope * meanT);
        var residual = Math.Max(syy - (slope * sxy), 0);
        var standardError = Math.Sqrt(residual / (n - 2) / sxx);
        var t975 = StudentT.InvCDF(0, 1, n - 2, 1 - ((1 - level) / 2));
        var rSquared = syy > 0 ? 1 - (residual / syy) : 1;
        return new LogLinearTrend(n, intercept, slope, standardError, slope - (t975 * standardError), slope + (t975 * standardError), level, rSquared);
    }
}
