namespace Cradle.Catalog.Production;

/// <summary>
/// The production (embodied) impact criteria the estimators report. Each has one fixed unit, given by
/// <see cref="ProductionCriteria.Unit"/>; values are always in that unit.
/// </summary>
public enum ProductionCriterion
{
    /// <summary>Climate change, GWP100: kg CO2e.</summary>
    Gwp100,

    /// <summary>Abiotic depletion of elements (minerals and metals): kg Sb eq.</summary>
    Adpe,

    /// <summary>Primary energy (ADEME's total primary energy, TPE; MLCA's PE): MJ.</summary>
    PrimaryEnergy,

    /// <summary>Water use, AWARE scarcity-weighted: m³ world-eq deprived. Only the ADEME data report it.</summary>
    WaterUse,
}

/// <summary>Units and names of <see cref="ProductionCriterion"/>.</summary>
public static class ProductionCriteria
{
    /// <summary>Every criterion, in report order.</summary>
    public static IReadOnlyList<ProductionCriterion> All { get; } =
        [ProductionCriterion.Gwp100, ProductionCriterion.Adpe, ProductionCriterion.PrimaryEnergy, ProductionCriterion.WaterUse];

    /// <summary>The unit every value of <paramref name="criterion"/> is in ("kg CO2e", "kg Sb eq", "MJ", "m3 world-eq").</summary>
    public static string Unit(ProductionCriterion criterion) => criterion switch
    {
        ProductionCriterion.Gwp100 => "kg CO2e",
        ProductionCriterion.Adpe => "kg Sb eq",
        ProductionCriterion.PrimaryEnergy => "MJ",
        ProductionCriterion.WaterUse => "m3 world-eq",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "unknown production criterion"),
    };
}
