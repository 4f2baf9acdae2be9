namespace Cradle.Studies.Definition;

/// <summary>
/// The two ways of counting the carbon of purchased electricity (GHG Protocol Scope 2 Guidance, 2015): location-based,
/// the average emission factor of the grid the electricity is drawn from (gross: what the grid emits, whatever was
/// bought), and market-based, the factor of what the consumer contracted for (renewable certificates, power purchase
/// agreements, a supplier's mix), with the residual mix for consumption no instrument covers (net of purchased
/// renewables). Studies report one; a result shows the other too when figures for it exist.
/// </summary>
public static class CarbonBasis
{
    /// <summary>The grid-average factor: the default, as the Scope 2 Guidance makes it the one every report must give.</summary>
    public const string LocationBased = "location-based";

    /// <summary>The contracted factor (or the residual mix where no instrument covers the consumption).</summary>
    public const string MarketBased = "market-based";

    /// <summary>Both bases, for choices and suggestions.</summary>
    public static IReadOnlyList<string> All { get; } = [LocationBased, MarketBased];

    /// <summary>
    /// The indicators the basis applies to: greenhouse-gas categories. Other categories (water, acidification …) have no
    /// market instruments, so their grid figures are the same on both bases.
    /// </summary>
    public static IReadOnlyList<string> Indicators { get; } = ["gwp100", "gwp20"];

    /// <summary>The basis that is not <paramref name="basis"/>.</summary>
    public static string Other(string basis) => basis == MarketBased ? LocationBased : MarketBased;

    /// <summary>
    /// The id of the extra result row that gives <paramref name="indicatorId"/> on <paramref name="basis"/>, e.g.
    /// "gwp100-market" or "gwp100-location".
    /// </summary>
    public static string RowId(string indicatorId, string basis) => $"{indicatorId}-{(basis == MarketBased ? "market" : "location")}";
}
