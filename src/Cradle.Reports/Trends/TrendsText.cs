using Cradle.Trends.Assessment;
using Cradle.Trends.Trends;

namespace Cradle.Reports.Trends;

/// <summary>How the trends report writes indicators, bands and trend figures (plain text; the HTML writer escapes it).</summary>
public static class TrendsText
{
    /// <summary>"Electricity", "Climate change (GWP100)", "Abiotic depletion (ADPe)", "Primary energy".</summary>
    public static string Name(Indicator indicator) => indicator switch
    {
        Indicator.Energy => "Electricity",
        Indicator.Gwp => "Climate change (GWP100)",
        Indicator.Adpe => "Abiotic depletion (ADPe)",
        _ => "Primary energy",
    };

    /// <summary>"electricity", "GWP", "ADPe", "PE", for chart titles.</summary>
    public static string ShortName(Indicator indicator) => indicator switch
    {
        Indicator.Energy => "electricity",
        Indicator.Gwp => "GWP",
        Indicator.Adpe => "ADPe",
        _ => "PE",
    };

    /// <summary>"use", "production", "total".</summary>
    public static string Name(Phase phase) => phase switch
    {
        Phase.Use => "use",
        Phase.Production => "production",
        _ => "total",
    };

    /// <summary>A number as <see cref="NumberFormat.Format"/> writes it (four significant digits, invariant).</summary>
    public static string Number(double value) => NumberFormat.Format(value);

    /// <summary>"median [low – high]".</summary>
    public static string Band(Band band)
    {
        ArgumentNullException.ThrowIfNull(band);
        return $"{Number(band.Median)} [{Number(band.Low)} – {Number(band.High)}]";
    }

    /// <summary>The doubling time in years, "not growing" when the slope is ≤ 0.</summary>
    public static string Doubling(double? years) => years is { } y ? Number(y) : "not growing";

    /// <summary>The doubling time's interval: "low – high", with "unbounded" when the slope's interval reaches 0.</summary>
    public static string DoublingInterval(LogLinearTrend fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return $"{(fit.DoublingYearsLow is { } low ? Number(low) : "not growing")} – {(fit.DoublingYearsHigh is { } high ? Number(high) : "unbounded")}";
    }
}
