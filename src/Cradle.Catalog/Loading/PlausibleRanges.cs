using Cradle.Catalog.Model;
using Cradle.Core.Units;

namespace Cradle.Catalog.Loading;

/// <summary>
/// Ranges outside which a figure is almost certainly a typo or a unit slip (grid intensity in kg instead of g,
/// a PUE below 1). They apply to shipped and user files alike.
/// </summary>
internal static class PlausibleRanges
{
    private sealed record Range(string Kind, string Figure, Unit Unit, double Min, double Max);

    private static readonly Range[] Ranges =
    [
        new("grid", "gwp100", UnitParser.Parse("g CO2e/kWh"), 0, 1500),
        new("cloud-region", "gwp100", UnitParser.Parse("g CO2e/kWh"), 0, 1500),
        new("datacentre", "pue", Unit.One, 1.0, 3.0),
        new("cloud-region", "pue", Unit.One, 1.0, 3.0),
        new("accelerator", "power", UnitParser.Parse("W"), 5, 2000),
        new("cpu", "power", UnitParser.Parse("W"), 5, 2000),
        new("datacentre", "wue", UnitParser.Parse("L/kWh"), 0, 10),
        new("grid", "water", UnitParser.Parse("L/kWh"), 0, 100),
    ];

    /// <summary>The plausible range of a figure in a display unit, or null when none is set.</summary>
    public static (Unit Unit, double Min, double Max)? For(string kind, string figure) =>
        Ranges.FirstOrDefault(r => r.Kind == kind && r.Figure == figure) is { } r ? (r.Unit, r.Min, r.Max) : null;

    /// <summary>True when every estimate of the figure is within its range (or it has none).</summary>
    public static bool Holds(CatalogEntry entry, Figure figure, out Estimate? outlier)
    {
        outlier = null;
        if (For(entry.Kind, figure.Name) is not { } range)
        {
            return true;
        }
        outlier = figure.Estimates.FirstOrDefault(e => e.Value.ConvertTo(range.Unit).Value is var v && (v < range.Min || v > range.Max));
        return outlier is null;
    }
}
