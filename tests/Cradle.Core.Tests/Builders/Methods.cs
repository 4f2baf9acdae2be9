using Cradle.Core.Model;
using Cradle.Core.Units;

namespace Cradle.Core.Tests.Builders;

/// <summary>Impact methods used across the tests, with the published factors they stand for.</summary>
internal static class Methods
{
    /// <summary>IPCC AR6 GWP100: CO2 = 1, fossil CH4 = 29.8 kg CO2 eq per kg.</summary>
    public const double Ch4FossilGwp100 = 29.8;

    /// <summary>Climate change (GWP100, AR6) over the flows "co2" and "ch4" (both in kg).</summary>
    public static ImpactCategory Gwp100(string co2 = "co2", string ch4 = "ch4") =>
        new("gwp100", "Climate change, GWP100 (IPCC AR6)", KnownUnits.KilogramCo2Eq,
            new Dictionary<string, double> { [co2] = 1.0, [ch4] = Ch4FossilGwp100 });

    /// <summary>Water consumption in m³, for a flow "water" counted in L (0.001 m³ per L).</summary>
    public static ImpactCategory WaterUse(string water = "water") =>
        new("water", "Water consumption", UnitParser.Parse("m3"), new Dictionary<string, double> { [water] = 0.001 });

    /// <summary>A category with factors in indicator units per one unit of each flow, e.g. ("n2o", 273).</summary>
    public static ImpactCategory Category(string id, string unit, params (string Flow, double Factor)[] factors) =>
        new(id, id, UnitParser.Parse(unit), factors.ToDictionary(f => f.Flow, f => f.Factor));

    public static ImpactMethod Of(params ImpactCategory[] categories) => new("test", "Test method", categories);
}
