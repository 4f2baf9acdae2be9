using System.Globalization;

namespace Cradle.Interchange.Reading;

/// <summary>The kinds of distribution openLCA gives an exchange amount.</summary>
public enum ExchangeDistribution
{
    /// <summary>LOG_NORMAL_DISTRIBUTION: geometric mean and geometric SD.</summary>
    Lognormal,

    /// <summary>NORMAL_DISTRIBUTION: mean and SD.</summary>
    Normal,

    /// <summary>TRIANGLE_DISTRIBUTION: minimum, mode, maximum.</summary>
    Triangular,

    /// <summary>UNIFORM_DISTRIBUTION: minimum, maximum.</summary>
    Uniform,
}

/// <summary>
/// The uncertainty of an exchange amount as the package states it (olca-schema Uncertainty, the same field names in
/// 1.x and 2.x), in the exchange's own unit: lognormal (geomMean, geomSd), normal (mean, sd), triangle (minimum, mode,
/// maximum), uniform (minimum, maximum). Where the package gives no central value, the exchange's amount is it.
/// </summary>
/// <param name="Distribution">The kind.</param>
/// <param name="First">Lognormal: geometric mean; normal: mean; triangle and uniform: minimum.</param>
/// <param name="Second">Lognormal: geometric SD (&gt; 1); normal: SD; triangle: mode; uniform: maximum.</param>
/// <param name="Third">Triangle: maximum; otherwise unused (NaN).</param>
public sealed record ExchangeUncertainty(ExchangeDistribution Distribution, double First, double Second, double Third)
{
    /// <summary>Reads <c>uncertainty</c> of an exchange; null when it has none (or NO_DISTRIBUTION), or after a finding when it is unusable.</summary>
    internal static ExchangeUncertainty? Read(JsonFields exchange, double amount, List<ImportFinding> findings)
    {
        if (exchange.OptionalObject("uncertainty") is not { } u)
        {
            return null;
        }
        var type = u.OptionalString("distributionType");
        ExchangeUncertainty? result = type switch
        {
            null or "NO_DISTRIBUTION" => null,
            "LOG_NORMAL_DISTRIBUTION" when u.OptionalNumber("geomSd") is > 1 and var gsd =>
                new(ExchangeDistribution.Lognormal, u.OptionalNumber("geomMean") ?? amount, gsd, double.NaN),
            "NORMAL_DISTRIBUTION" when u.OptionalNumber("sd") is >= 0 and var sd =>
                new(ExchangeDistribution.Normal, u.OptionalNumber("mean") ?? amount, sd, double.NaN),
            "TRIANGLE_DISTRIBUTION" when u.OptionalNumber("minimum") is { } min && u.OptionalNumber("maximum") is { } max
                && (u.OptionalNumber("mode") ?? amount) is var mode && min <= mode && mode <= max =>
                new(ExchangeDistribution.Triangular, min, mode, max),
            "UNIFORM_DISTRIBUTION" when u.OptionalNumber("minimum") is { } min && u.OptionalNumber("maximum") is { } max && min <= max =>
                new(ExchangeDistribution.Uniform, min, max, double.NaN),
            _ => Unusable(exchange, type, findings),
        };
        // A lognormal of a negative amount (openLCA allows them for inputs written negative) is not drawn from.
        return result is { Distribution: ExchangeDistribution.Lognormal, First: <= 0 } ? Unusable(exchange, type, findings) : result;
    }

    /// <summary>The distribution as people read it, e.g. "lognormal (geometric mean 6080, GSD 1.5)".</summary>
    public string Describe() => Distribution switch
    {
        ExchangeDistribution.Lognormal => string.Create(CultureInfo.InvariantCulture, $"lognormal (geometric mean {First}, GSD {Second})"),
        ExchangeDistribution.Normal => string.Create(CultureInfo.InvariantCulture, $"normal (mean {First}, SD {Second})"),
        ExchangeDistribution.Triangular => string.Create(CultureInfo.InvariantCulture, $"triangular ({First}, {Second}, {Third})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"uniform ({First}, {Second})"),
    };

    private static ExchangeUncertainty? Unusable(JsonFields exchange, string? type, List<ImportFinding> findings)
    {
        findings.Add(new ImportFinding("unusable-uncertainty", exchange.File, exchange.Path("uncertainty"),
            $"a {type ?? "distribution"} without the parameters it needs (or with impossible ones: a GSD not above 1, a negative SD, a mode outside its bounds, a lognormal of a non-positive amount); the amount is used as exact."));
        return null;
    }
}
