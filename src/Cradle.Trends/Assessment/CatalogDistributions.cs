using Cradle.Catalog.Model;
using Cradle.Core.Units;
using Cradle.Core.Uncertainty;

namespace Cradle.Trends.Assessment;

/// <summary>
/// A catalog figure's default and uncertainty as a sampling distribution in a chosen unit: lognormal, normal, uniform
/// and triangular as stated (factors of the default); the spread of the figure's estimates as a triangular from the
/// smallest to the largest estimate with its mode at the default (as studies read the catalog).
/// </summary>
internal static class CatalogDistributions
{
    public static Distribution Of(Figure figure, Unit unit)
    {
        var central = figure.Default.Value.ConvertTo(unit).Value;
        var u = figure.Uncertainty;
        if (central <= 0)
        {
            return new UniformDistribution(central, central, central);
        }
        return u.Distribution switch
        {
            "lognormal" => new LognormalDistribution(central, u.GeometricSd!.Value),
            "normal" => new NormalDistribution(central, u.RelativeSd!.Value * central),
            "uniform" => new UniformDistribution(central * u.MinFactor!.Value, central * u.MaxFactor!.Value, central),
            "triangular" => new TriangularDistribution(central * u.MinFactor!.Value, central, central * u.MaxFactor!.Value),
            _ => Spread(figure, unit, central),
        };
    }

    private static TriangularDistribution Spread(Figure figure, Unit unit, double central)
    {
        var values = figure.Estimates.Select(e => e.Value.ConvertTo(unit).Value).ToList();
        return new TriangularDistribution(Math.Min(values.Min(), central), central, Math.Max(values.Max(), central));
    }

    /// <summary>"source, year" of the default estimate.</summary>
    public static string SourceOf(Figure figure) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{figure.Default.Source}, {figure.Default.Year}");
}
