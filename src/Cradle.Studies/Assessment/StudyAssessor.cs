using Cradle.Catalog;
using Cradle.Core.Engine;
using Cradle.Core.Interpretation;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;
using Cradle.Studies.Reading;

namespace Cradle.Studies.Assessment;

/// <summary>
/// Reads, compiles and calculates a study: totals per functional unit, stage and process contributions, significant
/// issues, and for a per-request functional unit the terms of equation (1), the development total, the break-even
/// lifetime and the per-functional-unit cost over a grid of lifetimes.
/// </summary>
public static class StudyAssessor
{
    /// <summary>Number of processes listed per result.</summary>
    private const int TopProcesses = 8;

    /// <summary>Sobol base samples when an assessment runs Monte Carlo (the full analysis is `cradle sensitivity`).</summary>
    private const int SensitivitySamples = 2048;

    /// <summary>Bootstrap resamples for those indices.</summary>
    private const int SensitivityBootstrap = 100;

    /// <summary>
    /// Draws per run from which each alternative's run is collected before the next is drawn: a run of a million draws
    /// holds a few hundred MB; below that, a full collection would cost more time than the memory it returns is worth.
    /// </summary>
    private const int CollectFrom = 1_000_000;

    /// <summary>Assesses the study text against the shipped catalog; <paramref name="file"/> names it in messages.</summary>
    public static StudyAssessment Assess(string text, string file) => Assess(text, file, [], null);

    /// <summary>
    /// Assesses the study text against the shipped catalog plus <paramref name="catalogFiles"/> (e.g. from --catalog)
    /// plus the study's own <c>catalog:</c> files, which <paramref name="readFile"/> reads (paths relative to the study).
    /// Values written <c>{from_run: ID}</c> come from <paramref name="runs"/> (null: none, and such a value is an error).
    /// With alternatives and Monte Carlo, <paramref name="pairs"/> chooses the pairs compared (null: the default).
    /// Throws <see cref="StudyException"/> or <see cref="CatalogException"/> listing every error.
    /// </summary>
    public static StudyAssessment Assess(
        string text, string file, IReadOnlyList<(string Name, string Text)> catalogFiles, Func<string, string>? readFile, MonteCarloOptions? monteCarlo = null,
        Runs.IRunSource? runs = null, ComparisonPairs? pairs = null, Background.IBackgroundSource? background = null)
    {
        var (study, compiled, readWarnings) = Compile(text, file, catalogFiles, readFile, runs, background);
        var labelled = compiled.Select(c => (c.Alternative?.Id ?? "as written", c)).ToList();
        if (monteCarlo is not null && compiled.Count >= 2)
        {
            // An unknown --reference is refused before anything is sampled.
            (pairs ?? ComparisonPairs.Default).Select([.. labelled.Select(l => l.Item1)]);
        }
        // One Monte Carlo run per alternative serves the summary, the energy rows, the amortisation bands and the
        // comparison: they need the same draws (same seed), and the break-even also needs the lifetime drawn, so that
        // slot is tracked. The alternatives are drawn one after the other, and each run is reduced to the totals the
        // comparison needs as soon as its own results are made, so only one run's stages and tracked values are held.
        var assessed = new List<AlternativeAssessment>(compiled.Count);
        var totals = new List<MonteCarloResult>(compiled.Count);
        var summaries = new List<UncertaintyAssessment>(compiled.Count);
        foreach (var c in compiled)
        {
            var deterministic = Assess(c, readWarnings);
            if (monteCarlo is null)
            {
                assessed.Add(deterministic);
                continue;
            }
            var (withDraws, summary, runTotals) = AssessDrawn(c, deterministic, monteCarlo);
            assessed.Add(withDraws);
            summaries.Add(summary);
            totals.Add(runTotals);
            if (monteCarlo.Iterations >= CollectFrom)
            {
                // The run's arrays are on the large-object heap, which only a full collection reclaims: without one,
                // every alternative's run can stay in memory to the end, beside the next one drawn.
                GC.Collect();
            }
        }
        return new StudyAssessment(study, assessed)
        {
            Consistency = ConsistencyCheck.Check(labelled),
            Comparison = monteCarlo is null || compiled.Count < 2 ? null : ComparisonAnalysis.Compare(labelled, totals, monteCarlo, pairs ?? ComparisonPairs.Default, summaries),
        };
    }

    /// <summary>
    /// Draws <paramref name="compiled"/>'s Monte Carlo run and adds to its assessment what the draws give: the summary, the
    /// energy rows' statistics, the amortisation bands (and the Sobol indices, drawn apart). Returns the summary and the
    /// run reduced to its totals for the comparison; the rest of the run is garbage once this returns.
    /// </summary>
    private static (AlternativeAssessment Assessed, UncertaintyAssessment Summary, MonteCarloResult Totals) AssessDrawn(
        CompiledStudy compiled, AlternativeAssessment deterministic, MonteCarloOptions monteCarlo)
    {
        var run = UncertaintyAnalysis.Sample(compiled, monteCarlo, BreakEvenAnalysis.TrackedSlots(compiled), EnergyDrawn.TrackedProcesses(compiled));
        // The four analyses only read the run (and the compiled study), so they share the threads: each is the same
        // computation, in the same order, as alone. Each alternative is summarised once, for its own results and for
        // the comparison; the energy rows get their statistics from the same draws as the categories; the curve starts
        // from the equation (1) terms just computed, not from a second decomposition.
        UncertaintyAssessment summary = null!;
        EnergyResult energy = null!;
        SensitivityResult sensitivity = null!;
        BreakEvenResult? amortisation = null;
        try
        {
            Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = monteCarlo.Threads },
                () => summary = UncertaintyAnalysis.Summarise(compiled, run),
                () => energy = EnergyDrawn.WithUncertainty(compiled, deterministic.Energy, run),
                () => sensitivity = SensitivityAnalysis.Run(compiled, SensitivitySamples, SensitivityBootstrap, monteCarlo.Seed),
                () => amortisation = BreakEvenAnalysis.TrackedSlots(compiled).Count == 0 ? null
                    : BreakEvenAnalysis.RunOnDraws(compiled, BreakEvenAnalysis.DefaultLifetimes, 0.1, run, deterministic.EquationOne));
        }
        catch (AggregateException e)
        {
            // A study's problem (a Sobol draw that is not finite) is reported as it would be without threads.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        var assessed = deterministic with { Uncertainty = summary, Energy = energy, Sensitivity = sensitivity, Amortisation = amortisation };
        return (assessed, summary, run.FirstDemandTotals());
    }

    /// <summary>
    /// Reads and compiles a study (every alternative) against the catalog with the given extra files, reading
    /// <c>from_run</c> values from <paramref name="runs"/> and <c>from_background</c> links from
    /// <paramref name="background"/> (null: none, and such a value is an error).
    /// </summary>
    public static (Definition.StudyDefinition Study, IReadOnlyList<CompiledStudy> Alternatives, IReadOnlyList<Syntax.InputProblem> Warnings) Compile(
        string text, string file, IReadOnlyList<(string Name, string Text)> catalogFiles, Func<string, string>? readFile, Runs.IRunSource? runs = null,
        Background.IBackgroundSource? background = null)
    {
        ArgumentNullException.ThrowIfNull(catalogFiles);
        var (read, warnings) = StudyReader.Read(text, file, runs);
        var catalog = StudyCatalog.Load(read, catalogFiles, readFile);
        // Links to a background database become figures once the catalog's indicators are known (partitioned: solved once).
        var (study, linkWarnings) = Background.BackgroundLinker.Apply(read, IndicatorSet.From(catalog), background);
        IReadOnlyList<Syntax.InputProblem> readWarnings = [.. warnings, .. linkWarnings];
        var alternatives = StudyCompiler.CompileAll(study, catalog);
        // Totals that overflow are refused here, for every command (compare and sensitivity print totals too), not
        // only where assess builds its results.
        SideBySide.Run(alternatives.Count, Environment.ProcessorCount, i =>
        {
            var compiled = alternatives[i];
            ResultCheck.RequireFinite(compiled, LcaCalculator.Calculate(compiled.System, compiled.Method, compiled.Demand, compiled.Values).Impacts);
            return true;
        });
        return (study, alternatives, readWarnings);
    }

    /// <summary>Assesses one compiled alternative.</summary>
    public static AlternativeAssessment Assess(CompiledStudy compiled, IReadOnlyList<Syntax.InputProblem> readWarnings)
    {
        var matrices = MatrixSet.Evaluate(compiled.System, compiled.Values);
        var result = LcaCalculator.Calculate(compiled.System, compiled.Method, compiled.Demand, matrices);
        ResultCheck.RequireFinite(compiled, result.Impacts);
        var categories = compiled.Method.Categories.Select(c => new CategoryInfo(c.Id, c.Name, c.Unit.Symbol)).ToList();
        var totals = result.Impacts;
        var stages = result.StageContributions()
            .OrderBy(s => Definition.StageKinds.LifeCycleOrder(s.Stage))
            .Select(s => new StageContribution(s.Stage, s.Values, s.Values.Select((v, k) => totals[k] == 0 ? double.NaN : v / totals[k]).ToList()))
            .ToList();
        return new AlternativeAssessment
        {
            Alternative = compiled.Alternative?.Id,
            Description = compiled.Alternative?.Description,
            Categories = categories,
            NotCovered = compiled.NotCovered,
            Totals = totals,
            Stages = stages,
            StageInstances = StageInstances(compiled, result),
            SignificantIssues = SignificantIssues.Find(result, compiled.Study.Interpretation.SignificanceThreshold),
            Processes = [.. ProcessesBySize(compiled, result).Take(TopProcesses)],
            AllProcesses = ProcessesBySize(compiled, result),
            DataProvenance = DataQualityCheck.Shares(compiled, result),
            Inventory = InventoryByStage(compiled, matrices, result),
            Hardware = compiled.Hardware,
            EquationOne = compiled.PerRequest ? EquationOne(compiled, matrices) : null,
            RequestComposition = Assessment.RequestComposition.Of(compiled, result),
            Fleets = FleetParts.Of(compiled, result, matrices),
            Inputs = Inputs(compiled),
            Conventions = compiled.Conventions,
            Energy = EnergyDrawn.Read(compiled, result),
            // A constraint of the functional unit missed, or not shown met, is marked here; compare refuses the former.
            Warnings = [.. readWarnings, .. compiled.Warnings, .. ServiceDelivery.Warnings(ServiceDelivery.Check(compiled.Alternative?.Id ?? "as written", compiled))],
            CatalogVersion = compiled.Catalog.Version,
            CatalogEntries = compiled.CatalogEntriesUsed,
            CatalogSources = compiled.CatalogSourcesUsed.Select(k => compiled.Catalog.Sources[k]).ToList(),
        };
    }

    /// <summary>g = B s per flow, and split by stage: the flows of each stage's processes, scaled.</summary>
    private static List<InventoryFlow> InventoryByStage(CompiledStudy compiled, MatrixSet matrices, LcaResult result)
    {
        var system = compiled.System;
        var byStage = new Dictionary<(int Flow, string Stage), double>();
        for (var j = 0; j < system.Processes.Count; j++)
        {
            foreach (var (flow, amount) in matrices.Biosphere.Column(j))
            {
                var key = (flow, system.Processes[j].Stage);
                byStage[key] = byStage.GetValueOrDefault(key) + (amount * result.Scaling[j]);
            }
        }
        return system.Flows.Select((f, i) => new InventoryFlow(f.Id, f.Name, f.Compartment, result.Inventory[i], f.Unit.Symbol)
        {
            ByStage = byStage.Where(x => x.Key.Flow == i && x.Value != 0)
                .OrderBy(x => Definition.StageKinds.LifeCycleOrder(x.Key.Stage))
                .Select(x => (x.Key.Stage, x.Value)).ToList(),
        }).Where(f => f.Amount != 0).ToList();
    }

    /// <summary>Every process with a non-zero contribution, by its largest share of a category total, largest first.</summary>
    private static List<ProcessContribution> ProcessesBySize(CompiledStudy compiled, LcaResult result)
    {
        var n = result.System.Processes.Count;
        var k = result.Impacts.Count;
        return Enumerable.Range(0, n)
            .Select(j => (j, Values: Enumerable.Range(0, k).Select(c => result.ProcessContributions[c, j]).ToList()))
            .Where(p => p.Values.Any(v => v != 0))
            .OrderByDescending(p => p.Values.Select((v, c) => result.Impacts[c] == 0 ? 0 : Math.Abs(v / result.Impacts[c])).DefaultIfEmpty(0).Max())
            .Select(p =>
            {
                var process = result.System.Processes[p.j];
                return new ProcessContribution(process.Id, process.Name, process.Stage, p.Values) { StageId = ScopeOf(compiled, process.Id) };
            })
            .ToList();
    }

    /// <summary>
    /// Direct contributions summed per (stage instance, kind), in the order of the first process of each, then by
    /// life-cycle order of the kind: the same sums as <see cref="LcaResult.StageContributions"/>, split by instance.
    /// </summary>
    private static List<StageInstanceContribution> StageInstances(CompiledStudy compiled, LcaResult result)
    {
        var k = result.Impacts.Count;
        var rows = new List<(string StageId, string Stage, double[] Values)>();
        var index = new Dictionary<(string, string), int>();
        for (var j = 0; j < result.System.Processes.Count; j++)
        {
            var process = result.System.Processes[j];
            var key = (ScopeOf(compiled, process.Id), process.Stage);
            if (!index.TryGetValue(key, out var r))
            {
                r = rows.Count;
                index[key] = r;
                rows.Add((key.Item1, key.Item2, new double[k]));
            }
            for (var c = 0; c < k; c++)
            {
                rows[r].Values[c] += result.ProcessContributions[c, j];
            }
        }
        return rows
            .OrderBy(row => Definition.StageKinds.LifeCycleOrder(row.Stage))
            .Select(row => new StageInstanceContribution(row.StageId, row.Stage, row.Values,
                row.Values.Select((v, c) => result.Impacts[c] == 0 ? double.NaN : v / result.Impacts[c]).ToList()))
            .ToList();
    }

    /// <summary>The stage instance of a process; every process the assembler adds has one, so a miss is a bug.</summary>
    private static string ScopeOf(CompiledStudy compiled, string processId) =>
        compiled.ProcessScopes.TryGetValue(processId, out var scope)
            ? scope
            : throw new InvalidOperationException($"process '{processId}' has no stage instance");

    private static EquationOneTerms EquationOne(CompiledStudy compiled, MatrixSet matrices)
    {
        var categories = compiled.Method.Categories.Count;
        var (marginal, embodied, development) = PerRequestTerms.PerFunctionalUnit(compiled, ServingParts.Of(compiled, matrices));
        var developmentTotal = compiled.TrainedModelProduct is null
            ? new double[categories]
            : LcaCalculator.Calculate(compiled.System, compiled.Method, new Demand(compiled.TrainedModelProduct, 1), matrices).Impacts.ToArray();

        var requests = compiled.Demand.Amount;
        var lifetime = compiled.Values.InOwnUnit("inference.lifetime_requests");
        var perRequestInference = Enumerable.Range(0, categories).Select(k => (marginal[k] + embodied[k]) / requests).ToList();
        var breakEven = Enumerable.Range(0, categories).Select(k => Amortisation.BreakEven(perRequestInference[k], developmentTotal[k])).ToList();
        var grid = compiled.Study.Interpretation.LifetimeGrid
            .Select(n => (n, (IReadOnlyList<double>)Enumerable.Range(0, categories)
                .Select(k => requests * Amortisation.PerInference(perRequestInference[k], developmentTotal[k], n)).ToList()))
            .ToList();
        return new EquationOneTerms(marginal, embodied, development, developmentTotal, lifetime, breakEven, grid);
    }

    private static List<InputRecord> Inputs(CompiledStudy compiled) =>
        compiled.Values.Table.Parameters
            .OrderBy(p => compiled.ParameterLocations.GetValueOrDefault(p.Name)?.Line ?? int.MaxValue)
            .Select(p => (Parameter: p, Provenance: compiled.Provenance[p.Name]))
            .Select(x => new InputRecord(x.Parameter.Name, compiled.Values.InOwnUnit(x.Parameter.Name), x.Parameter.Unit.Symbol,
                x.Provenance.Origin.ToString().ToLowerInvariant(), x.Provenance.Source, x.Provenance.Note, x.Parameter.Definition.Expression,
                compiled.ParameterLocations.GetValueOrDefault(x.Parameter.Name)))
            .ToList();
}
