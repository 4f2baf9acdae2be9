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
internal sealed partial class SystemAssembler
{
    public const string TrainedModel = "trained-model";
    public const string ServedRequest = "served-request";

    private static readonly Unit RunUnit = new("run", Dimension.None, 1);
    private static readonly Unit ModelUnit = new("model", Dimension.None, 1);
    private static readonly Unit DeviceUnit = new("device", Dimension.None, 1);

    private readonly StudyDefinition _study;
    private readonly ParameterCollector _parameters;
    private readonly ProblemList _problems;
    private readonly IReadOnlyList<Indicator> _indicators;
    private readonly IndicatorSet _indicatorSet;
    private readonly BoundaryScope _boundary;
    private readonly Dictionary<string, Product> _products = new(StringComparer.Ordinal);
    private readonly List<Process> _processes = [];
    private readonly HashSet<string> _ensured = new(StringComparer.Ordinal);
    private readonly DefinitionLookup _definitions;
    private readonly EnergyExpressions _energy;

    public SystemAssembler(StudyDefinition study, ParameterCollector parameters, ProblemList problems, IndicatorSet indicatorSet, IReadOnlyList<Indicator> indicators, BoundaryScope boundary, CatalogDefinitions catalog)
    {
        _indicatorSet = indicatorSet;
        _definitions = new DefinitionLookup(study, catalog, problems);
        _energy = new EnergyExpressions(parameters, problems, EnsureHardware);
        _study = study;
        _parameters = parameters;
        _problems = problems;
        _indicators = indicators;
        _boundary = boundary;
    }

    public IReadOnlyCollection<Product> Products => _products.Values;

    public IReadOnlyList<Process> Processes => _processes;

    public List<EnergyConvention> Conventions { get; } = [];

    /// <summary>Each scope's IT-energy and grid-electricity processes, to read the energy drawn from the solved system.</summary>
    public List<EnergyChain> EnergyChains { get; } = [];

    /// <summary>Hardware in use, by scope: the device's name, devices per node, lifespan (as written).</summary>
    public List<HardwareUse> HardwareUsed { get; } = [];

    /// <summary>For a per-request functional unit: the products the request process takes directly (equation (1) terms).</summary>
    public string? InferenceEnergyProduct { get; private set; }

    /// <summary>The serving device-hour product, when serving hardware's manufacture is in the boundary.</summary>
    public string? InferenceHardwareProduct { get; private set; }

    /// <summary>The serving fleet's idle IT-energy product, when the study gives <c>inference.idle</c>.</summary>
    public string? InferenceIdleProduct { get; private set; }

    public void Assemble()
    {
        // Inputs written inline are parameters from the start, so expressions anywhere can name them.
        foreach (var device in _study.Devices)
        {
            EnsureDevice(device);
        }
        foreach (var hardware in _study.Hardware)
        {
            EnsureHardware(hardware);
        }
        foreach (var site in _study.Sites)
        {
            EnsureSite(site);
        }
        foreach (var grid in _study.Grids)
        {
            foreach (var indicator in _indicators.Where(i => grid.PerKilowattHour.ContainsKey(i.Id)))
            {
                EnsureGridFactor(grid, indicator);
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
        var runs = _study.Stages.Select(AddStage).OfType<string>().ToList();
        if (runs.Count > 0)
        {
            var stageLabel = _study.Stages[0].Kind;
            // It has no flows of its own, so it contributes nothing; it is filed under the first stage, as its label is.
            AddProcess(TrainedModel, "trained model", ModelUnit, stageLabel, _study.Stages[0].Id, runs.Select(r => new TechnosphereInput(r, "1")).ToList(), []);
        }
        if (_study.Inference is { } inference)
        {
            AddInference(inference, runs.Count > 0);
        }
    }

    /// <summary>
    /// The stage instance each process belongs to, by process id: the stage's id as written under <c>stages:</c>,
    /// or <c>inference</c>. A process's <see cref="Process.Stage"/> is only the kind; this tells two stages of one
    /// kind apart.
    /// </summary>
    public Dictionary<string, string> ProcessScopes { get; } = new(StringComparer.Ordinal);

    private void AddProcess(string productId, string name, Unit unit, string stage, string scope, IReadOnlyList<TechnosphereInput> inputs, IReadOnlyList<BiosphereExchange> flows)
    {
        ProcessScopes[productId] = scope;
        _products[productId] = new Product(productId, name, unit);
        _processes.Add(new Process(productId, name, productId, stage, inputs, flows));
    }

    /// <summary>True the first time a key (a site, grid, device or warning) is seen, so each is added once.</summary>
    private bool FirstTime(string key) => _ensured.Add(key);

    /// <summary>A device defined in the study, or else the catalog's; a catalog device is added to the system on first use.</summary>
    private DeviceDefinition? FindDevice(string id, SourceLocation location, string field)
    {
        var device = _definitions.Device(id, location, field, out var firstCatalogUse);
        if (firstCatalogUse)
        {
            EnsureDevice(device!);
        }
        return device;
    }
}
