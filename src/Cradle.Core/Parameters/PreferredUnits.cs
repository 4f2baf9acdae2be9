using Cradle.Core.Units;

namespace Cradle.Core.Parameters;

/// <summary>The unit a result of a given dimension is shown in when nobody declared one (kWh, not J).</summary>
public static class PreferredUnits
{
    private static readonly string[] Candidates =
    [
        "1", "kWh", "W", "kg", "L", "h", "m", "request", "token", "FLOP", "FLOP/s", "kWh/request", "h/request",
        "kWh/token", "token/request", "kg CO2 eq", "kg CO2 eq/kWh", "L/kWh", "MJ/kWh", "kg SO2 eq", "kg N eq",
        "kg O3 eq", "kg CFC-11 eq", "kg PM2.5 eq", "kg Sb eq", "1/request", "1/h",
    ];

    private static readonly Lazy<Dictionary<Dimension, Unit>> ByDimension = new(() =>
    {
        var map = new Dictionary<Dimension, Unit>();
        foreach (var symbol in Candidates)
        {
            var unit = UnitParser.Parse(symbol);
            map.TryAdd(unit.Dimension, unit);
        }
        return map;
    });

    /// <summary>The preferred unit for <paramref name="dimension"/>, or a coherent base unit named after it.</summary>
    public static Unit For(Dimension dimension) =>
        ByDimension.Value.GetValueOrDefault(dimension) ?? new Unit(dimension.ToString(), dimension, 1);
}
