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
            else if (indicator.Id == "water" && site.OffsiteWater is not null)
            {
                flows.Add(new BiosphereExchange(indicator.Flow.Id, P("sites", site.Id, "offsite_water")));
                waterFrom = $"site {site.Id}";
            }
            else if (grid is not null && grid.PerKilowattHour.ContainsKey(indicator.Id))
            {
                flows.Add(new BiosphereExchange(indicator.Flow.Id, EnsureGridFactor(grid, indicator)));
                waterFrom = indicator.Id == "water" ? $"grid {grid.Id}" : waterFrom;
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
        var siteWater = indicators.Any(i => i.Id == "water")
            ? new List<BiosphereExchange> { new(indicators.First(i => i.Id == "water").Flow.Id, P("sites", site.Id, "wue")) }
            : [];
        system.AddProcess(itEnergy, $"{scope}: IT energy at {site.Name ?? site.Id}", KnownUnits.KilowattHour, stageKind, scope,
            [new TechnosphereInput(electricity, applyPue ? P("sites", site.Id, "pue") : "1")], siteWater);
        var convention = new EnergyConvention(scope, site.Id, energy.Boundary, applyPue, nodePowerAdded,
            indicators.Any(i => i.Id == "water") ? waterFrom ?? EnergyConvention.NoOffsiteWaterFactor : null, grid?.Basis)
        {
            SiteName = site.Name ?? site.Id,
            GridName = grid?.Name ?? site.GridId,
            CarbonBasis = indicators.Any(CarbonFactors.Applies) ? carbon.Basis : null,
            CarbonFactorFrom = carbonFrom,
        };
        system.Conventions.Add(convention);
        system.EnergyChains.Add(new EnergyChain(convention, stageKind, itEnergy, electricity));
        return itEnergy;
    }

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
    /// takes 1 ÷ (lifespan × utilisation) of a manufactured device and 1 ÷ (devices per node × lifespan × utilisation)
    /// of a node (time-share allocation of embodied impacts). Null when manufacture is outside the boundary.
    /// </summary>
    public string? HardwareChain(string scope, HardwareDefinition hardware, DeviceDefinition device)
    {
        system.EnsureHardware(hardware);
        system.HardwareUsed.Add(new HardwareUse(scope, hardware.Id, device.Name ?? device.Id, hardware.PerNode.Text, hardware.Lifespan.Text));
        if (!boundary.Includes(StageKinds.HardwareManufacture))
        {
            return null;
        }
        var share = $"({P("hardware", hardware.Id, "lifespan")} * {P("hardware", hardware.Id, "utilisation")})";
        var inputs = new List<TechnosphereInput> { new($"manufacture@{scope}", $"1 / {share}") };
        system.AddProcess($"manufacture@{scope}", $"{scope}: manufacture of {device.Name ?? device.Id} (time share)", DeviceUnit,
            StageKinds.HardwareManufacture, scope, EndOfLifeInput(scope, device), EmbodiedFlows(device.Embodied, P("devices", device.Id, "embodied"), device.Location, $"devices.{device.Id}.embodied", device.EmbodiedGaps));
        if (hardware.NodeEmbodied.Count > 0)
        {
            inputs.Add(new TechnosphereInput($"node-manufacture@{scope}", $"1 / ({P("hardware", hardware.Id, "per_node")} * {share})"));
            system.AddProcess($"node-manufacture@{scope}", $"{scope}: manufacture of {hardware.Id} node, without accelerators (time share)",
                new Unit("node", Dimension.None, 1), StageKinds.HardwareManufacture, scope, [],
                EmbodiedFlows(hardware.NodeEmbodied, P("hardware", hardware.Id, "node", "embodied"), hardware.Location, $"hardware.{hardware.Id}.node.embodied"));
        }
        var deviceHour = $"device-hour@{scope}";
        system.AddProcess(deviceHour, $"{scope}: device-hour of {device.Name ?? device.Id} in {hardware.Id}", KnownUnits.Hour,
            StageKinds.HardwareManufacture, scope, inputs, []);
        return deviceHour;
    }

    private List<TechnosphereInput> EndOfLifeInput(string scope, DeviceDefinition device)
    {
        if (device.EndOfLife.Count == 0 || !boundary.Includes(StageKinds.EndOfLife))
        {
            return [];
        }
        system.AddProcess($"end-of-life@{scope}", $"{scope}: end of life of {device.Name ?? device.Id} (time share)", DeviceUnit, StageKinds.EndOfLife, scope, [],
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
