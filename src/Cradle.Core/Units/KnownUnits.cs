namespace Cradle.Core.Units;

/// <summary>
/// The units Cradle understands, by symbol. Factors are exact: 1 Wh = 3,600 J, 1 L = 0.001 m³, 1 lb = 0.45359237 kg
/// (the international avoirdupois pound), 1 t = 1,000 kg, 1 year = 365 days = 8,760 h (the year ML sources and MLCA
/// amortise hardware over), 1 julian_year = 365.25 days = 8,766 h.
/// Counts of things that are not a checked dimension (devices, nodes, models) are plain numbers, so a GPU-hour or a
/// device-hour (one device busy for one hour) is a time of one hour.
/// </summary>
public static class KnownUnits
{
    private const double Joule = 1;
    private const double WattHour = 3600;
    private const double Hours = 3600;
    private const double Day = 86_400;
    private const double Year = 365 * Day;
    private const double JulianYear = 365.25 * Day;
    private const double Pound = 0.45359237;
    private const double Tonne = 1e3;

    private static readonly Lazy<Dictionary<string, Unit>> BySymbol = new(Build);

    /// <summary>kilowatt-hour.</summary>
    public static Unit KilowattHour => Get("kWh");
    /// <summary>hour.</summary>
    public static Unit Hour => Get("h");
    /// <summary>request.</summary>
    public static Unit Request => Get("request");
    /// <summary>litre.</summary>
    public static Unit Litre => Get("L");
    /// <summary>megajoule.</summary>
    public static Unit Megajoule => Get("MJ");
    /// <summary>kg CO2 eq.</summary>
    public static Unit KilogramCo2Eq => Get("kg CO2 eq");
    /// <summary>kg Sb eq.</summary>
    public static Unit KilogramSbEq => Get("kg Sb eq");

    /// <summary>All accepted symbols (for "did you mean" suggestions).</summary>
    public static IEnumerable<string> Symbols => BySymbol.Value.Keys;

    /// <summary>The most words (separated by spaces) in any symbol: 3, for "kg CO2 eq".</summary>
    internal static int MaxWordsPerSymbol => MaxWords.Value;

    private static readonly Lazy<int> MaxWords = new(() => BySymbol.Value.Keys.Max(s => s.Split(' ').Length));

    /// <summary>Finds a unit by its exact symbol (after collapsing white space), or null.</summary>
    public static Unit? Find(string symbol) =>
        BySymbol.Value.GetValueOrDefault(string.Join(' ', symbol.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    private static Unit Get(string symbol) => BySymbol.Value[symbol];

    private static Dictionary<string, Unit> Build()
    {
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        void Add(Dimension dimension, double factor, params string[] symbols)
        {
            foreach (var symbol in symbols)
            {
                units.Add(symbol, new Unit(symbol, dimension, factor));
            }
        }

        Add(Dimension.None, 1, "1", "device", "devices", "GPU", "GPUs", "node", "nodes", "model", "models", "item", "items", "unit", "units", "call", "calls");
        Add(Dimension.None, 0.01, "%");

        Add(Dimension.Energy, Joule, "J");
        Add(Dimension.Energy, 1e3 * Joule, "kJ");
        Add(Dimension.Energy, 1e6 * Joule, "MJ");
        Add(Dimension.Energy, 1e9 * Joule, "GJ");
        Add(Dimension.Energy, 1e12 * Joule, "TJ");
        Add(Dimension.Energy, WattHour, "Wh");
        Add(Dimension.Energy, 1e3 * WattHour, "kWh");
        Add(Dimension.Energy, 1e6 * WattHour, "MWh");
        Add(Dimension.Energy, 1e9 * WattHour, "GWh");
        Add(Dimension.Energy, 1e12 * WattHour, "TWh");

        Add(Dimension.Power, 1, "W");
        Add(Dimension.Power, 1e3, "kW");
        Add(Dimension.Power, 1e6, "MW");
        Add(Dimension.Power, 1e9, "GW");

        Add(Dimension.Mass, 1e-6, "mg");
        Add(Dimension.Mass, 1e-3, "g");
        Add(Dimension.Mass, 1, "kg");
        Add(Dimension.Mass, Tonne, "t", "tonne", "tonnes");
        Add(Dimension.Mass, Pound, "lb", "lbs");

        Add(Dimension.Volume, 1e-6, "mL");
        Add(Dimension.Volume, 1e-3, "L", "l");
        Add(Dimension.Volume, 1, "kL", "m3", "m³");
        Add(Dimension.Volume, 1e3, "ML");

        Add(Dimension.Length, 1e-2, "cm");
        Add(Dimension.Length, 1e-3, "mm");
        Add(Dimension.Length, 1, "m");
        Add(Dimension.Length.Pow(2), 1, "m2", "m²");
        Add(Dimension.Length.Pow(2), 1e-4, "cm2", "cm²");
        Add(Dimension.Length.Pow(2), 1e-6, "mm2", "mm²");

        Add(Dimension.Time, 1e-3, "ms");
        Add(Dimension.Time, 1, "s");
        Add(Dimension.Time, 60, "min");
        Add(Dimension.Time, Hours, "h", "hour", "hours");
        // A device-hour is one device busy for one hour: devices are plain counts, so it is a time, like "GPU h".
        Add(Dimension.Time, Hours, "GPU-h", "GPU-hour", "GPU-hours", "GPUh", "device-h", "device-hour", "device-hours");
        Add(Dimension.Time, Day, "d", "day", "days");
        Add(Dimension.Time, 7 * Day, "week", "weeks");
        Add(Dimension.Time, Year, "year", "years", "yr", "a");
        Add(Dimension.Time, JulianYear, "julian_year", "julian_years");

        var request = Dimension.Of(BaseDimension.Request);
        Add(request, 1, "request", "requests", "req", "inference", "inferences", "query", "queries");
        Add(request, 1e3, "krequest");
        var token = Dimension.Of(BaseDimension.Token);
        Add(token, 1, "token", "tokens");
        Add(token, 1e3, "ktoken");
        Add(token, 1e6, "Mtoken");
        var image = Dimension.Of(BaseDimension.Image);
        Add(image, 1, "image", "images");
        Add(image, 1e3, "kimage");
        Add(image, 1e6, "Mimage");
        var flop = Dimension.Of(BaseDimension.FloatingPointOperation);
        Add(flop, 1, "FLOP", "FLOPs");
        Add(flop, 1e9, "GFLOP");
        Add(flop, 1e12, "TFLOP");
        Add(flop, 1e15, "PFLOP");
        Add(flop, 1e18, "EFLOP");
        Add(flop, 1e21, "ZFLOP");

        AddEquivalent(units, BaseDimension.CarbonDioxideEquivalent, "CO2 eq", "CO2e", "CO2-eq", "CO2eq");
        AddEquivalent(units, BaseDimension.SulfurDioxideEquivalent, "SO2 eq", "SO2e", "SO2-eq");
        AddEquivalent(units, BaseDimension.NitrogenEquivalent, "N eq", "N-eq");
        AddEquivalent(units, BaseDimension.OzoneEquivalent, "O3 eq", "O3-eq");
        AddEquivalent(units, BaseDimension.Cfc11Equivalent, "CFC-11 eq", "CFC11 eq", "CFC-11-eq");
        AddEquivalent(units, BaseDimension.Pm25Equivalent, "PM2.5 eq", "PM2.5-eq");
        AddEquivalent(units, BaseDimension.AntimonyEquivalent, "Sb eq", "Sb-eq", "Sbeq");
        return units;
    }

    private static void AddEquivalent(Dictionary<string, Unit> units, BaseDimension dimension, params string[] spellings)
    {
        (string Prefix, double Factor)[] masses =
            [("mg", 1e-6), ("g", 1e-3), ("kg", 1), ("t", Tonne), ("tonne", Tonne), ("tonnes", Tonne), ("lb", Pound), ("lbs", Pound)];
        foreach (var spelling in spellings)
        {
            foreach (var (prefix, factor) in masses)
            {
                var symbol = $"{prefix} {spelling}";
                units.Add(symbol, new Unit(symbol, Dimension.Of(dimension), factor));
            }
        }
    }
}
