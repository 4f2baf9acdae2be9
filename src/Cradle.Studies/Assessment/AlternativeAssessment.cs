using Cradle.Core.Interpretation;
using Cradle.Studies.Compilation;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>The assessed result of one alternative, ready to render: nothing in it needs the engine again.</summary>
public sealed record AlternativeAssessment
{
    /// <summary>The alternative's id, or null for the study as written.</summary>
    public string? Alternative { get; init; }
    /// <summary>What the alternative changes.</summary>
    public string? Description { get; init; }
    /// <summary>Impact categories, in order, with their units.</summary>
    public required IReadOnlyList<CategoryInfo> Categories { get; init; }
    /// <summary>
    /// Categories of the assessed methods that Cradle does not cover (TRACI 2.1's toxicity categories …): not assessed,
    /// listed so that their absence is not read as zero.
    /// </summary>
    public IReadOnlyList<UncoveredCategory> NotCovered { get; init; } = [];
    /// <summary>Totals per functional unit, per category.</summary>
    public required IReadOnlyList<double> Totals { get; init; }
    /// <summary>Contributions per life-cycle stage (per functional unit), per category.</summary>
    public required IReadOnlyList<StageContribution> Stages { get; init; }
    /// <summary>
    /// Contributions per stage instance and kind (per functional unit), per category: the rows of
    /// <see cref="Stages"/> before two stages of one kind are added up. For each kind, its instances add up to its
    /// <see cref="Stages"/> row.
    /// </summary>
    public IReadOnlyList<StageInstanceContribution> StageInstances { get; init; } = [];
    /// <summary>Stages at or above the significance threshold.</summary>
    public required IReadOnlyList<SignificantIssue> SignificantIssues { get; init; }
    /// <summary>The processes with the largest contributions, per category.</summary>
    public required IReadOnlyList<ProcessContribution> Processes { get; init; }
    /// <summary>Every process with a non-zero contribution, largest first; they add up to <see cref="Totals"/>.</summary>
    public IReadOnlyList<ProcessContribution> AllProcesses { get; init; } = [];
    /// <summary>
    /// The composition of one request (prefill, decode, reasoning, draft, retrieval, tools, idle, serving hardware,
    /// trained model), per functional unit; empty unless the request has work beyond one generation energy.
    /// </summary>
    public IReadOnlyList<RequestTerm> RequestComposition { get; init; } = [];
    /// <summary>The serving fleets' parts of the result; empty without <c>inference.fleets</c>.</summary>
    public IReadOnlyList<FleetPart> Fleets { get; init; } = [];
    /// <summary>For a per-request functional unit: the three terms of equation (1), per functional unit.</summary>
    public EquationOneTerms? EquationOne { get; init; }
    /// <summary>Every input with its value, unit, provenance and place in the file.</summary>
    public required IReadOnlyList<InputRecord> Inputs { get; init; }
    /// <summary>
    /// The energy drawn per functional unit (IT, facility, grid electricity; kWh), per scope and in total; empty
    /// (no scopes) when the study has no energy.
    /// </summary>
    public EnergyResult Energy { get; init; } = new([], 0, 0, 0);
    /// <summary>The energy conventions used.</summary>
    public required IReadOnlyList<EnergyConvention> Conventions { get; init; }
    /// <summary>Warnings from compilation.</summary>
    public required IReadOnlyList<InputProblem> Warnings { get; init; }
    /// <summary>Per category: the share of the total resting on measured, declared and modelled activity data.</summary>
    public required IReadOnlyList<ProvenanceShares> DataProvenance { get; init; }
    /// <summary>The elementary flows of the functional unit (the life-cycle inventory), non-zero ones.</summary>
    public IReadOnlyList<InventoryFlow> Inventory { get; init; } = [];
    /// <summary>Hardware in use.</summary>
    public IReadOnlyList<Compilation.HardwareUse> Hardware { get; init; } = [];
    /// <summary>Sensitivity analysis, with Monte Carlo.</summary>
    public SensitivityResult? Sensitivity { get; init; }
    /// <summary>Amortisation and break-even with bands, with Monte Carlo and a functional unit of requests.</summary>
    public BreakEvenResult? Amortisation { get; init; }
    /// <summary>The Monte Carlo results, when asked for.</summary>
    public UncertaintyAssessment? Uncertainty { get; init; }
    /// <summary>The version of the reference catalog used (with any user files).</summary>
    public required string CatalogVersion { get; init; }
    /// <summary>Catalog entries the study used.</summary>
    public required IReadOnlyList<string> CatalogEntries { get; init; }
    /// <summary>The sources of every catalog figure used.</summary>
    public required IReadOnlyList<Cradle.Catalog.Model.Source> CatalogSources { get; init; }
}

/// <summary>One elementary flow of the inventory.</summary>
/// <param name="Id">Flow id.</param>
/// <param name="Name">Flow name.</param>
/// <param name="Compartment">Compartment.</param>
/// <param name="Amount">Amount per functional unit.</param>
/// <param name="Unit">Unit symbol.</param>
public sealed record InventoryFlow(string Id, string Name, string Compartment, double Amount, string Unit)
{
    /// <summary>The amount split by life-cycle stage (stages with none are left out).</summary>
    public IReadOnlyList<(string Stage, double Amount)> ByStage { get; init; } = [];
}

/// <summary>An impact category as reported.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Unit">Indicator unit symbol.</param>
public sealed record CategoryInfo(string Id, string Name, string Unit);

/// <summary>A stage's contribution per category and its share of the total.</summary>
/// <param name="Stage">Stage label.</param>
/// <param name="Values">Contribution per category.</param>
/// <param name="Shares">Share of the total per category (NaN where the total is 0).</param>
public sealed record StageContribution(string Stage, IReadOnlyList<double> Values, IReadOnlyList<double> Shares);

/// <summary>A process's direct contribution per category.</summary>
/// <param name="ProcessId">Process id.</param>
/// <param name="Name">Process name.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="Values">Contribution per category.</param>
public sealed record ProcessContribution(string ProcessId, string Name, string Stage, IReadOnlyList<double> Values)
{
    /// <summary>The stage instance it belongs to: a stage's id as written, or <c>inference</c>.</summary>
    public required string StageId { get; init; }
}

/// <summary>One stage instance's contribution to one stage kind, per category, and its share of the total.</summary>
/// <param name="StageId">The stage's id as written under <c>stages:</c>, or <c>inference</c>.</param>
/// <param name="Stage">The kind its contributions count toward, as <see cref="StageContribution.Stage"/> names it
/// (a stage's manufacture counts toward <c>hardware-manufacture</c>, so one id can have several rows).</param>
/// <param name="Values">Contribution per category, per functional unit.</param>
/// <param name="Shares">Share of the total per category (NaN where the total is 0).</param>
public sealed record StageInstanceContribution(string StageId, string Stage, IReadOnlyList<double> Values, IReadOnlyList<double> Shares);

/// <summary>
/// Equation (1) of the position paper, per functional unit and category:
/// C_FU = C_inference + (utilisation time × C_embodied) ÷ lifespan + (C_experimentation + C_training) ÷ lifetime inferences.
/// </summary>
/// <param name="MarginalInference">Energy of serving the functional unit, active and idle (with their electricity chains).</param>
/// <param name="AmortisedEmbodied">Time-share of the serving hardware's manufacture (and end of life).</param>
/// <param name="AmortisedDevelopment">Share of experimentation and training (operational and embodied).</param>
/// <param name="DevelopmentTotal">Experimentation and training in full, per trained model.</param>
/// <param name="LifetimeRequests">Requests served over the model's life.</param>
/// <param name="BreakEvenRequests">Lifetime requests at which cumulative inference equals development, per category (null: never).</param>
/// <param name="LifetimeGrid">Per-functional-unit totals at other lifetimes: (lifetime, value per category).</param>
public sealed record EquationOneTerms(
    IReadOnlyList<double> MarginalInference,
    IReadOnlyList<double> AmortisedEmbodied,
    IReadOnlyList<double> AmortisedDevelopment,
    IReadOnlyList<double> DevelopmentTotal,
    double LifetimeRequests,
    IReadOnlyList<double?> BreakEvenRequests,
    IReadOnlyList<(double Lifetime, IReadOnlyList<double> PerFunctionalUnit)> LifetimeGrid);

/// <summary>An input of the assessment and how it was obtained.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit symbol.</param>
/// <param name="Origin">measured, declared or modelled.</param>
/// <param name="Source">Citation, if given.</param>
/// <param name="Note">The study's note, or "computed as …" for a computed value without one.</param>
/// <param name="Formula">The expression it was computed from, or null for a value written as a quantity.</param>
/// <param name="Location">Where it was written.</param>
public sealed record InputRecord(string Name, double Value, string Unit, string Origin, string? Source, string? Note, string? Formula, SourceLocation? Location);
