using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// The development stages: one process per stage run, with its energy and device-hour supply chains, or the declared
/// footprint that stands in for its activity data.
/// </summary>
internal sealed class DevelopmentStages(
    SystemUnderConstruction system, SupplyChains chains, StudyDefinition study, ParameterCollector parameters, ProblemList problems,
    IndicatorSet indicatorSet, IReadOnlyList<Indicator> indicators, BoundaryScope boundary, DefinitionLookup definitions, EnergyExpressions energyExpressions)
{
    public static readonly Dimension Flops = Dimension.Of(BaseDimension.FloatingPointOperation);

    private static readonly Unit RunUnit = new("run", Dimension.None, 1);

    /// <summary>Assessed categories a stage's declared footprint does not give: not covered for that stage, never zero.</summary>
    public List<UncoveredCategory> StageGaps { get; } = [];

    private readonly Dictionary<string, StageAmounts?> _amounts = new(StringComparer.Ordinal);

    /// <summary>What one run of a stage consumes, as expressions, and where.</summary>
    /// <remarks>Energy, Site and EnergyDefinition are all null for a stage with no energy of its own (a declared
    /// footprint, or hardware time for the embodied share only).</remarks>
    private sealed record StageAmounts(string? Energy, string? DeviceTime, SiteDefinition? Site, HardwareDefinition? Hardware, DeviceDefinition? Device, EnergyDefinition? EnergyDefinition, bool NodePowerAdded);

    /// <summary>Adds the process of one stage run; returns its product id, or null when the stage has errors.</summary>
    public string? AddStage(StageDefinition stage)
    {
        var own = stage.ShareOf is null ? Amounts(stage) : ShareOfAmounts(stage);
        if (own is null)
        {
            return null;
        }
        var inputs = new List<TechnosphereInput>();
        if (own is { Energy: { } energy, Site: { } site, EnergyDefinition: { } definition })
        {
            inputs.Add(new(chains.EnergyChain(stage.Id, stage.Kind, site, definition, own.NodePowerAdded), energy));
            if (stage.Idle is { } idle && IdleEnergy(stage, idle, own.DeviceTime, site, definition) is { } idleInput)
            {
                inputs.Add(idleInput);
            }
        }
        else if (stage.Idle is { } idle)
        {
            problems.Error("idle-without-energy", idle.Location, $"stages.{stage.Id}.idle",
                "idle power is counted beside the stage's own energy, at its site; this stage has none (a declared footprint, which stands for its whole operation, or hardware time only). Remove 'idle', or give 'energy' and 'site'.");
        }
        if (own.Hardware is not null && own.Device is not null && own.DeviceTime is not null
            && chains.HardwareChain(stage.Id, own.Hardware, own.Device, own.Hardware.Allocation ?? AllocationKeys.Default) is { } deviceHour)
        {
            inputs.Add(new TechnosphereInput(deviceHour, own.DeviceTime));
        }
        var product = $"stage:{stage.Id}";
        system.AddProcess(product, $"{stage.Id} ({stage.Kind}), one run", RunUnit, stage.Kind, stage.Id, inputs, DeclaredFlows(stage));
        return product;
    }

    /// <summary>
    /// The idle energy of one stage run, through its own energy chain (scope <c>ID-idle</c>, the stage's kind) so that
    /// it has its own rows, as <c>inference.idle</c> does for serving: the stated device time is the busy time, so idle
    /// time = device time × (1 − occupancy) ÷ occupancy, times the idle power per device. Repeats and a share multiply
    /// the device time, so they multiply the idle time too. Null (with an error) without device time.
    /// </summary>
    private TechnosphereInput? IdleEnergy(StageDefinition stage, IdleDefinition idle, string? deviceTime, SiteDefinition site, EnergyDefinition energy)
    {
        if (deviceTime is null)
        {
            problems.Error("missing-field", idle.Location, $"stages.{stage.Id}.device_time",
                "the device time of the stage: idle time is counted as a share of it (device time × (1 − occupancy) ÷ occupancy).");
            return null;
        }
        var power = parameters.Add(P("stages", stage.Id, "idle", "power"), idle.Power, Dimension.Power, "an idle power per device ('100 W')");
        var occupancy = parameters.Add(P("stages", stage.Id, "idle", "occupancy"), idle.Occupancy, Dimension.None, "a busy share of the allocated time in (0, 1] ('0.9')");
        // Same site, grid and PUE choice as the stage's energy: idle nodes sit in the same facility. The idle power is
        // what the study says one device draws, so its convention is device (gpu) energy, without node power added.
        var product = chains.EnergyChain($"{stage.Id}-idle", stage.Kind, site, energy with { Boundary = EnergyBoundary.Gpu }, nodePowerAdded: false);
        return new TechnosphereInput(product, $"({deviceTime}) * (1 - {occupancy}) / {occupancy} * {power}");
    }

    /// <summary>A stage stated as a share of another (experimentation ≈ 50 % of final training): the other's amounts × share.</summary>
    private StageAmounts? ShareOfAmounts(StageDefinition stage)
    {
        var reference = definitions.Lookup(study.Stages, s => s.Id, stage.ShareOf!, "stages", stage.Location, $"stages.{stage.Id}.share_of");
        if (reference is null)
        {
            return null;
        }
        if (reference.ShareOf is not null)
        {
            problems.Error("share-of-share", stage.Location, $"stages.{stage.Id}.share_of",
                $"'{reference.Id}' is itself a share of '{reference.ShareOf}'; a share must refer to a stage with its own energy.");
            return null;
        }
        if (stage.Share is null)
        {
            problems.Error("missing-field", stage.Location, $"stages.{stage.Id}.share", $"say what share of '{reference.Id}' this stage amounts to, e.g. 0.5.");
            return null;
        }
        if (stage.Energy is not null || stage.DeviceTime is not null || stage.Footprint.Count > 0)
        {
            problems.Error("share-with-energy", stage.Location, $"stages.{stage.Id}",
                "a stage stated as a share of another takes its energy and device time from that stage; remove 'energy', 'device_time' and 'footprint', or 'share_of'.");
            return null;
        }
        if (reference.Energy is null)
        {
            problems.Error("share-of-share", stage.Location, $"stages.{stage.Id}.share_of",
                $"'{reference.Id}' has no energy of its own (a declared footprint or hardware time only); a share must refer to a stage with its own energy.");
            return null;
        }
        var baseAmounts = Amounts(reference);
        if (baseAmounts is null)
        {
            return null;
        }
        var share = parameters.Add(P("stages", stage.Id, "share"), stage.Share, Dimension.None, "a share (a ratio, e.g. 0.5)");
        var repeats = Repeats(stage);
        var site = stage.SiteId is null ? baseAmounts.Site : system.Site(stage.SiteId, stage.SiteLocation ?? stage.Location, $"stages.{stage.Id}.site");
        var (hardware, device) = stage.HardwareId is null ? (baseAmounts.Hardware, baseAmounts.Device)
            : system.Hardware(stage.HardwareId, stage.HardwareLocation ?? stage.Location, $"stages.{stage.Id}.hardware");
        return site is null ? null : baseAmounts with
        {
            Hardware = hardware,
            Device = device,
            Energy = $"{share} * {repeats} * ({baseAmounts.Energy})",
            DeviceTime = baseAmounts.DeviceTime is null ? null : $"{share} * {repeats} * ({baseAmounts.DeviceTime})",
            Site = site,
        };
    }

    private StageAmounts? Amounts(StageDefinition stage)
    {
        if (_amounts.TryGetValue(stage.Id, out var cached))
        {
            return cached;
        }
        _amounts[stage.Id] = null;
        var field = $"stages.{stage.Id}";
        if (stage.Energy is null)
        {
            return AmountsWithoutEnergy(stage);
        }
        if (stage.Footprint.Count > 0)
        {
            problems.Error("footprint-with-energy", stage.Energy.Location, $"{field}.energy",
                "a declared footprint stands for the stage's operation, and its energy would count it a second time; give either 'footprint' or 'energy'.");
            return null;
        }
        if (stage.SiteId is null)
        {
            problems.Error("missing-field", stage.Location, $"{field}.site", "say where the stage ran: a site id.");
            return null;
        }
        var site = system.Site(stage.SiteId, stage.SiteLocation ?? stage.Location, $"{field}.site");
        var (hardware, device) = system.Hardware(stage.HardwareId, stage.HardwareLocation ?? stage.Location, $"{field}.hardware");
        var deviceTime = DeviceTime(stage, device);
        var energy = energyExpressions.For(stage.Energy, $"{field}", deviceTime, hardware, site, out var nodePowerAdded);
        if (site is null || energy is null)
        {
            return null;
        }
        if (hardware is not null && deviceTime is null && boundary.Includes(StageKinds.HardwareManufacture))
        {
            problems.Warning("missing-device-time", stage.Location, $"{field}.device_time",
                "no device time: the embodied impacts of this stage's hardware are not counted (an underestimate).");
        }
        var repeats = Repeats(stage);
        var amounts = new StageAmounts($"{repeats} * ({energy})", deviceTime is null ? null : $"{repeats} * {deviceTime}",
            site, hardware, device, stage.Energy, nodePowerAdded);
        _amounts[stage.Id] = amounts;
        return amounts;
    }

    /// <summary>
    /// A stage without energy of its own: a declared footprint (with or without hardware time), or hardware time alone,
    /// which counts the embodied share of the hardware and nothing else.
    /// </summary>
    private StageAmounts? AmountsWithoutEnergy(StageDefinition stage)
    {
        var field = $"stages.{stage.Id}";
        var declared = stage.Footprint.Count > 0;
        if (!declared && (stage.HardwareId is null || stage.DeviceTime is null))
        {
            problems.Error("missing-field", stage.Location, $"{field}.energy",
                "give the stage's energy (value or average_power), make it a share of another stage with 'share_of', declare its reported 'footprint', or give 'hardware' and 'device_time' for the embodied share alone.");
            return null;
        }
        if (stage.SiteId is not null)
        {
            problems.Error("site-without-energy", stage.SiteLocation ?? stage.Location, $"{field}.site",
                "a site turns a stage's energy into grid electricity and water, and this stage has no energy; remove 'site', or give 'energy'.");
            return null;
        }
        var (hardware, device) = system.Hardware(stage.HardwareId, stage.HardwareLocation ?? stage.Location, $"{field}.hardware");
        var deviceTime = DeviceTime(stage, device);
        var manufacture = boundary.Includes(StageKinds.HardwareManufacture);
        if (!declared)
        {
            problems.Warning("missing-energy", stage.Location, $"{field}.energy", manufacture
                ? "no energy: only the embodied share of this stage's hardware time is counted, not its electricity (an underestimate if it drew any)."
                : "no energy, and hardware-manufacture is outside the boundary: this stage counts nothing (give its energy or a declared footprint).");
        }
        else if (hardware is not null && deviceTime is null && manufacture)
        {
            problems.Warning("missing-device-time", stage.Location, $"{field}.device_time",
                "no device time: the embodied impacts of this stage's hardware are not counted (an underestimate).");
        }
        var repeats = Repeats(stage);
        var amounts = new StageAmounts(null, deviceTime is null ? null : $"{repeats} * {deviceTime}", null, hardware, device, null, false);
        _amounts[stage.Id] = amounts;
        return amounts;
    }

    /// <summary>The stage's repeats parameter, added once (a declared stage asks for it for its flows and its hardware time).</summary>
    private string Repeats(StageDefinition stage)
    {
        if (stage.Repeats is null)
        {
            return "1";
        }
        var name = P("stages", stage.Id, "repeats");
        return system.FirstTime(name) ? parameters.Add(name, stage.Repeats, Dimension.None, "a number of runs") : name;
    }

    /// <summary>Device time: declared, or FLOPs ÷ (peak × MFU) with the peak of the stage or of the device.</summary>
    private string? DeviceTime(StageDefinition stage, DeviceDefinition? device)
    {
        var time = stage.DeviceTime;
        var name = P("stages", stage.Id, "device_time");
        if (time is null)
        {
            return null;
        }
        if (time.Value is not null)
        {
            return parameters.Add(name, time.Value, Dimension.Time, "a device time (e.g. GPU-hours: '374000 h')");
        }
        if (time.Operations is null || time.Utilisation is null)
        {
            return null;
        }
        var flops = parameters.Add(P("stages", stage.Id, "flops"), time.Operations, Flops, "a number of floating-point operations ('1.8e23 FLOP')");
        var mfu = parameters.Add(P("stages", stage.Id, "mfu"), time.Utilisation, Dimension.None, "a model FLOPs utilisation (a share between 0 and 1)");
        string peak;
        if (time.PeakCompute is not null)
        {
            peak = parameters.Add(P("stages", stage.Id, "peak_compute"), time.PeakCompute, Flops / Dimension.Time, "a compute rate ('989 TFLOP/s')");
        }
        else if (device?.PeakCompute is not null)
        {
            peak = EnsureDevicePeak(device);
        }
        else
        {
            problems.Error("missing-field", time.Location, $"stages.{stage.Id}.device_time.peak_compute",
                "FLOPs ÷ (peak × MFU) needs the peak compute rate: give 'peak_compute' here or on the device.");
            return null;
        }
        return parameters.AddDerived(name, $"{flops} / ({peak} * {mfu})", Dimension.Time, "a device time", time.Location,
            "modelled: FLOPs ÷ (peak compute × MFU)");
    }

    private static string P(params string[] parts) => SystemUnderConstruction.P(parts);

    private static string EnsureDevicePeak(DeviceDefinition device) => P("devices", device.Id, "peak_compute");

    // Declared footprints: reported figures that stand in for a stage's activity data.

    /// <summary>
    /// The elementary flows of one run of a stage from its declared footprint, in each assessed indicator's carrier flow
    /// (so a declared 420 t CO2e counts as 420 t in gwp100 and nowhere else). An assessed indicator the declaration does
    /// not give is warned about and listed as not covered for the stage; an id that is no indicator is an error.
    /// </summary>
    private List<BiosphereExchange> DeclaredFlows(StageDefinition stage)
    {
        var flows = new List<BiosphereExchange>();
        if (stage.Footprint.Count == 0)
        {
            return flows;
        }
        var field = $"stages.{stage.Id}.footprint";
        foreach (var figure in stage.Footprint.Where(f => indicatorSet.Find(f.IndicatorId) is null))
        {
            problems.Error("unknown-indicator", figure.Location, $"{field}.{figure.IndicatorId}",
                $"'{figure.IndicatorId}' is not an indicator{Core.NameSuggestions.Hint(figure.IndicatorId, indicatorSet.Ids)}; the indicators are: {string.Join(", ", indicatorSet.Ids)}.");
        }
        var repeats = Repeats(stage);
        var declared = string.Join(", ", stage.Footprint.Select(f => f.IndicatorId));
        foreach (var indicator in indicators)
        {
            var figure = stage.Footprint.FirstOrDefault(f => f.IndicatorId == indicator.Id);
            if (figure is null)
            {
                problems.Warning("missing-indicator-data", stage.Footprint[0].Location, field,
                    $"the declared footprint gives no '{indicator.Id}' figure: {indicator.Name} of this stage is not counted (an underestimate).");
                StageGaps.Add(new UncoveredCategory(indicator.Id, indicator.Name, indicator.MethodId,
                    $"the declared footprint of stage '{stage.Id}' gives {declared} only") { Stage = stage.Kind });
                continue;
            }
            var name = parameters.Add(P("stages", stage.Id, "footprint", indicator.Id), figure.Value, indicator.Unit.Dimension,
                $"{indicator.Name} ({indicator.Unit.Symbol}, e.g. '420 t CO2e' for gwp100)");
            flows.Add(new BiosphereExchange(indicator.Flow.Id, repeats == "1" ? name : $"{repeats} * {name}"));
        }
        return flows;
    }
}
