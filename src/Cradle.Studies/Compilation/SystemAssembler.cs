using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Builds the generic LCA model of a study (DESIGN.md, "How ML maps onto it"): per stage, a chain
/// grid electricity ← IT energy at site ← stage ← trained model ← served request, and hardware
/// manufacture ← device-hour (time-share of the device's life) ← stage. Chains are built per stage so that each
/// stage's contribution includes its own electricity; manufacture and end of life are stages of their own.
/// Every number becomes a parameter through <see cref="ParameterCollector"/>.
/// </summary>
/// <remarks>
/// The coordinator: the system under construction (<see cref="SystemUnderConstruction"/>) is built up by the supply
/// chains (<see cref="SupplyChains"/>), the development stages (<see cref="DevelopmentStages"/>) and the serving
/// (<see cref="Serving"/>).
/// </remarks>
internal sealed class SystemAssembler
{
    public const string TrainedModel = "trained-model";
    public const string ServedRequest = "served-request";
    public const string ServedService = "served-service";

    private static readonly Unit ModelUnit = new("model", Dimension.None, 1);

    private readonly StudyDefinition _study;
    private readonly ProblemList _problems;
    private readonly IReadOnlyList<Indicator> _indicators;
    private readonly IndicatorSet _indicatorSet;
    private readonly SystemUnderConstruction _system;
    private readonly SupplyChains _chains;
    private readonly DevelopmentStages _stages;
    private readonly Serving _serving;
    private readonly CarbonFactors _carbon;

    public SystemAssembler(StudyDefinition study, ParameterCollector parameters, ProblemList problems, IndicatorSet indicatorSet, IReadOnlyList<Indicator> indicators, BoundaryScope boundary, CatalogDefinitions catalog)
    {
        _indicatorSet = indicatorSet;
        var definitions = new DefinitionLookup(study, catalog, problems);
        _system = new SystemUnderConstruction(study, parameters, definitions);
        var energy = new EnergyExpressions(parameters, problems, _system.EnsureHardware);
        _study = study;
        _problems = problems;
        _indicators = indicators;
        _carbon = new CarbonFactors(_system, parameters, problems, study.Goal.CarbonBasis);
        _chains = new SupplyChains(_system, parameters, problems, indicatorSet, indicators, boundary, definitions, _carbon);
        _stages = new DevelopmentStages(_system, _chains, study, parameters, problems, indicatorSet, indicators, boundary, definitions, energy);
        _serving = new Serving(_system, _chains, parameters, problems, boundary, energy,
            new RequestWork(_system, _chains, parameters, problems, boundary, energy, indicatorSet, indicators, _stages.StageGaps));
    }

    public IReadOnlyCollection<Product> Products => _system.Products;

    public IReadOnlyList<Process> Processes => _system.Processes;

    /// <summary>The carbon factors on the study's basis, and the other-basis rows they call for.</summary>
    public CarbonFactors Carbon => _carbon;

    public List<EnergyConvention> Conventions => _system.Conventions;

    /// <summary>Each scope's IT-energy and grid-electricity processes, to read the energy drawn from the solved system.</summary>
    public List<EnergyChain> EnergyChains => _system.EnergyChains;

    /// <summary>Hardware in use, by scope: the device's name, devices per node, lifespan (as written).</summary>
    public List<HardwareUse> HardwareUsed => _system.HardwareUsed;

    /// <summary>
    /// The stage instance each process belongs to, by process id: the stage's id as written under <c>stages:</c>,
    /// or <c>inference</c>. A process's <see cref="Process.Stage"/> is only the kind; this tells two stages of one
    /// kind apart.
    /// </summary>
    public Dictionary<string, string> ProcessScopes => _system.ProcessScopes;

    /// <summary>Assessed categories a stage's declared footprint does not give: not covered for that stage, never zero.</summary>
    public List<UncoveredCategory> StageGaps => _stages.StageGaps;

    /// <summary>For a per-request functional unit: the products the request process takes directly (equation (1) terms).</summary>
    public string? InferenceEnergyProduct => _serving.InferenceEnergyProduct;

    /// <summary>The serving device-hour product, when serving hardware's manufacture is in the boundary.</summary>
    public string? InferenceHardwareProduct => _serving.InferenceHardwareProduct;

    /// <summary>The serving fleet's idle IT-energy product, when the study gives <c>inference.idle</c>.</summary>
    public string? InferenceIdleProduct => _serving.InferenceIdleProduct;

    /// <summary>Products of the request's other marginal terms (prefill, reasoning, draft, retrieval, tools).</summary>
    public IReadOnlyList<string> InferenceMarginalProducts => _serving.MarginalProducts;

    /// <summary>Products of the request's other embodied terms (the retrieval hardware's device-hours).</summary>
    public IReadOnlyList<string> InferenceEmbodiedProducts => _serving.EmbodiedProducts;

    /// <summary>The serving fleets' request processes; empty without <c>inference.fleets</c>.</summary>
    public IReadOnlyList<FleetServing> Fleets => _serving.Fleets;

    public void Assemble()
    {
        // Inputs written inline are parameters from the start, so expressions anywhere can name them.
        foreach (var device in _study.Devices)
        {
            _system.EnsureDevice(device);
        }
        foreach (var hardware in _study.Hardware)
        {
            _system.EnsureHardware(hardware);
        }
        foreach (var site in _study.Sites)
        {
            _system.EnsureSite(site);
            foreach (var indicator in _indicators.Where(CarbonFactors.Applies))
            {
                _carbon.EnsureSite(site, indicator);
            }
        }
        foreach (var grid in _study.Grids)
        {
            foreach (var indicator in _indicators.Where(i => grid.PerKilowattHour.ContainsKey(i.Id)))
            {
                _chains.EnsureGridFactor(grid, indicator);
            }
            foreach (var indicator in _indicators.Where(CarbonFactors.Applies))
            {
                _carbon.EnsureGrid(grid, indicator);
            }
            foreach (var unknown in grid.PerKilowattHour.Keys.Where(k => _indicatorSet.Find(k) is null))
            {
                _problems.Error("unknown-indicator", grid.PerKilowattHour[unknown].Location, $"grids.{grid.Id}.per_kwh.{unknown}",
                    $"'{unknown}' is not an indicator{Core.NameSuggestions.Hint(unknown, _indicatorSet.Ids)}; the indicators are: {string.Join(", ", _indicatorSet.Ids)}.");
            }
            foreach (var unknown in grid.Emissions.Keys.Where(k => IndicatorSet.PollutantFlow(k) is null))
            {
                _problems.Error("unknown-pollutant", grid.Emissions[unknown].Location, $"grids.{grid.Id}.emissions.{unknown}",
                    $"'{unknown}' is not a pollutant grids may state{Core.NameSuggestions.Hint(unknown, IndicatorSet.Pollutants)}; they are: {string.Join(", ", IndicatorSet.Pollutants)} (greenhouse gases belong in gwp100).");
            }
        }
        var runs = _study.Stages.Select(_stages.AddStage).OfType<string>().ToList();
        if (runs.Count > 0)
        {
            var stageLabel = _study.Stages[0].Kind;
            // It has no flows of its own, so it contributes nothing; it is filed under the first stage, as its label is.
            _system.AddProcess(TrainedModel, "trained model", ModelUnit, stageLabel, _study.Stages[0].Id, runs.Select(r => new TechnosphereInput(r, "1")).ToList(), []);
        }
        if (_study.Inference is { } inference)
        {
            _serving.AddInference(inference, runs.Count > 0);
        }
        _carbon.WarnOnOtherRowGaps();
    }

    /// <summary>
    /// Adds the served-service process in <paramref name="serviceUnit"/> (a coherent unit: token, image or s) and
    /// returns its product id; null when the served request could not be built (its errors are already reported).
    /// </summary>
    public string? AddServedService(Datum servicePerRequest, Unit serviceUnit) => _serving.AddServedService(servicePerRequest, serviceUnit);
}
