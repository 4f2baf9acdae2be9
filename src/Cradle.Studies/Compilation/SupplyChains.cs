using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>The per-stage supply chains: electricity and IT energy at a site; device-hours and hardware manufacture.</summary>
internal sealed class SupplyChains(
    SystemUnderConstruction system, ParameterCollector parameters, ProblemList problems, IndicatorSet indicatorSet,
    IReadOnlyList<Indicator> indicators, BoundaryScope boundary, DefinitionLookup definitions, CarbonFactors carbon)
{
    private static readonly Unit DeviceUnit = new("device", Dimension.None, 1);

    private static string P(params string[] parts) => SystemUnderConstruction.P(parts);

    /// <summary>
    /// The IT-energy product of <paramref name="scope"/> at <paramref name="site"/>: one kWh of it draws PUE kWh
    /// (or 1 kWh when PUE is not applied) of grid electricity and consumes the site's WUE litres of water.
    /// </summary>
    public string EnergyChain(string scope, string stageKind, SiteDefinition site, EnergyDefinition energy, bool nodePowerAdded)
    {
        var applyPue = energy.ApplyPue;
        var grid = definitions.Grid(site.GridId, site.GridLocation, $"sites.{site.Id}.grid");
        system.EnsureSite(site);
        var electricity = $"electricity@{scope}";
        var flows = new List<BiosphereExchange>();
        string? waterFrom = null;
        var water = system.Water;
        string? carbonFrom = null;
        foreach (var indicator in indicators)
        {
            if (grid is not null && CarbonFactors.Applies(indicator))
            {
                // A greenhouse-gas factor has a basis: the study's reported one, with an adjustment to the other where it differs.
                var location = grid.PerKilowattHour.ContainsKey(indicator.Id) ? EnsureGridFactor(grid, indicator) : null;
                var (carbonFlows, from) = carbon.Flows(grid, site, indicator, location);
                flows.AddRange(carbonFlows);
                carbonFrom ??= from;
                if (carbonFlows.Count == 0 && system.FirstTime($"missing:{grid.Id}:{indicator.Id}"))
                {
                    problems.Warning("missing-indicator-data", grid.Location, $"grids.{grid.Id}.per_kwh",
                        $"no '{indicator.Id}' figure for this grid: {indicator.Name} of its electricity is not counted (an underestimate).");
                }
            }
            else if (indicator.Id == "water" && OffsiteWaterFactor(site, grid, indicator, out waterFrom) is { } factor)
            {
                flows.Add(new BiosphereExchange(indicator.Flow.Id, OffsiteWaterPerKilowattHour(site, water, applyPue, factor)));
            }
            else if (grid is not null && grid.PerKilowattHour.ContainsKey(indicator.Id))
            {
                flows.Add(new BiosphereExchange(indicator.Flow.Id, EnsureGridFactor(grid, indicator)));
            }
            else if (grid is not null && !CountedByPollutants(grid, indicator) && system.FirstTime($"missing:{grid.Id}:{indicator.Id}"))
            {
                problems.Warning("missing-indicator-data", grid.Location, $"grids.{grid.Id}.per_kwh",
                    $"no '{indicator.Id}' figure for this grid: {indicator.Name} of its electricity is not counted (an underestimate).");
            }
        }
        if (grid is not null)
        {
            flows.AddRange(PollutantFlows(grid));
        }
        system.AddProcess(electricity, $"{scope}: grid electricity, {grid?.Name ?? site.GridId}", KnownUnits.KilowattHour, stageKind, scope, [], flows);

        var itEnergy = $"it-energy@{scope}";
        var siteWater = indicators.FirstOrDefault(i => i.Id == "water") is { } waterIndicator
            ? new List<BiosphereExchange> { new(waterIndicator.Flow.Id, OnsiteWaterPerKilowattHour(site, water)) }
            : [];
        system.AddProcess(itEnergy, $"{scope}: IT energy at {site.Name ?? site.Id}", KnownUnits.KilowattHour, stageKind, scope,
            [new TechnosphereInput(electricity, applyPue ? P("sites", site.Id, "pue") : "1")], siteWater);
        var convention = new EnergyConvention(scope, site.Id, energy.Boundary, applyPue, nodePowerAdded,
            indicators.Any(i => i.Id == "water") ? waterFrom ?? EnergyConvention.NoOffsiteWaterFactor : null, grid?.Basis)
        {
            SiteName = site.Name ?? site.Id,
            GridName = grid?.Name ?? site.GridId,
            Water = indicators.Any(i => i.Id == "water") ? water : null,
            CarbonBasis = indicators.Any(CarbonFactors.Applies) ? carbon.Basis : null,
            CarbonFactorFrom = carbonFrom,
        };
        system.Conventions.Add(convention);
        system.EnergyChains.Add(new EnergyChain(convention, stageKind, itEnergy, electricity));
        return itEnergy;
    }

    /// <summary>
    /// The off-site water factor (L per kWh of electricity) as a parameter: the site's override, else the grid's
    /// figure; null when neither gives one. <paramref name="from"/> names where it came from ("site s", "grid g").
    /// </summary>
    private string? OffsiteWaterFactor(SiteDefinition site, GridDefinition? grid, Indicator water, out string? from)
    {
        if (site.OffsiteWater is not null)
        {
            from = $"site {site.Id}";
            return P("sites", site.Id, "offsite_water");
        }
        if (grid is not null && grid.PerKilowattHour.ContainsKey(water.Id))
        {
            from = $"grid {grid.Id}";
            return EnsureGridFactor(grid, water);
        }
        from = null;
        return null;
    }

    /// <summary>
    /// Off-site water per kWh of grid electricity: the factor, when it is counted on grid electricity or when PUE is
    /// applied (then grid electricity is IT energy × PUE already); PUE × the factor when it is counted on IT energy ×
    /// PUE and PUE is not applied to the electricity (grid electricity is then the IT energy). It stays on the
    /// electricity process either way, so the process rows show it where it is consumed: at generation.
    /// </summary>
    private static string OffsiteWaterPerKilowattHour(SiteDefinition site, WaterConvention convention, bool applyPue, string factor) =>
        convention.Offsite == OffsiteWaterBasis.ItEnergyTimesPue && !applyPue ? $"{P("sites", site.Id, "pue")} * {factor}" : factor;

    /// <summary>On-site water per kWh of IT energy: WUE, or PUE × WUE when it is counted on facility energy (the site's PUE, applied or not).</summary>
    private static string OnsiteWaterPerKilowattHour(SiteDefinition site, WaterConvention convention) =>
        convention.Onsite == OnsiteWaterBasis.ItEnergy ? P("sites", site.Id, "wue") : $"{P("sites", site.Id, "wue")} * {P("sites", site.Id, "pue")}";

    /// <summary>
    /// Whether the grid's pollutant figures (emissions.so2, …) reach <paramref name="indicator"/> through its
    /// characterisation factors (SO2 and NOx count in TRACI acidification): then the category is counted, without a
    /// per-kWh figure of its own.
    /// </summary>
    private static bool CountedByPollutants(GridDefinition grid, Indicator indicator) =>
        grid.Emissions.Keys.Select(IndicatorSet.PollutantFlow).OfType<string>().Any(flow => indicator.Category.Factors.GetValueOrDefault(flow) != 0);

    /// <summary>A grid's pollutant figures as elementary flows, where an assessed category characterises them.</summary>
    private IEnumerable<BiosphereExchange> PollutantFlows(GridDefinition grid)
    {
        foreach (var (pollutant, datum) in grid.Emissions)
        {
            var flow = IndicatorSet.PollutantFlow(pollutant);
            if (flow is null || !indicators.Any(i => i.Category.Factors.ContainsKey(flow)))
            {
                continue;
            }
            var name = P("grids", grid.Id, "emissions", pollutant);
            if (system.FirstTime(name))
            {
                parameters.Add(name, datum, Dimension.Mass / Dimension.Energy, $"an emission per kWh (g/kWh) of {pollutant}");
            }
            yield return new BiosphereExchange(flow, name);
        }
    }

    public string EnsureGridFactor(GridDefinition grid, Indicator indicator)
    {
        var name = P("grids", grid.Id, "per_kwh", indicator.Id);
        if (system.FirstTime(name))
        {
            parameters.Add(name, grid.PerKilowattHour[indicator.Id], indicator.Unit.Dimension / Dimension.Energy,
                $"{indicator.Name} per kWh ({indicator.Unit.Symbol}/kWh)");
        }
        return name;
    }

    /// <summary>
    /// The device-hour product of <paramref name="scope"/> on <paramref name="hardware"/>: one hour of one device
    /// takes 1 ÷ L of a manufactured device and 1 ÷ (devices per node × L) of a node, where L, the device-hours one
    /// device is charged over, follows the allocation <paramref name="key"/> (<see cref="AllocationShare"/>). Null
    /// when manufacture is outside the boundary, or when the key lacks an input (the error is recorded).
    /// </summary>
    public string? HardwareChain(string scope, HardwareDefinition hardware, DeviceDefinition device, AllocationKey key)
    {
        system.EnsureHardware(hardware);
        var manufacture = boundary.Includes(StageKinds.HardwareManufacture);
        system.HardwareUsed.Add(new HardwareUse(scope, hardware.Id, device.Name ?? device.Id, hardware.PerNode.Text, hardware.Lifespan.Text)
        {
            Allocation = manufacture ? key : null,
        });
        if (!manufacture || AllocationShare(hardware, device, key) is not { } share)
        {
            return null;
        }
        // The scope's energy convention (added first, by EnergyChain) carries the key, so every report states it.
        var convention = system.Conventions.FindIndex(c => c.Scope == scope);
        if (convention >= 0)
        {
            system.Conventions[convention] = system.Conventions[convention] with { Allocation = key };
        }
        // Busy and calendar are both shares of time; the label keeps the name earlier results printed.
        var label = key is AllocationKey.Busy or AllocationKey.Calendar ? "time share" : key.Name() + " share";
        var inputs = new List<TechnosphereInput> { new($"manufacture@{scope}", $"1 / {share}") };
        system.AddProcess($"manufacture@{scope}", $"{scope}: manufacture of {device.Name ?? device.Id} ({label})", DeviceUnit,
            StageKinds.HardwareManufacture, scope, EndOfLifeInput(scope, device, label), EmbodiedFlows(device.Embodied, P("devices", device.Id, "embodied"), device.Location, $"devices.{device.Id}.embodied", device.EmbodiedGaps));
        if (hardware.NodeEmbodied.Count > 0)
        {
            inputs.Add(new TechnosphereInput($"node-manufacture@{scope}", $"1 / ({P("hardware", hardware.Id, "per_node")} * {share})"));
            system.AddProcess($"node-manufacture@{scope}", $"{scope}: manufacture of {hardware.Id} node, without accelerators ({label})",
                new Unit("node", Dimension.None, 1), StageKinds.HardwareManufacture, scope, [],
                EmbodiedFlows(hardware.NodeEmbodied, P("hardware", hardware.Id, "node", "embodied"), hardware.Location, $"hardware.{hardware.Id}.node.embodied"));
        }
        var deviceHour = $"device-hour@{scope}";
        system.AddProcess(deviceHour, $"{scope}: device-hour of {device.Name ?? device.Id} in {hardware.Id}", KnownUnits.Hour,
            StageKinds.HardwareManufacture, scope, inputs, []);
        return deviceHour;
    }

    /// <summary>
    /// The device-hours one device's embodied impacts are spread over under <paramref name="key"/>, as an expression:
    /// calendar and batch, the lifespan L (batch puts the request's slot in the device time the serving supplies);
    /// busy, L × u; energy, L × (u × P + (1 − u) × P_idle) ÷ P, so that a busy hour at rated power P takes its share of
    /// the lifetime energy. Null, with an error, when the energy key lacks the device's power or the idle power.
    /// </summary>
    private string? AllocationShare(HardwareDefinition hardware, DeviceDefinition device, AllocationKey key)
    {
        var lifespan = P("hardware", hardware.Id, "lifespan");
        var utilisation = P("hardware", hardware.Id, "utilisation");
        if (key is AllocationKey.Calendar or AllocationKey.Batch)
        {
            return lifespan;
        }
        if (key == AllocationKey.Busy)
        {
            return $"({lifespan} * {utilisation})";
        }
        var missing = false;
        if (device.Power is null && system.FirstTime($"allocation-power:{device.Id}"))
        {
            problems.Error("missing-field", device.Location, $"devices.{device.Id}.power",
                $"the energy allocation key of hardware '{hardware.Id}' weighs busy hours by the device's rated power: give 'power', e.g. '700 W'.");
        }
        missing |= device.Power is null;
        if (hardware.IdlePower is null && system.FirstTime($"allocation-idle:{hardware.Id}"))
        {
            problems.Error("missing-field", hardware.Location, $"hardware.{hardware.Id}.idle_power",
                "the energy allocation key weighs idle hours by the idle power of one device: give 'idle_power', e.g. '90 W' "
                + "(0 W charges every hour's energy to the busy hours, as the busy key does).");
        }
        missing |= hardware.IdlePower is null;
        if (missing)
        {
            return null;
        }
        system.EnsureDevice(device);
        var idle = P("hardware", hardware.Id, "idle_power");
        if (system.FirstTime(idle))
        {
            parameters.Add(idle, hardware.IdlePower!, Dimension.Power, "an idle power per device ('90 W')");
        }
        var power = P("devices", device.Id, "power");
        return $"({lifespan} * ({utilisation} * {power} + (1 - {utilisation}) * {idle}) / {power})";
    }

    private List<TechnosphereInput> EndOfLifeInput(string scope, DeviceDefinition device, string label)
    {
        if (device.EndOfLife.Count == 0 || !boundary.Includes(StageKinds.EndOfLife))
        {
            return [];
        }
        system.AddProcess($"end-of-life@{scope}", $"{scope}: end of life of {device.Name ?? device.Id} ({label})", DeviceUnit, StageKinds.EndOfLife, scope, [],
            EmbodiedFlows(device.EndOfLife, P("devices", device.Id, "end_of_life"), device.Location, $"devices.{device.Id}.end_of_life"));
        return [new TechnosphereInput($"end-of-life@{scope}", "1")];
    }

    /// <summary>
    /// Flows per device (or node) for the assessed indicators; warns once for each indicator with no figure, with the
    /// reason from <paramref name="gaps"/> when one is known (a production estimator that could not estimate).
    /// </summary>
    private List<BiosphereExchange> EmbodiedFlows(
        IReadOnlyDictionary<string, Datum> figures, string prefix, Syntax.SourceLocation location, string field, IReadOnlyDictionary<string, string>? gaps = null)
    {
        var flows = new List<BiosphereExchange>();
        foreach (var indicator in indicators)
        {
            if (!figures.TryGetValue(indicator.Id, out var datum))
            {
                if (system.FirstTime($"missing:{prefix}:{indicator.Id}"))
                {
                    problems.Warning("missing-indicator-data", location, field,
                        $"no '{indicator.Id}' figure: {indicator.Name} of this hardware is not counted (an underestimate)"
                        + (gaps?.GetValueOrDefault(indicator.Id) is { } why ? $": {why}." : "."));
                }
                continue;
            }
            var name = $"{prefix}.{ParameterCollector.NameFor(indicator.Id)}";
            if (system.FirstTime(name))
            {
                parameters.Add(name, datum, indicator.Unit.Dimension, $"{indicator.Name} per unit ({indicator.Unit.Symbol})");
            }
            flows.Add(new BiosphereExchange(indicator.Flow.Id, name));
        }
        foreach (var unknown in figures.Keys.Where(k => indicatorSet.Find(k) is null))
        {
            if (system.FirstTime($"unknown:{prefix}:{unknown}"))
            {
                problems.Error("unknown-indicator", figures[unknown].Location, $"{field}.{unknown}",
                    $"'{unknown}' is not an indicator{Core.NameSuggestions.Hint(unknown, indicatorSet.Ids)}; the indicators are: {string.Join(", ", indicatorSet.Ids)}.");
            }
        }
        return flows;
    }
}
