using Cradle.Syntax;

namespace Cradle.Studies.Definition;

/// <summary>A device type (an accelerator model) with its power and embodied impacts per device.</summary>
/// <param name="Id">Id used by hardware entries.</param>
/// <param name="Name">Product name.</param>
/// <param name="Power">Rated board power (TDP).</param>
/// <param name="PeakCompute">Peak dense compute rate (FLOP/s) for the precision used, for FLOPs ÷ (peak × MFU).</param>
/// <param name="Embodied">Cradle-to-gate impacts per device, by indicator id.</param>
/// <param name="EndOfLife">End-of-life impacts per device, by indicator id.</param>
/// <param name="Location">Where it is defined.</param>
public sealed record DeviceDefinition(
    string Id, string? Name, Datum? Power, Datum? PeakCompute,
    IReadOnlyDictionary<string, Datum> Embodied, IReadOnlyDictionary<string, Datum> EndOfLife, SourceLocation Location)
{
    /// <summary>A catalog device whose figures fill in what this definition leaves out, or null.</summary>
    public (string Id, SourceLocation Location)? Base { get; init; }

    /// <summary>
    /// The production estimator (docs/production.md: "mlca", "ademe-parametric" …) whose gwp100, adpe and primary-energy
    /// figures replace the base's catalog figures, or null for the catalog's own figures with modelled ones where it has none.
    /// </summary>
    public (string Name, SourceLocation Location)? EmbodiedEstimator { get; init; }

    /// <summary>
    /// Why an indicator has no embodied figure, by indicator id (the estimator could not estimate it), for the
    /// missing-data warning; empty when nothing is known beyond the figure's absence.
    /// </summary>
    public IReadOnlyDictionary<string, string> EmbodiedGaps { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// A hardware fleet: devices of one type in nodes, with the node's own (non-accelerator) embodied impacts and power,
/// a lifespan, the share of it the hardware is in use, and the key that allocates its embodied impacts to each use.
/// </summary>
/// <param name="Id">Id used by stages.</param>
/// <param name="DeviceId">The device type.</param>
/// <param name="DeviceLocation">Where the device id is written.</param>
/// <param name="PerNode">Devices per node.</param>
/// <param name="NodeEmbodied">Embodied impacts of one node without its accelerators, by indicator.</param>
/// <param name="NodePower">Power the node draws besides its accelerators.</param>
/// <param name="Lifespan">Service life.</param>
/// <param name="Utilisation">Share of the lifespan the hardware does useful work (0–1].</param>
/// <param name="Location">Where it is defined.</param>
public sealed record HardwareDefinition(
    string Id, string DeviceId, SourceLocation DeviceLocation, Datum PerNode,
    IReadOnlyDictionary<string, Datum> NodeEmbodied, Datum? NodePower, Datum Lifespan, Datum Utilisation, SourceLocation Location)
{
    /// <summary>
    /// A catalog server (servers.yaml, without its accelerators) whose embodied figures and power besides the
    /// accelerators (power.max) fill in what the node leaves out, or null.
    /// </summary>
    public (string Id, SourceLocation Location)? Server { get; init; }

    /// <summary>
    /// How a device-hour takes its share of the embodied impacts (<c>allocation:</c>); null when not stated, and then
    /// <see cref="AllocationKeys.Default"/> (busy hours) unless <c>inference.allocation</c> says otherwise for serving.
    /// </summary>
    public AllocationKey? Allocation { get; init; }

    /// <summary>Power one device draws while idle (W, ≥ 0), for the energy allocation key; null when not written.</summary>
    public Datum? IdlePower { get; init; }
}

/// <summary>An electricity grid: impacts per kWh delivered, by indicator, and the basis of the carbon factor.</summary>
/// <param name="Id">Id used by sites.</param>
/// <param name="Name">Human name.</param>
/// <param name="Basis">"direct" (combustion only) or "life-cycle" (with upstream chains).</param>
/// <param name="PerKilowattHour">
/// Impacts per kWh by indicator (gwp100: 0.332 kg CO2e/kWh, water: 1.29 L/kWh …); its carbon figures are location-based.
/// </param>
/// <param name="Location">Where it is defined.</param>
public sealed record GridDefinition(string Id, string? Name, string? Basis, IReadOnlyDictionary<string, Datum> PerKilowattHour, SourceLocation Location)
{
    /// <summary>A catalog grid whose figures fill in what this definition leaves out, or null.</summary>
    public (string Id, SourceLocation Location)? Base { get; init; }

    /// <summary>Direct pollutant emissions per kWh (so2, nox, pm25), characterised by the assessed methods (TRACI 2.1).</summary>
    public IReadOnlyDictionary<string, Datum> Emissions { get; init; } = new Dictionary<string, Datum>();

    /// <summary>
    /// Market-based carbon factors per kWh by indicator (gwp100, gwp20; kg CO2e/kWh): what the consumer's contracts
    /// (certificates, power purchase agreements, a supplier's mix) emit, net of purchased renewables. Empty when not stated.
    /// </summary>
    public IReadOnlyDictionary<string, Datum> MarketBased { get; init; } = new Dictionary<string, Datum>();

    /// <summary>
    /// Residual-mix carbon factors per kWh by indicator (kg CO2e/kWh): the grid's mix once the contracted renewables are
    /// taken out, the market-based factor of consumption no instrument covers. Empty when not stated.
    /// </summary>
    public IReadOnlyDictionary<string, Datum> ResidualMix { get; init; } = new Dictionary<string, Datum>();
}

/// <summary>A data-centre site: its grid, power usage effectiveness and on-site water use.</summary>
/// <param name="Id">Id used by stages.</param>
/// <param name="Name">Human name.</param>
/// <param name="GridId">The grid it draws from.</param>
/// <param name="GridLocation">Where the grid id is written.</param>
/// <param name="Pue">Power usage effectiveness, facility energy ÷ IT energy, ≥ 1; null only while a named data-centre
/// profile (<see cref="SiteDefinition.Datacentre"/>) has still to give it (the compiler fills it in before assembling).</param>
/// <param name="Wue">On-site water consumed per kWh of IT energy; null, like <paramref name="Pue"/>, only until the
/// named data-centre profile gives it.</param>
/// <param name="OffsiteWater">Water consumed per kWh by electricity generation, replacing the grid's figure at this site.</param>
/// <param name="Location">Where it is defined.</param>
public sealed record SiteDefinition(
    string Id, string? Name, string GridId, SourceLocation GridLocation, Datum? Pue, Datum? Wue, Datum? OffsiteWater, SourceLocation Location)
{
    /// <summary>A catalog data-centre profile (datacentres.yaml) whose PUE and WUE fill in what the site leaves out, or null.</summary>
    public (string Id, SourceLocation Location)? Datacentre { get; init; }

    /// <summary>
    /// Market-based carbon factors per kWh for this site's electricity (its own contracts), replacing its grid's
    /// market-based and residual-mix figures at this site, as <see cref="OffsiteWater"/> replaces the grid's water.
    /// </summary>
    public IReadOnlyDictionary<string, Datum> MarketBased { get; init; } = new Dictionary<string, Datum>();
}
