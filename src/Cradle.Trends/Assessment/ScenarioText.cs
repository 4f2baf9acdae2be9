using System.Globalization;

namespace Cradle.Trends.Assessment;

/// <summary>
/// The <c>--scenario</c> values of <c>cradle trends</c>: <c>baseline</c>, <c>shift:GRID[,GRID…]</c> (all training
/// moved to a grid, or the lowest-carbon of several), <c>carbon-aware:FRACTION</c> (GWP per kWh that much lower) and
/// <c>hardware:FACTOR</c> (electricity × factor).
/// </summary>
public static class ScenarioText
{
    /// <summary>The scenarios assessed beside the baseline when none are named (<c>cradle trends</c>, <c>cradle serve --trends</c>).</summary>
    public static IReadOnlyList<string> Defaults { get; } = ["shift:se,no,is,fr", "carbon-aware:0.3", "hardware:0.5"];

    /// <summary>The forms, for help and errors.</summary>
    public const string Forms = "baseline, shift:GRID[,GRID…] (e.g. shift:se or shift:se,no,is,fr), carbon-aware:FRACTION (e.g. carbon-aware:0.3), hardware:FACTOR (e.g. hardware:0.5)";

    /// <summary>Parses one value; null with <paramref name="error"/> set when it is not one of <see cref="Forms"/>.</summary>
    public static Scenario? Parse(string text, out string? error)
    {
        error = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (kind, argument) = colon < 0 ? (text, "") : (text[..colon], text[(colon + 1)..]);
        switch (kind)
        {
            case "baseline" when colon < 0:
                return Scenario.Baseline;
            case "shift":
                var grids = argument.Split(',', StringSplitOptions.TrimEntries);
                if (grids.Length > 0 && grids.All(g => g.Length > 0))
                {
                    return Scenario.LocationShift(grids);
                }

                error = $"--scenario '{text}': shift needs one or more grid ids after the colon, e.g. shift:se or shift:se,no,is,fr";
                return null;
            case "carbon-aware":
                if (Number(argument) is { } reduction and >= 0 and < 1)
                {
                    return Scenario.CarbonAware(reduction);
                }

                error = $"--scenario '{text}': carbon-aware needs the reduction of the GWP per kWh as a fraction from 0 to below 1, e.g. carbon-aware:0.3";
                return null;
            case "hardware":
                if (Number(argument) is { } factor and > 0 && double.IsFinite(factor))
                {
                    return Scenario.EfficientHardware(factor);
                }

                error = $"--scenario '{text}': hardware needs a positive electricity factor, e.g. hardware:0.5 for half the electricity";
                return null;
            default:
                error = $"--scenario '{text}' is not a scenario; expected one of: {Forms}";
                return null;
        }
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
