using System.Globalization;
using Cradle.Trends.Assessment;
using Cradle.Trends.Trends;

namespace Cradle.Cli.Trends;

/// <summary>Number and band formatting shared by the trends table and the one-model breakdown.</summary>
internal static class TrendsFormat
{
    /// <summary>Four significant digits, invariant, with an exponent as people type it ("1.509e6", never "1.509E+06").</summary>
    public static string Number(double value)
    {
        var text = value.ToString("G4", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        return e < 0 ? text
            : text[..e] + "e" + int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"median [low–high]".</summary>
    public static string Band(Band band) => $"{Number(band.Median)} [{Number(band.Low)}–{Number(band.High)}]";

    /// <summary>"×1.96 [1.50–2.56]/yr, doubling 1.03 yr [0.74–1.72], R² 0.17, n 119", or why there is no fit.</summary>
    public static string Trend(IndicatorTrend trend) => trend.Fit is { } fit
        ? Trend(fit) + string.Create(CultureInfo.InvariantCulture, $", n {trend.Models}")
        : "no fit: " + trend.Missing;

    /// <summary>Growth per year and doubling time with their intervals, and R².</summary>
    public static string Trend(LogLinearTrend fit)
    {
        var doubling = fit.DoublingYears is { } d
            ? $"doubling {d.ToString("0.##", CultureInfo.InvariantCulture)} yr [{Years(fit.DoublingYearsLow)}–{Years(fit.DoublingYearsHigh)}]"
            : "no doubling (no growth)";
        return string.Create(CultureInfo.InvariantCulture,
            $"×{fit.GrowthPerYear:0.###}/yr [{fit.GrowthPerYearLow:0.###}–{fit.GrowthPerYearHigh:0.###}], {doubling}, R² {fit.RSquared:0.##}");
    }

    // An open upper end: the interval does not rule out zero growth.
    private static string Years(double? years) => years is { } y ? y.ToString("0.##", CultureInfo.InvariantCulture) : "∞";
}
