using System.Globalization;

namespace Cradle.Import.Slurm;

/// <summary>
/// Parsers for the value formats sacct prints (man sacct; Slurm's <c>convert_num_unit</c>). Each returns null with
/// a reason instead of guessing: the caller reports the record and skips it.
/// </summary>
internal static class SlurmValues
{
    /// <summary>
    /// A duration in seconds from <c>[D-]HH:MM:SS</c>, <c>MM:SS</c> or <c>MM:SS.mmm</c> (Elapsed, TotalCPU), or from
    /// a plain integer of seconds (ElapsedRaw when <paramref name="raw"/>).
    /// </summary>
    public static double? Seconds(string text, bool raw, out string? why)
    {
        why = null;
        if (raw)
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
            {
                return whole;
            }
            why = $"'{text}' is not a whole number of seconds";
            return null;
        }
        var days = 0L;
        var rest = text;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && !long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out days))
        {
            why = $"'{text}' is not a duration [D-]HH:MM:SS";
            return null;
        }
        if (dash > 0)
        {
            rest = text[(dash + 1)..];
        }
        var parts = rest.Split(':');
        if (parts.Length is < 2 or > 3
            || !parts[..^1].All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            || !double.TryParse(parts[^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var lastSeconds)
            || parts[^1].Length == 0 || !char.IsAsciiDigit(parts[^1][0]))
        {
            why = $"'{text}' is not a duration [D-]HH:MM:SS or MM:SS.mmm";
            return null;
        }
        var units = parts.Length == 3
            ? (long.Parse(parts[0], CultureInfo.InvariantCulture) * 3600) + (long.Parse(parts[1], CultureInfo.InvariantCulture) * 60)
            : long.Parse(parts[0], CultureInfo.InvariantCulture) * 60;
        return (days * 86400) + units + lastSeconds;
    }

    /// <summary>
    /// Energy in J from ConsumedEnergyRaw (an integer of joules) or ConsumedEnergy (the same number abbreviated by
    /// Slurm's convert_num_unit: divided by 1024 per step of K, M, G, T, P and printed with two decimals).
    /// </summary>
    public static double? Joules(string text, out string? why)
    {
        why = null;
        if (text.Length == 0)
        {
            why = "empty";
            return null;
        }
        const string units = "KMGTP";
        var scale = 1.0;
        var number = text;
        var unit = units.IndexOf(char.ToUpperInvariant(text[^1]), StringComparison.Ordinal);
        if (text.Length > 1 && unit >= 0)
        {
            scale = Math.Pow(1024, unit + 1);
            number = text[..^1];
        }
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            why = $"'{text}' is not an energy in J (a number with an optional K, M, G, T or P suffix)";
            return null;
        }
        return value * scale;
    }

    /// <summary>A whole count ≥ 0 (AllocCPUS, NCPUS).</summary>
    public static int? Count(string text, out string? why)
    {
        why = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        why = $"'{text}' is not a whole count";
        return null;
    }

    /// <summary>
    /// A time as sacct prints it: <c>YYYY-MM-DDTHH:MM:SS</c> in the cluster's local time, read in
    /// <paramref name="zone"/>; a value with a zone or offset (the JSON reader's) is taken as written. Null for
    /// "Unknown", "None" and anything else.
    /// </summary>
    public static DateTimeOffset? Time(string text, TimeZoneInfo zone)
    {
        if (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var absolute)
                ? absolute.ToUniversalTime() : null;
        }
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The exit code of ExitCode "code:signal" (a signal other than 0 gives no exit code: the process was killed).</summary>
    public static int? ExitCode(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var parts = text.Split(':');
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            && (parts.Length == 1 || parts[1] == "0") ? code : null;
    }
}
