namespace Cradle.Trends.Assessment;

/// <summary>The indicators of the trend study (MLCA's set: electricity, climate change, abiotic depletion, primary energy).</summary>
public enum Indicator
{
    /// <summary>Electricity drawn for training, kWh (use phase only).</summary>
    Energy,
    /// <summary>Climate change, GWP100, kg CO2 eq.</summary>
    Gwp,
    /// <summary>Abiotic depletion of elements (minerals and metals), kg Sb eq.</summary>
    Adpe,
    /// <summary>Primary energy, MJ (non-renewable for electricity, as the catalog's grid factors; the device's embodied figure for production).</summary>
    PrimaryEnergy,
}

/// <summary>Units and catalog figure names of the indicators.</summary>
public static class Indicators
{
    /// <summary>All four, in report order.</summary>
    public static IReadOnlyList<Indicator> All { get; } = [Indicator.Energy, Indicator.Gwp, Indicator.Adpe, Indicator.PrimaryEnergy];

    /// <summary>The impact indicators (with a production phase).</summary>
    public static IReadOnlyList<Indicator> Impacts { get; } = [Indicator.Gwp, Indicator.Adpe, Indicator.PrimaryEnergy];

    /// <summary>The unit results are given in: kWh, kg CO2 eq, kg Sb eq, MJ.</summary>
    public static string Unit(this Indicator indicator) => indicator switch
    {
        Indicator.Energy => "kWh",
        Indicator.Gwp => "kg CO2 eq",
        Indicator.Adpe => "kg Sb eq",
        _ => "MJ",
    };

    /// <summary>The stable key reports use: energy, gwp, adpe, pe.</summary>
    public static string Key(this Indicator indicator) => indicator switch
    {
        Indicator.Energy => "energy",
        Indicator.Gwp => "gwp",
        Indicator.Adpe => "adpe",
        _ => "pe",
    };

    /// <summary>The grid figure per kWh ("gwp100", "adpe", "primary-energy"); null for energy.</summary>
    internal static string? GridFigure(this Indicator indicator) => indicator switch
    {
        Indicator.Gwp => "gwp100",
        Indicator.Adpe => "adpe",
        Indicator.PrimaryEnergy => "primary-energy",
        _ => null,
    };
}
