using Cradle.Core.Uncertainty;
using Cradle.Results;

namespace Cradle.Studies.Assessment;

/// <summary>
/// Turns an assessment into its results (<see cref="AssessmentResults"/>, the records every consumer reads): a copy of
/// what <see cref="StudyAssessor"/> computed, nothing calculated again (the terms of equation (1) are copied as the
/// assessor found them, so the table, the JSON and the reports show the same numbers).
/// </summary>
public static class ResultsBuilder
{
    /// <summary>The results of <paramref name="assessment"/>, with where they came from (null: not known, e.g. in tests).</summary>
    public static AssessmentResults From(StudyAssessment assessment, ResultProvenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var study = assessment.Study;
        var fu = study.FunctionalUnit;
        return new AssessmentResults(
            study.Name, study.File, study.Description,
            new GoalInfo(study.Goal.Application, study.Goal.Audience, study.Goal.Approach, study.Goal.Reasons, study.Goal.Commissioner),
            new FunctionalUnitInfo(fu.Amount.Text, fu.Description,
                fu.Latency is { } l ? new LatencyInfo(l.Percentile, l.Maximum.Text) : null,
                fu.Quality is { } q ? new QualityInfo(q.Benchmark, q.Metric, q.Minimum) : null),
            study.Boundary.Included.Select(i => i.Stage).ToList(),
            study.Boundary.Excluded.Select(e => (e.Stage, e.Reason)).ToList(),
            assessment.Alternatives.Select(Alternative).ToList(),
            assessment.Comparison is { } comparison ? Comparison(comparison) : null,
            assessment.Consistency.Select(n => new ConsistencyItem(n.Parameter, n.ChangedByAlternative, n.Sources)).ToList())
        {
            Provenance = provenance,
        };
    }

    /// <summary>The results of one alternative.</summary>
    public static AlternativeResults Alternative(AlternativeAssessment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AlternativeResults
        {
            Id = a.Alternative,
            Description = a.Description,
            Categories = Categories(a.Categories),
            NotCoveredCategories = a.NotCovered.Select(c => new NotCoveredInfo(c.Id, c.Name, c.Method, c.Reason, c.Stage)).ToList(),
            Totals = a.Totals,
            Stages = a.Stages.Select(s => new StageResult(s.Stage, s.Values, s.Shares, a.SignificantIssues.Any(i => i.Stage == s.Stage))).ToList(),
            StageInstances = a.StageInstances.Select(s => new StageInstanceResult(s.StageId, s.Stage, s.Values, s.Shares)).ToList(),
            RequestComposition = a.RequestComposition.Select(t => new RequestTermResult(t.Term, t.Values, t.Shares)).ToList(),
            Fleets = a.Fleets.Select(f => new FleetResult(f.Id, f.Share, f.PerRequest, f.Values, f.Shares)).ToList(),
            Energy = Energy(a.Energy),
            SignificantIssues = a.SignificantIssues.Select(i => new SignificantIssueInfo(i.Stage, i.CategoryId, i.Share)).ToList(),
            DataProvenance = a.DataProvenance.Select(p => new ProvenanceShareInfo(p.Measured, p.Declared, p.Modelled)).ToList(),
            Processes = a.Processes.Select(Process).ToList(),
            AllProcesses = a.AllProcesses.Select(Process).ToList(),
            Uncertainty = a.Uncertainty is { } u ? Uncertainty(u) : null,
            EquationOne = a.EquationOne is { } eq
                ? new EquationOneResults(eq.MarginalInference, eq.AmortisedEmbodied, eq.AmortisedDevelopment, eq.DevelopmentTotal,
                    eq.LifetimeRequests, eq.BreakEvenRequests, eq.LifetimeGrid.Select(g => (g.Lifetime, g.PerFunctionalUnit)).ToList())
                : null,
            Inputs = a.Inputs.Select(i => new InputRow(i.Name, i.Value, i.Unit, i.Origin, i.Source, i.Formula, i.Location?.Line)
            {
                Note = i.Note,
                Column = i.Location?.Column,
            }).ToList(),
            Inventory = a.Inventory.Select(f => new InventoryRow(f.Id, f.Name, f.Compartment, f.Amount, f.Unit, f.ByStage)).ToList(),
            Hardware = a.Hardware.Select(h => new HardwareRow(h.Scope, h.Hardware, h.Device, h.PerNode, h.Lifespan)
            {
                Allocation = h.Allocation is { } key ? Definition.AllocationKeys.Name(key) : null,
            }).ToList(),
            Sensitivity = a.Sensitivity is { } s ? Sensitivity(s) : null,
            Amortisation = a.Amortisation is { } am ? Amortisation(am) : null,
            Conventions = a.Conventions.Select(c => new ConventionRow(c.Scope, c.Site, c.SiteName, c.GridName, c.Describe())
            {
                EnergyBoundary = c.Boundary.ToString().ToLowerInvariant(),
                PueApplied = c.PueApplied,
                NodePowerAdded = c.NodePowerAdded,
                OffsiteWaterFrom = c.OffsiteWaterFrom,
                GridBasis = c.GridBasis,
                CarbonBasis = c.CarbonBasis,
                CarbonFactorFrom = c.CarbonFactorFrom,
            }).ToList(),
            CatalogVersion = a.CatalogVersion,
            CatalogEntries = a.CatalogEntries,
            Sources = a.CatalogSources.Select(s => new SourceRow(s.Key, s.Citation(), s.Licence)).ToList(),
            Warnings = a.Warnings.Select(w => new WarningRow(w.Code, w.Field, w.Message, w.Location?.Line, w.Location?.Column)).ToList(),
        };
    }

    /// <summary>The comparison's results.</summary>
    public static ComparisonResults Comparison(ComparisonResult c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new ComparisonResults(c.FunctionalUnit, c.Iterations, c.Seed, c.Categories.Select(x => x.Id).ToList(),
            c.Labels.Select((label, i) => (label, c.Totals[i], (IReadOnlyList<Stats>)c.Uncertainty[i].Select(Stats).ToList())).ToList(),
            c.Pairs.Select(p => (p.A, p.B, (IReadOnlyList<Stats>)p.Difference.Select(Stats).ToList(), p.ProbabilityALower)).ToList())
        {
            Reference = c.Reference,
            PairsChosen = c.PairsChosen,
            FunctionalUnitReason = c.FunctionalUnitReason,
            FunctionalUnitDifferences = c.FunctionalUnitDifferences,
            CarbonBasis = c.CarbonBasis,
            CarbonBasisReason = c.CarbonBasisReason,
            CarbonBasisDifferences = c.CarbonBasisDifferences,
            RowsNotCompared = c.RowsNotCompared,
            Service = c.Service.Any(x => x.Outcomes.Count > 0 || x.Quality is not null)
                ? [.. c.Service.Select((x, i) => new ServiceResults(x.Label,
                    [.. x.Outcomes.Select(o => (o.Constraint, StatusName(o.Status), o.Message, o.Source))],
                    x.Quality?.Benchmark, x.Quality?.Value, i < c.PerQualityPoint.Count ? c.PerQualityPoint[i] : null))]
                : [],
            UnmetConstraintsReason = c.UnmetConstraintsReason,
        };
    }

    /// <summary>The status as written in results: "met", "unmet", "not-shown".</summary>
    public static string StatusName(ConstraintStatus status) => status switch
    {
        ConstraintStatus.Met => "met",
        ConstraintStatus.Unmet => "unmet",
        _ => "not-shown",
    };

    /// <summary>One alternative's sensitivity results.</summary>
    public static SensitivityResults Sensitivity(SensitivityResult s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SensitivityResults(s.Alternative, s.BaseSamples, s.Seed, s.Totals,
            s.Inputs.Select(i => new SensitivityRow(i.Input, i.Distribution, i.AtLow, i.AtHigh, i.First, i.Total)
            {
                FirstLow = i.FirstInterval.Select(x => x.Low).ToList(),
                FirstHigh = i.FirstInterval.Select(x => x.High).ToList(),
                TotalLow = i.TotalInterval.Select(x => x.Low).ToList(),
                TotalHigh = i.TotalInterval.Select(x => x.High).ToList(),
            }).ToList());
    }

    /// <summary>One alternative's amortisation and break-even results.</summary>
    public static AmortisationResults Amortisation(BreakEvenResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new AmortisationResults(r.Alternative, r.Iterations,
            r.Curve.Select(p => new AmortisationPoint(p.Lifetime, p.Values, p.Bands?.Select(b => new Band(b.Median, b.P5, b.P95)).ToList())).ToList(),
            r.BreakEven, r.EmbodiedShare, r.EmbodiedBelow);
    }

    /// <summary>The category ids of <paramref name="categories"/>, in order (what the per-category JSON objects are keyed by).</summary>
    public static IReadOnlyList<string> Ids(IReadOnlyList<CategoryInfo> categories) => categories.Select(c => c.Id).ToList();

    private static List<Cradle.Results.CategoryInfo> Categories(IReadOnlyList<CategoryInfo> categories) =>
        categories.Select(c => new Cradle.Results.CategoryInfo(c.Id, c.Name, c.Unit)).ToList();

    private static ProcessResult Process(ProcessContribution p) => new(p.ProcessId, p.Name, p.Stage, p.StageId, p.Values);

    private static EnergyResults Energy(EnergyResult e) =>
        new(e.ItEnergy, e.FacilityEnergy, e.GridElectricity, e.Scopes.Select(s =>
            new EnergyScopeRow(s.Scope, s.Stage, s.ItEnergy, s.FacilityEnergy, s.GridElectricity, s.Convention.Brief())
            {
                EnergyBoundary = s.Convention.Boundary.ToString().ToLowerInvariant(),
                PueApplied = s.Convention.PueApplied,
                NodePowerAdded = s.Convention.NodePowerAdded,
                Uncertainty = EnergyStats(s.Uncertainty),
            }).ToList())
        {
            Uncertainty = EnergyStats(e.Uncertainty),
        };

    private static EnergyStats? EnergyStats(EnergyStatistics? s) =>
        s is null ? null : new EnergyStats(Stats(s.ItEnergy), Stats(s.FacilityEnergy), Stats(s.GridElectricity));

    private static UncertaintyResults Uncertainty(UncertaintyAssessment u) =>
        new(u.Iterations, u.Seed, u.Inputs, u.Totals.Select(Stats).ToList(),
            u.Stages.Select(s => (s.Stage, (IReadOnlyList<Stats>)s.Values.Select(Stats).ToList())).ToList(),
            u.Histograms.Select(h => (h.Edges, h.Counts)).ToList())
        {
            ExactInputs = u.DeterministicInputs,
        };

    private static Stats Stats(SampleStatistics s) => new(s.Mean, s.Median, s.P025, s.P5, s.P95, s.P975, s.StandardDeviation, s.P25, s.P75);
}
