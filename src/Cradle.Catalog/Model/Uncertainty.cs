using System.Globalization;

namespace Cradle.Catalog.Model;

/// <summary>
/// How uncertain a figure is, relative to its default estimate: lognormal (geometric SD), normal (relative SD),
/// uniform or triangular (factors of the default), or the spread of the figure's own estimates.
/// </summary>
/// <param name="Distribution">lognormal, normal, uniform, triangular or estimates.</param>
/// <param name="GeometricSd">For lognormal: the geometric standard deviation (&gt; 1).</param>
/// <param name="RelativeSd">For normal: standard deviation ÷ mean.</param>
/// <param name="MinFactor">For uniform and triangular: the lower bound as a factor of the default.</param>
/// <param name="MaxFactor">For uniform and triangular: the upper bound as a factor of the default.</param>
public sealed record Uncertainty(string Distribution, double? GeometricSd = null, double? RelativeSd = null, double? MinFactor = null, double? MaxFactor = null)
{
    /// <summary>The distributions a catalog file may name.</summary>
    public static IReadOnlyList<string> Distributions { get; } = ["lognormal", "normal", "uniform", "triangular", "estimates"];

    /// <summary>
    /// An approximate 90 % interval (5th–95th percentile) in the default's unit, for display: lognormal median ÷ gsd^1.645
    /// to × gsd^1.645; normal ± 1.645 sd; uniform and triangular their bounds; estimates their smallest and largest value.
    /// </summary>
    public (double Low, double High) Interval(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var central = figure.Default.Value.Value;
        var unit = figure.Default.Value.Unit;
        return Distribution switch
        {
            "lognormal" => (central / Math.Pow(GeometricSd!.Value, 1.645), central * Math.Pow(GeometricSd!.Value, 1.645)),
            "normal" => (central * (1 - (1.645 * RelativeSd!.Value)), central * (1 + (1.645 * RelativeSd!.Value))),
            "uniform" or "triangular" => (central * MinFactor!.Value, central * MaxFactor!.Value),
            _ => (figure.Estimates.Min(e => e.Value.ConvertTo(unit).Value), figure.Estimates.Max(e => e.Value.ConvertTo(unit).Value)),
        };
    }

    /// <summary>"lognormal, GSD 1.2" and the like.</summary>
    public override string ToString() => Distribution switch
    {
        "lognormal" => string.Create(CultureInfo.InvariantCulture, $"lognormal, GSD {GeometricSd:0.###}"),
        "normal" => string.Create(CultureInfo.InvariantCulture, $"normal, relative SD {RelativeSd:0.###}"),
        "uniform" or "triangular" => string.Create(CultureInfo.InvariantCulture, $"{Distribution}, ×{MinFactor:0.###} to ×{MaxFactor:0.###}"),
        _ => "spread of the estimates",
    };
}
