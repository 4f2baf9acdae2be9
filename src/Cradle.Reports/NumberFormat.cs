using System.Globalization;

namespace Cradle.Reports;

/// <summary>Numbers for people: four significant digits, scientific notation outside 10⁻³ … 10⁶, invariant culture.</summary>
public static class NumberFormat
{
    /// <summary>Formats <paramref name="value"/>.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "–";
        }
        if (value == 0)
        {
            return "0";
        }
        var magnitude = Math.Abs(value);
        if (magnitude is >= 1e-3 and < 1e6)
        {
            var decimals = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(magnitude)));
            return value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        return value.ToString("0.000e+0", CultureInfo.InvariantCulture);
    }

    /// <summary>A share as a percentage with one decimal, e.g. "55.1 %".</summary>
    public static string Percent(double share) =>
        double.IsNaN(share) ? "–" : (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>
    /// Measured / declared / modelled shares of one result as whole percentages, e.g. "92 / 0 / 8 %"; "–" when the
    /// result is 0 and the shares are undefined.
    /// </summary>
    public static string ProvenanceShares(double measured, double declared, double modelled) =>
        double.IsNaN(measured) || double.IsNaN(declared) || double.IsNaN(modelled) ? "–"
            : string.Create(CultureInfo.InvariantCulture, $"{measured * 100:0} / {declared * 100:0} / {modelled * 100:0} %");
}
