using System.Globalization;

namespace Cradle.Core.Units;

/// <summary>
/// Reads compound unit symbols as people write them in studies: "kWh", "g CO2e/kWh", "L/kWh", "kWh/request",
/// "W·h", "kg*m^2/s^2", "1/request". One '/' at most separates numerator from denominator; factors within each
/// side are joined by '*', '·' or a space, and may carry an integer exponent ("m^2").
/// </summary>
public static class UnitParser
{
    /// <summary>Parses <paramref name="text"/>, or returns null and an explanation naming the closest known symbols.</summary>
    public static Unit? TryParse(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "the unit is empty";
            return null;
        }
        var whole = KnownUnits.Find(trimmed);
        if (whole is not null)
        {
            return whole;
        }
        var parts = trimmed.Split('/');
        if (parts.Length > 2)
        {
            error = $"'{trimmed}' has more than one '/'; write a single quotient such as 'kg CO2 eq/kWh'";
            return null;
        }
        try
        {
            var numerator = ParseProduct(parts[0], out error);
            if (numerator is null)
            {
                return null;
            }
            if (parts.Length == 1)
            {
                return numerator with { Symbol = trimmed };
            }
            var denominator = ParseProduct(parts[1], out error);
            return denominator is null ? null : (numerator / denominator) with { Symbol = trimmed };
        }
        catch (OverflowException)
        {
            // Dimension exponents are small signed bytes; "m^200" is a typo, not a unit.
            error = $"'{trimmed}' raises a dimension beyond the power of ±127";
            return null;
        }
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="UnitException"/>.</summary>
    public static Unit Parse(string text) =>
        TryParse(text, out var error) ?? throw new UnitException($"Unknown unit: {error}.");

    private static Unit? ParseProduct(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (trimmed is "" or "1")
        {
            return Unit.One;
        }
        var whole = KnownUnits.Find(trimmed);
        if (whole is not null)
        {
            return whole;
        }
        // Multi-word symbols such as "kg CO2 eq" contain spaces, so try the longest run of words first. No symbol has
        // more than a few words, so the runs tried from each word are capped: the work stays linear in the text.
        var words = trimmed.Split(['*', '·', ' '], StringSplitOptions.RemoveEmptyEntries);
        var dimension = Dimension.None;
        var factorToBase = 1.0;
        var start = 0;
        while (start < words.Length)
        {
            Unit? factor = null;
            var end = Math.Min(words.Length, start + KnownUnits.MaxWordsPerSymbol);
            for (; end > start; end--)
            {
                factor = ParsePower(string.Join(' ', words[start..end]));
                if (factor is not null)
                {
                    break;
                }
            }
            if (factor is null)
            {
                error = $"'{words[start]}' in '{trimmed}' is not a known unit{Suggest(words[start])}";
                return null;
            }
            // Dimension and factor are multiplied up, and the symbol written once, so that a long product is not
            // rebuilt as text at every factor.
            dimension *= factor.Dimension;
            factorToBase *= factor.FactorToBase;
            start = end;
        }
        return new Unit(trimmed, dimension, factorToBase);
    }

    private static Unit? ParsePower(string text)
    {
        var caret = text.IndexOf('^', StringComparison.Ordinal);
        if (caret < 0)
        {
            return KnownUnits.Find(text);
        }
        var unit = KnownUnits.Find(text[..caret]);
        if (unit is null || !int.TryParse(text[(caret + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var power))
        {
            return null;
        }
        return new Unit(text, unit.Dimension.Pow(power), Math.Pow(unit.FactorToBase, power));
    }

    private static string Suggest(string word) => NameSuggestions.Hint(word, KnownUnits.Symbols);
}
