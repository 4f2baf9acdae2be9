namespace Cradle.Interchange.Reading;

/// <summary>A unit of a unit group; <paramref name="ConversionFactor"/> reference units make one of it (kWh: 3.6 MJ).</summary>
/// <param name="Id">The unit's UUID (may be empty in hand-written packages).</param>
/// <param name="Name">Its symbol as openLCA names it, e.g. "kg", "gal (US liq)".</param>
/// <param name="ConversionFactor">Reference units per one of this unit.</param>
/// <param name="IsReference">True for the group's reference unit (factor 1).</param>
public sealed record BackgroundUnit(string Id, string Name, double ConversionFactor, bool IsReference);

/// <summary>A unit group (units of mass, energy, …) and its reference unit.</summary>
/// <param name="Id">UUID.</param>
/// <param name="Name">Name, e.g. "Units of energy".</param>
/// <param name="Units">Every unit of the group.</param>
public sealed record BackgroundUnitGroup(string Id, string Name, IReadOnlyList<BackgroundUnit> Units)
{
    /// <summary>The reference unit, or null where the group names none (reported as a finding).</summary>
    public BackgroundUnit? ReferenceUnit => Units.FirstOrDefault(u => u.IsReference);

    /// <summary>The unit with this id, else with this name (hand-made packages often give only the name).</summary>
    public BackgroundUnit? Find(string? id, string? name) =>
        Units.FirstOrDefault(u => id is { Length: > 0 } && u.Id == id) ?? Units.FirstOrDefault(u => name is not null && u.Name == name);
}

/// <summary>A flow property (Mass, Energy, Volume, …) measured in one unit group.</summary>
/// <param name="Id">UUID.</param>
/// <param name="Name">Name.</param>
/// <param name="UnitGroupId">Its unit group.</param>
public sealed record BackgroundFlowProperty(string Id, string Name, string UnitGroupId);

/// <summary>What a flow is: a product or waste of the technosphere, or an elementary flow with nature.</summary>
public enum BackgroundFlowType
{
    /// <summary>PRODUCT_FLOW.</summary>
    Product,

    /// <summary>WASTE_FLOW.</summary>
    Waste,

    /// <summary>ELEMENTARY_FLOW.</summary>
    Elementary,
}

/// <summary>How much of a flow property one reference amount of a flow has (1 for the reference property).</summary>
/// <param name="FlowPropertyId">The property.</param>
/// <param name="ConversionFactor">Amount of this property per one unit of the reference property.</param>
/// <param name="IsReference">True for the flow's reference property.</param>
public sealed record BackgroundFlowPropertyFactor(string FlowPropertyId, double ConversionFactor, bool IsReference);

/// <summary>A flow: product, waste or elementary, with its reference flow property.</summary>
/// <param name="Id">UUID.</param>
/// <param name="Name">Name, e.g. "Methane, biogenic".</param>
/// <param name="Type">Product, waste or elementary.</param>
/// <param name="CategoryPath">Its category path; for elementary flows the compartment, e.g. ["Elementary flows", "Emission to air", "unspecified"].</param>
/// <param name="Properties">Its flow property factors.</param>
/// <param name="LocationId">Its location, if any.</param>
public sealed record BackgroundFlow(
    string Id, string Name, BackgroundFlowType Type, IReadOnlyList<string> CategoryPath,
    IReadOnlyList<BackgroundFlowPropertyFactor> Properties, string? LocationId)
{
    /// <summary>The reference flow property factor, or null where none is flagged (reported as a finding).</summary>
    public BackgroundFlowPropertyFactor? ReferenceProperty => Properties.FirstOrDefault(p => p.IsReference);
}

/// <summary>
/// One exchange of a process, as given (<see cref="Amount"/> in <see cref="UnitName"/>) and in its flow's reference unit
/// (<see cref="ReferenceAmount"/>, null where the unit or property is unknown: a finding says which).
/// </summary>
/// <param name="InternalId">The exchange's id within its process (what process links point to).</param>
/// <param name="FlowId">The flow exchanged.</param>
/// <param name="IsInput">True for an input.</param>
/// <param name="Amount">The amount as given, in <paramref name="UnitName"/>.</param>
/// <param name="UnitName">The unit as given.</param>
/// <param name="ReferenceAmount">The amount in the flow's reference unit, or null where it cannot be converted.</param>
/// <param name="IsQuantitativeReference">True for the process's quantitative reference.</param>
/// <param name="IsAvoidedProduct">True for an avoided product (system expansion).</param>
/// <param name="DefaultProviderId">The process the data set names as provider of this input, if any.</param>
public sealed record BackgroundExchange(
    int InternalId, string FlowId, bool IsInput, double Amount, string UnitName, double? ReferenceAmount,
    bool IsQuantitativeReference, bool IsAvoidedProduct, string? DefaultProviderId)
{
    /// <summary>The amount's uncertainty as the package states it (in <see cref="UnitName"/>), or null for an exact amount.</summary>
    public ExchangeUncertainty? Uncertainty { get; init; }
}

/// <summary>An allocation factor as the process states it.</summary>
/// <param name="Method">PHYSICAL_ALLOCATION, ECONOMIC_ALLOCATION or CAUSAL_ALLOCATION.</param>
/// <param name="ProductFlowId">The co-product the share goes to.</param>
/// <param name="Value">The share.</param>
/// <param name="ExchangeInternalId">For causal allocation, the exchange it applies to.</param>
public sealed record BackgroundAllocationFactor(string Method, string ProductFlowId, double Value, int? ExchangeInternalId);

/// <summary>A unit or system process with its exchanges and allocation as given.</summary>
/// <param name="Id">UUID.</param>
/// <param name="Name">Name.</param>
/// <param name="ProcessType">UNIT_PROCESS or LCI_RESULT.</param>
/// <param name="LocationId">Its location, if any.</param>
/// <param name="DefaultAllocationMethod">The allocation method the data set names as default, if any.</param>
/// <param name="Exchanges">Its exchanges.</param>
/// <param name="AllocationFactors">Its allocation factors, as given.</param>
public sealed record BackgroundProcess(
    string Id, string Name, string? ProcessType, string? LocationId, string? DefaultAllocationMethod,
    IReadOnlyList<BackgroundExchange> Exchanges, IReadOnlyList<BackgroundAllocationFactor> AllocationFactors)
{
    /// <summary>The exchange flagged as quantitative reference, or null (a finding says so).</summary>
    public BackgroundExchange? QuantitativeReference => Exchanges.FirstOrDefault(e => e.IsQuantitativeReference);
}

/// <summary>A characterisation factor: indicator units per one unit (<see cref="UnitName"/>) of a flow.</summary>
/// <param name="FlowId">The flow characterised.</param>
/// <param name="Value">The factor as given, per <paramref name="UnitName"/>.</param>
/// <param name="UnitName">The unit the factor is given per.</param>
/// <param name="ReferenceValue">The factor per the flow's reference unit, or null where the unit is unknown.</param>
public sealed record BackgroundImpactFactor(string FlowId, double Value, string UnitName, double? ReferenceValue);

/// <summary>An LCIA category with its factors.</summary>
/// <param name="Id">UUID.</param>
/// <param name="Name">Name.</param>
/// <param name="ReferenceUnit">The indicator unit, e.g. "kg CO2 eq".</param>
/// <param name="Factors">Its characterisation factors.</param>
public sealed record BackgroundImpactCategory(string Id, string Name, string? ReferenceUnit, IReadOnlyList<BackgroundImpactFactor> Factors);

/// <summary>An LCIA method: the categories it groups.</summary>
/// <param name="Id">UUID.</param>
/// <param name="Name">Name.</param>
/// <param name="CategoryIds">Its categories' ids.</param>
public sealed record BackgroundImpactMethod(string Id, string Name, IReadOnlyList<string> CategoryIds);

/// <summary>A link of a product system: <paramref name="ProviderId"/> supplies <paramref name="FlowId"/> to exchange <paramref name="ExchangeInternalId"/> of <paramref name="ConsumerId"/>.</summary>
/// <param name="ProviderId">The providing process.</param>
/// <param name="FlowId">The product (or waste) linked.</param>
/// <param name="ConsumerId">The consuming process.</param>
/// <param name="ExchangeInternalId">The consumer's exchange.</param>
public sealed record BackgroundProcessLink(string ProviderId, string FlowId, string ConsumerId, int ExchangeInternalId);

/// <summary>A product system: a reference process and exchange, a target amount and the links between its processes.</summary>
/// <param name="Id">UUID.</param>
/// <param name="Name">Name.</param>
/// <param name="ReferenceProcessId">The reference process.</param>
/// <param name="ReferenceExchangeInternalId">The reference process's exchange the target is of.</param>
/// <param name="TargetAmount">The target amount, in <paramref name="TargetUnitName"/>.</param>
/// <param name="TargetUnitName">The unit of the target amount, as given.</param>
/// <param name="ProcessIds">Its processes.</param>
/// <param name="Links">Its process links.</param>
public sealed record BackgroundProductSystem(
    string Id, string Name, string ReferenceProcessId, int ReferenceExchangeInternalId, double TargetAmount, string? TargetUnitName,
    IReadOnlyList<string> ProcessIds, IReadOnlyList<BackgroundProcessLink> Links);

/// <summary>A location.</summary>
/// <param name="Id">UUID.</param>
/// <param name="Name">Name.</param>
/// <param name="Code">Its code, e.g. "US-NE".</param>
public sealed record BackgroundLocation(string Id, string Name, string? Code);

/// <summary>
/// Something in a package its user must know, with a stable code and where it is: cut-off (an input no process in the
/// package provides), multi-output (with the allocation as stated), no-quantitative-reference, unknown-unit,
/// unknown-flow, unknown-flow-property, no-reference-unit, duplicate-exchange-id, unknown-process, unknown-exchange, unknown-category.
/// </summary>
/// <param name="Code">Stable code.</param>
/// <param name="File">The package entry, e.g. "processes/81e3e71d-….json".</param>
/// <param name="Field">The field, e.g. "exchanges[3].unit".</param>
/// <param name="Message">What it is and what it means.</param>
public sealed record ImportFinding(string Code, string File, string Field, string Message);
