using System.Globalization;

namespace Cradle.Results;

/// <summary>Numbers in text people read: plain decimals as written, never .NET's "1E-07".</summary>
internal static class InvariantText
{
    /// <summary>A constraint's number as written (1e-7 stays 1e-7, 99.9999999 stays whole).</summary>
    public static string Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        return e < 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..e]}e{int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)}");
    }
}
