using Cradle.Catalog;
using Cradle.Core;
using Cradle.Core.Engine;
using Cradle.Core.Model;
using Cradle.Core.Parameters;
using Cradle.Core.Units;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Compiles a study (or one of its alternatives) into the generic LCA model. Every error, whether in the file's
/// structure, a unit, an expression or a range, is reported with the file, line, column and field it concerns.
/// </summary>
public static class StudyCompiler
{
    /// <summary>Compiles the study as written and each alternative; throws <see cref="StudyException"/> listing every error.</summary>
    public static IReadOnlyList<CompiledStudy> CompileAll(StudyDefinition study) => CompileAll(study, CatalogLoader.Shipped);

    /// <summary>Compiles the study and each alternative against <paramref name="catalog"/>.</summary>
    public static IReadOnlyList<CompiledStudy> CompileAll(StudyDefinition study, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.Alternatives.Count == 0)
        {
            return [Compile(study, null, catalog)];
        }
        // Each alternative is compiled on its own from the same read-only study and catalog, so they are compiled side
        // by side (100 alternatives are 100 compilations); the errors are those of the first alternative that has any.
        return SideBySide.Run(study.Alternatives.Count, Environment.ProcessorCount, i => Compile(study, study.Alternatives[i], catalog));
    }

    /// <summary>Compiles one alternative (null: the study as written).</summary>
    public static CompiledStudy Compile(StudyDefinition study, AlternativeDefinition? alternative, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new ProblemList();
        var catalogDefinitions = new CatalogDefinitions(catalog);
        // An alternative's conventions change the definition, not parameter values: apply them before anything reads it.
        study = AlternativeConventions.Apply(study, alternative, problems);
        study = WithBases(study, catalogDefinitions, problems);
        var indicatorSet = IndicatorSet.From(catalog);
        var indicators = SelectIndicators(study, catalogDefinitions, indicatorSet, problems);
        var boundary = BoundaryScope.Check(study, problems, catalogDefinitions);
        var parameters = new ParameterCollector(problems, new FieldPaths(study));
        foreach (var entry in study.Parameters)
        {
            parameters.AddUser(entry);
        }
        var assembler = new SystemAssembler(study, parameters, problems, indicatorSet, indicators, boundary, catalogDefinitions);
        assembler.Assemble();
        WarnOnMixedGridBases(assembler.Conventions, study, problems);
        DeclaredCarbonBasis.Check(study, assembler.Carbon.OtherRows, indicators, problems);
        var (otherBasisFlows, categories) = assembler.Carbon.OtherBasisRows(indicators);
        var demand = FunctionalUnitDemand(study, assembler, problems);
        ApplyOverrides(alternative, parameters, problems);
        problems.ThrowIfErrors();

        var table = Resolve(parameters, problems);
        problems.ThrowIfErrors();
        CheckDimensions(table!, parameters, problems);
        problems.ThrowIfErrors();

        ProductSystem system;
        try
        {
            system = ProductSystemBuilder.Build(assembler.Products, [.. indicatorSet.Flows, .. otherBasisFlows], assembler.Processes, table!);
        }
        catch (ModelException e)
        {
            // Inputs are dimension-checked above, so a problem here means the compiler built a wrong model.
            throw new InvalidOperationException($"The study compiler built an inconsistent product system: {e.Message}", e);
        }
        var values = table!.Evaluate();
        RangeChecks.Check(values, parameters, alternative?.Id, problems);
        if (study.Inference is { } inference)
        {
            FleetChecks.Check(assembler.Fleets, inference, values, parameters, alternative?.Id, problems);
        }
        problems.ThrowIfErrors();
        // Every input is finite and in range, yet a product of them can still overflow (1e308 samples per request):
        // say so with the study's parameters rather than let the engine name a generated amount.
        if (new NonFiniteCase(system, parameters.Locations, alternative?.Id, parameters.FieldOf).Find(NonFiniteCase.Columns(values), 1, null) is { } overflow)
        {
            problems.Error(overflow.Code, overflow.Location, overflow.Field, overflow.Message);
        }
        problems.ThrowIfErrors();

        return new CompiledStudy
        {
            Study = study,
            Alternative = alternative,
            System = system,
            Method = new ImpactMethod("cradle-indicators",
                $"Catalog methods: {string.Join(", ", indicators.Select(i => i.MethodId).Distinct(StringComparer.Ordinal))}", categories),
            Demand = demand!,
            Values = values,
            ParameterLocations = parameters.Locations,
            Provenance = ProvenancePropagation.Effective(table, parameters.DerivedProvenance),
            Conventions = assembler.Conventions,
            EnergyChains = assembler.EnergyChains,
            Hardware = assembler.HardwareUsed,
            ProcessScopes = assembler.ProcessScopes,
            Warnings = problems.All.Where(p => p.Severity == Severity.Warning).ToList(),
            TrainedModelProduct = system.ProductIndex.ContainsKey(SystemAssembler.TrainedModel) ? SystemAssembler.TrainedModel : null,
            InferenceEnergyProduct = assembler.InferenceEnergyProduct,
            InferenceHardwareProduct = assembler.InferenceHardwareProduct,
            InferenceIdleProduct = assembler.InferenceIdleProduct,
            InferenceMarginalProducts = [.. assembler.InferenceMarginalProducts],
            InferenceEmbodiedProducts = [.. assembler.InferenceEmbodiedProducts],
            Fleets = [.. assembler.Fleets],
            IncludedStages = boundary.Included,
            NotCovered = [.. NotCovered(catalog, indicators), .. assembler.StageGaps],
            Catalog = catalog,
            CatalogEntriesUsed = catalogDefinitions.EntriesUsed,
            CatalogSourcesUsed = table!.Parameters
                .Select(p => parameters.Datums.GetValueOrDefault(p.Name))
                .SelectMany(d => d is not null && catalogDefinitions.Created.TryGetValue(d, out var keys) ? keys : [])
                .Distinct(StringComparer.Ordinal)
                .ToList(),
        };
    }

    /// <summary>The categories of every method the study assesses at least one category of that the catalog does not cover.</summary>
    private static List<UncoveredCategory> NotCovered(ReferenceCatalog catalog, List<Indicator> indicators)
    {
        var methods = indicators.Select(i => i.MethodId).ToHashSet(StringComparer.Ordinal);
        return catalog.Methods.Where(m => methods.Contains(m.Method.Id))
            .SelectMany(m => m.NotCovered.Select(c => new UncoveredCategory(c.Id, c.Name, m.Method.Id, c.Reason)))
            .ToList();
    }

    private static List<Indicator> SelectIndicators(StudyDefinition study, CatalogDefinitions catalog, IndicatorSet indicatorSet, ProblemList problems)
    {
        if (study.ImpactCategories.Count == 0)
        {
            // Report only indicators the study gives figures for: an indicator without data would be a silent zero.
            var used = study.Grids.SelectMany(g => g.PerKilowattHour.Keys)
                .Concat(CatalogIndicators(study, catalog))
                .Concat(study.Devices.SelectMany(d => d.Embodied.Keys.Concat(d.EndOfLife.Keys)))
                .Concat(study.Hardware.SelectMany(h => h.NodeEmbodied.Keys))
                .ToHashSet(StringComparer.Ordinal);
            if (study.Sites.Any(s => s.OffsiteWater is not null))
            {
                used.Add("water");
            }
            // A grid's pollutant figures (so2, nox, pm25; a catalog grid's emissions.* come out of CatalogIndicators
            // under the same names) bring in every category that characterises them (TRACI 2.1's acidification …).
            var pollutantFlows = used.Concat(study.Grids.SelectMany(g => g.Emissions.Keys))
                .Select(IndicatorSet.PollutantFlow).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return indicatorSet.All.Where(i => used.Contains(i.Id) || i.Category.Factors.Keys.Any(pollutantFlows.Contains)).ToList();
        }
        var selected = new List<Indicator>();
        foreach (var (id, location) in study.ImpactCategories)
        {
            var indicator = indicatorSet.Find(id);
            if (indicator is null)
            {
                problems.Error("unknown-indicator", location, "impact_categories",
                    $"'{id}' is not an indicator{NameSuggestions.Hint(id, indicatorSet.Ids)}; the indicators are: {string.Join(", ", indicatorSet.Ids)}.");
            }
            else if (!selected.Contains(indicator))
            {
                selected.Add(indicator);
            }
        }
        return selected;
    }

    /// <summary>Inline devices and grids with a catalog <c>base</c> take the catalog's figures for what they leave out.</summary>
    private static StudyDefinition WithBases(StudyDefinition study, CatalogDefinitions catalog, ProblemList problems)
    {
        var devices = new List<DeviceDefinition>();
        foreach (var device in study.Devices)
        {
            var estimator = catalog.CheckEstimator(device, problems);
            if (catalog.WithBase(device, estimator) is { } merged)
            {
                devices.Add(merged);
            }
            else
            {
                problems.Error("unknown-device", device.Base!.Value.Location, $"devices.{device.Id}.base",
                    $"'{device.Base.Value.Id}' is not a device of the catalog{NameSuggestions.Hint(device.Base.Value.Id, catalog.Catalog.Suggest(device.Base.Value.Id, Cradle.Catalog.Model.CatalogKinds.Devices))}.");
            }
        }
        var grids = new List<GridDefinition>();
        foreach (var grid in study.Grids)
        {
            if (catalog.WithBase(grid) is { } merged)
            {
                grids.Add(merged);
            }
            else
            {
                problems.Error("unknown-grid", grid.Base!.Value.Location, $"grids.{grid.Id}.base",
                    $"'{grid.Base.Value.Id}' is not a grid of the catalog{NameSuggestions.Hint(grid.Base.Value.Id, catalog.Catalog.Suggest(grid.Base.Value.Id, [Cradle.Catalog.Model.CatalogKinds.Grid]))}.");
            }
        }
        return study with { Devices = devices, Grids = grids, Sites = CatalogProfiles.Sites(study, catalog, problems), Hardware = CatalogProfiles.Hardware(study, catalog, problems) };
    }

    /// <summary>
    /// Indicators that catalog entries the study names (devices, grids, cloud regions) have figures for, counting the
    /// embodied figures the production model gives a catalog accelerator the study does not define itself.
    /// </summary>
    private static IEnumerable<string> CatalogIndicators(StudyDefinition study, CatalogDefinitions definitions)
    {
        var catalog = definitions.Catalog;
        foreach (var entry in study.Hardware.Select(h => h.DeviceId).Where(id => study.Devices.All(d => d.Id != id))
            .Select(id => catalog.Find(id, Cradle.Catalog.Model.CatalogKinds.Devices)).OfType<Catalog.Model.CatalogEntry>())
        {
            foreach (var indicator in definitions.EmbodiedIndicators(entry))
            {
                yield return indicator;
            }
        }
        // Only ids that name the catalog: an inline device, grid or site whose id happens to equal a catalog alias
        // ('h100', 'fr') is the study's own, and must not pull the catalog entry's indicators into the defaults.
        var inlineDevices = study.Devices.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var inlineGrids = study.Grids.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var inlineSites = study.Sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var named = study.Hardware.Select(h => h.DeviceId).Where(id => !inlineDevices.Contains(id))
            .Concat(study.Sites.Select(s => s.GridId).Where(id => !inlineGrids.Contains(id)))
            .Concat(study.Stages.Select(s => s.SiteId).OfType<string>().Concat(ServingSites(study.Inference))
                .Where(id => !inlineSites.Contains(id)));
        foreach (var entry in named.Select(catalog.Find).OfType<Catalog.Model.CatalogEntry>())
        {
            var withGrid = entry.Refs.TryGetValue("grid", out var grid) && catalog.Find(grid) is { } g ? [entry, g] : new[] { entry };
            foreach (var figure in withGrid.SelectMany(e => e.Figures.Keys))
            {
                yield return figure.Contains('.', StringComparison.Ordinal) ? figure[(figure.IndexOf('.', StringComparison.Ordinal) + 1)..] : figure;
            }
        }
    }

    /// <summary>The serving sites: the inference's, and each fleet's.</summary>
    private static IEnumerable<string> ServingSites(InferenceDefinition? inference) =>
        inference is null ? [] : new[] { inference.SiteId }.Concat(inference.Fleets.Select(f => f.Serving.SiteId)).OfType<string>();

    /// <summary>Direct and life-cycle grid factors measure different things; mixing them is allowed but never silent.</summary>
    private static void WarnOnMixedGridBases(IReadOnlyList<EnergyConvention> conventions, StudyDefinition study, ProblemList problems)
    {
        var bases = conventions.Select(c => c.GridBasis ?? "unstated").Distinct(StringComparer.Ordinal).ToList();
        if (bases.Count > 1)
        {
            problems.Warning("mixed-grid-basis", study.Boundary.Location, "grids",
                $"the stages use grid factors of different bases ({string.Join(", ", bases)}): direct factors leave out upstream emissions that life-cycle factors count, so stages are not compared on equal terms.");
        }
    }

    private static Demand? FunctionalUnitDemand(StudyDefinition study, SystemAssembler assembler, ProblemList problems)
    {
        var amount = study.FunctionalUnit?.Amount;
        if (amount is null)
        {
            return null;
        }
        if (!Quantity.TryParse(amount.Text, out var quantity, out var error))
        {
            problems.Error("unknown-unit", amount.Location, "functional_unit.amount", $"{error}; write e.g. '1000 request' or '1 model'.");
            return null;
        }
        if (!double.IsFinite(quantity.Value))
        {
            problems.Error("out-of-range", amount.Location, "functional_unit.amount",
                $"'{Printable.Escape(amount.Text.Trim())}' is not a finite number; expected a positive amount such as '1000 request' or '1 model'.");
            return null;
        }
        if (quantity.Value <= 0)
        {
            problems.Error("out-of-range", amount.Location, "functional_unit.amount", "the functional unit must be a positive amount.");
        }
        var servicePerRequest = study.Inference?.ServicePerRequest;
        if (quantity.Dimension == Dimension.Of(BaseDimension.Request))
        {
            if (study.Inference is null)
            {
                problems.Error("missing-field", amount.Location, "inference", "a functional unit of requests needs an 'inference' section that says how requests are served.");
            }
            RefuseServicePerRequest(servicePerRequest, "requests", problems);
            return new Demand(SystemAssembler.ServedRequest, quantity.ConvertTo(KnownUnits.Request).Value);
        }
        if (quantity.Dimension == Dimension.None)
        {
            if (study.Stages.Count == 0)
            {
                problems.Error("missing-field", amount.Location, "stages", "a functional unit of trained models needs the 'stages' that train it.");
            }
            RefuseServicePerRequest(servicePerRequest, "trained models", problems);
            return new Demand(SystemAssembler.TrainedModel, quantity.BaseValue);
        }
        if (ServiceUnits.CoherentUnit(quantity.Dimension) is { } serviceUnit)
        {
            if (study.Inference is null || servicePerRequest is null)
            {
                problems.Error("missing-field", amount.Location, study.Inference is null ? "inference" : "inference.service_per_request",
                    $"a functional unit of {ServiceUnits.Name(quantity.Dimension)} needs an 'inference' section with 'service_per_request', "
                    + $"how much of that service one request delivers (e.g. 'service_per_request: {ServiceUnits.Example(quantity.Dimension)}').");
                return null;
            }
            return assembler.AddServedService(servicePerRequest, serviceUnit) is { } product ? new Demand(product, quantity.BaseValue) : null;
        }
        problems.Error("unit-mismatch", amount.Location, "functional_unit.amount",
            $"the functional unit counts requests ('1000 request'), trained models ('1 model'), tokens ('1e6 token'), images ('1000 image') "
            + $"or GPU time ('1 GPU-h'), not {quantity.Unit.Describe()}.");
        return null;
    }

    /// <summary>A service per request is the bridge from another service unit to requests; beside requests or models it would be ignored, so it is refused.</summary>
    private static void RefuseServicePerRequest(Datum? servicePerRequest, string counted, ProblemList problems)
    {
        if (servicePerRequest is not null)
        {
            problems.Error("unused-field", servicePerRequest.Location, "inference.service_per_request",
                $"the functional unit counts {counted}, so 'service_per_request' would not be used; remove it, or state the functional unit in the service it counts (e.g. 'amount: 1e6 token').");
        }
    }

    private static void ApplyOverrides(AlternativeDefinition? alternative, ParameterCollector parameters, ProblemList problems)
    {
        if (alternative is null)
        {
            return;
        }
        foreach (var entry in alternative.Overrides)
        {
            if (!parameters.Contains(entry.Name))
            {
                problems.Error("unknown-parameter", entry.Value.Location, $"alternatives.{alternative.Id}.parameters.{entry.Name}",
                    $"'{entry.Name}' is not a parameter of the study{NameSuggestions.Hint(entry.Name, parameters.Definitions.Select(d => d.Name))}.");
                continue;
            }
            parameters.Override(entry);
        }
    }

    private static ParameterTable? Resolve(ParameterCollector parameters, ProblemList problems)
    {
        try
        {
            return ParameterResolver.Resolve(parameters.Definitions);
        }
        catch (ParameterException e)
        {
            foreach (var problem in e.Problems)
            {
                var location = parameters.Locations.GetValueOrDefault(problem.Parameter);
                if (location is not null && problem.ExpressionPosition is { } offset)
                {
                    location = location.Shifted(offset);
                }
                problems.Error(problem.Code, location, parameters.FieldOf(problem.Parameter), problem.Message);
            }
            return null;
        }
    }

    private static void CheckDimensions(ParameterTable table, ParameterCollector parameters, ProblemList problems)
    {
        foreach (var (name, (dimension, what)) in parameters.Expected)
        {
            var parameter = table.Find(name)!;
            if (parameter.Unit.Dimension != dimension)
            {
                var written = parameter.Definition.Value is { } value ? $"'{value}'" : $"'{parameter.Definition.Expression}'";
                problems.Error("unit-mismatch", parameters.Locations.GetValueOrDefault(name), parameters.FieldOf(name),
                    $"expected {what}, but {written} is {parameter.Unit.Dimension.WithArticle()} ({parameter.Unit.Symbol}).");
            }
        }
    }
}
