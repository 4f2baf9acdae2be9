using System.Globalization;
using System.Text.RegularExpressions;

namespace Cradle.Cli.Importing;

/// <summary>Parses <c>--utc-offset</c>: ±HH:MM within ±14:00 (the range of real time zones); null text is UTC.</summary>
internal static partial class UtcOffsetText
{
    public static TimeSpan? Parse(string? text)
    {
        if (text is null)
        {
            return TimeSpan.Zero;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var hours = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var minutes = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        var offset = new TimeSpan(hours, minutes, 0);
        return minutes >= 60 || offset > TimeSpan.FromHours(14) ? null : match.Groups[1].Value == "-" ? -offset : offset;
    }

    [GeneratedRegex(@"^([+-])(\d{2}):(\d{2})$")]
    private static partial Regex Pattern();
}
