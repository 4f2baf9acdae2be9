namespace Cradle.Core.Units;

/// <summary>Names of the dimensions people recognise, used in error messages ("kWh is an energy").</summary>
internal static class DimensionNames
{
    private static readonly Lazy<Dictionary<Dimension, string>> Names = new(() => new Dictionary<Dimension, string>
    {
        [Dimension.None] = "dimensionless number",
        [Dimension.Mass] = "mass",
        [Dimension.Length] = "length",
        [Dimension.Time] = "time",
        [Dimension.Volume] = "volume",
        [Dimension.Energy] = "energy",
        [Dimension.Power] = "power",
        [Dimension.Of(BaseDimension.Request)] = "count of requests",
        [Dimension.Of(BaseDimension.Token)] = "count of tokens",
        [Dimension.Of(BaseDimension.Image)] = "count of images",
        [Dimension.Of(BaseDimension.Image) / Dimension.Of(BaseDimension.Request)] = "number of images per request",
        [Dimension.Of(BaseDimension.Token) / Dimension.Of(BaseDimension.Request)] = "number of tokens per request",
        [Dimension.Of(BaseDimension.FloatingPointOperation)] = "count of floating-point operations",
        [Dimension.Of(BaseDimension.FloatingPointOperation) / Dimension.Time] = "compute rate",
        [Dimension.Energy / Dimension.Of(BaseDimension.Request)] = "energy per request",
        [Dimension.Energy / Dimension.Of(BaseDimension.Token)] = "energy per token",
        [Dimension.Time / Dimension.Of(BaseDimension.Request)] = "time per request",
        [Dimension.Of(BaseDimension.CarbonDioxideEquivalent)] = "climate-change indicator (CO2 eq)",
        [Dimension.Of(BaseDimension.CarbonDioxideEquivalent) / Dimension.Energy] = "carbon intensity of energy",
        [Dimension.Volume / Dimension.Energy] = "water intensity of energy",
        [Dimension.Of(BaseDimension.SulfurDioxideEquivalent)] = "acidification indicator (SO2 eq)",
        [Dimension.Of(BaseDimension.NitrogenEquivalent)] = "eutrophication indicator (N eq)",
        [Dimension.Of(BaseDimension.OzoneEquivalent)] = "smog-formation indicator (O3 eq)",
        [Dimension.Of(BaseDimension.Cfc11Equivalent)] = "ozone-depletion indicator (CFC-11 eq)",
        [Dimension.Of(BaseDimension.Pm25Equivalent)] = "respiratory-effects indicator (PM2.5 eq)",
        [Dimension.Of(BaseDimension.AntimonyEquivalent)] = "abiotic-depletion indicator (Sb eq)",
    });

    public static string? NameOf(Dimension dimension) => Names.Value.GetValueOrDefault(dimension);
}
