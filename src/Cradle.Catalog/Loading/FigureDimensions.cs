using Cradle.Core.Units;

namespace Cradle.Catalog.Loading;

/// <summary>The figures each kind of entry may carry, and the dimension each must have.</summary>
internal static class FigureDimensions
{
    private static readonly Dimension Co2 = Dimension.Of(BaseDimension.CarbonDioxideEquivalent);
    private static readonly Dimension Sb = Dimension.Of(BaseDimension.AntimonyEquivalent);
    private static readonly Dimension ComputeRate = Dimension.Of(BaseDimension.FloatingPointOperation) / Dimension.Time;

    /// <summary>Indicators a per-unit (embodied, end-of-life) figure may be given for, with their dimension.</summary>
    private static readonly Dictionary<string, Dimension> PerUnit = new(StringComparer.Ordinal)
    {
        ["gwp100"] = Co2,
        ["gwp20"] = Co2,
        ["adpe"] = Sb,
        ["primary-energy"] = Dimension.Energy,
        ["water"] = Dimension.Volume,
    };

    private static readonly string[] Precisions = ["fp64", "fp32", "tf32", "fp16", "bf16", "fp8", "int8"];

    private static readonly string[] Pollutants = ["so2", "nox", "pm25", "ch4", "n2o", "co2"];

    /// <summary>The names allowed for <paramref name="kind"/>, for suggestions.</summary>
    public static IEnumerable<string> Names(string kind) => Table(kind).Keys;

    /// <summary>The dimension of figure <paramref name="name"/> on an entry of <paramref name="kind"/>, or null if it has no such figure.</summary>
    public static Dimension? Expected(string kind, string name) => Table(kind).TryGetValue(name, out var d) ? d : null;

    private static Dictionary<string, Dimension> Table(string kind)
    {
        var table = new Dictionary<string, Dimension>(StringComparer.Ordinal);
        void PerUnitFigures(string prefix)
        {
            foreach (var (indicator, dimension) in PerUnit)
            {
                table[$"{prefix}.{indicator}"] = dimension;
            }
        }
        switch (kind)
        {
            case "accelerator":
                table["power"] = Dimension.Power;
                foreach (var precision in Precisions)
                {
                    table[$"peak_compute.{precision}"] = ComputeRate;
                }
                PerUnitFigures("embodied");
                PerUnitFigures("end_of_life");
                break;
            case "cpu":
                table["power"] = Dimension.Power;
                PerUnitFigures("embodied");
                break;
            case "server":
                table["power.idle"] = Dimension.Power;
                table["power.max"] = Dimension.Power;
                PerUnitFigures("embodied");
                PerUnitFigures("end_of_life");
                break;
            case "component":
                PerUnitFigures("embodied");
                break;
            case "grid" or "cloud-region":
                table["gwp100"] = Co2 / Dimension.Energy;
                table["water"] = Dimension.Volume / Dimension.Energy;
                table["primary-energy"] = Dimension.None;
                table["adpe"] = Sb / Dimension.Energy;
                foreach (var pollutant in Pollutants)
                {
                    table[$"emissions.{pollutant}"] = Dimension.Mass / Dimension.Energy;
                }
                if (kind == "cloud-region")
                {
                    table["pue"] = Dimension.None;
                    table["wue"] = Dimension.Volume / Dimension.Energy;
                }
                break;
            case "datacentre":
                table["pue"] = Dimension.None;
                table["wue"] = Dimension.Volume / Dimension.Energy;
                break;
        }
        return table;
    }
}
