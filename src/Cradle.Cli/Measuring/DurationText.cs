using System.Globalization;
using System.Text.RegularExpressions;

namespace Cradle.Cli.Measuring;

/// <summary>Strict durations for options such as <c>--idle</c>: a positive number and a unit, e.g. <c>10s</c>, <c>500ms</c>, <c>2m</c>.</summary>
internal static partial class DurationText
{
    /// <summary>The longest duration accepted (one day), so a typo cannot block a run for years.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(1);

    /// <summary>Parses <paramref name="text"/> (units ms, s, m, h; no spaces, no sign); null when it is not one.</summary>
    public static TimeSpan? Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var number = double.Parse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var seconds = match.Groups[2].Value switch
        {
            "ms" => number / 1000,
            "s" => number,
            "m" => number * 60,
            _ => number * 3600,
        };
        return seconds > 0 && seconds <= Max.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
