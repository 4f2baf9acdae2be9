using System.Globalization;

namespace Cradle.Core;

/// <summary>
/// Numbers in messages, the same on every machine: invariant culture, at most six significant digits, plain decimals
/// from 0.0001 up to 10¹⁵ and otherwise scientific notation as people type it ("1e20", "2.5e-7"), never .NET's
/// "1E+20". NaN and infinities are spelt out ("not a number", "infinity"). Every layer's messages use this (Studies, Syntax and the CLI too).
/// </summary>
public static class InvariantNumber
{
    /// <summary>Formats <paramref name="value"/> for a message.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "not a number";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "infinity" : "-infinity";
        }
        if (value == 0)
        {
            return "0";
        }
        // "E5" rounds to six significant digits once, and gives the exponent of the rounded value (so 999999999999999
        // is 1e15, not a plain number), subnormals included.
        var scientific = value.ToString("E5", CultureInfo.InvariantCulture);
        var e = scientific.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(scientific[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (exponent is >= -4 and < 15)
        {
            return double.Parse(scientific, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("0.###############", CultureInfo.InvariantCulture);
        }
        var mantissa = scientific[..e].TrimEnd('0').TrimEnd('.');
        return string.Create(CultureInfo.InvariantCulture, $"{mantissa}e{exponent}");
    }
}
