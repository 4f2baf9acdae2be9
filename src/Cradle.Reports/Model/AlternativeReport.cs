namespace Cradle.Reports.Model;

/// <summary>The results of one alternative, as the report shows them.</summary>
public sealed record AlternativeReport
{
    /// <summary>The alternative's id, or null for the study as written.</summary>
    public string? Id { get; init; }
    /// <summary>What it changes.</summary>
    public string? Description { get; init; }
    /// <summary>Categories, in order.</summary>
    public required IReadOnlyList<CategoryInfo> Categories { get; init; }
    /// <summary>
    /// Names of the categories of the assessed methods that Cradle does not cover (not assessed, not zero), by method
    /// id; empty when none (or when the results predate the field).
    /// </summary>
    public IReadOnlyList<(string Method, string Name)> NotCovered { get; init; } = [];
    /// <summary>
    /// Categories (by id) that one stage (as <see cref="Stages"/> labels it) does not cover: its declared footprint does
    /// not give them. Such a stage's zero there is shown as not covered.
    /// </summary>
    public IReadOnlyList<(string Stage, string Category)> NotCoveredInStage { get; init; } = [];

    /// <summary>Whether <paramref name="stage"/>'s value in <paramref name="category"/> is a gap, not a zero.</summary>
    public bool IsNotCovered(string stage, string category) => NotCoveredInStage.Contains((stage, category));
    /// <summary>Totals per functional unit.</summary>
    public required IReadOnlyList<double> Totals { get; init; }
    /// <summary>Stages: values and shares per category, and whether significant.</summary>
    public required IReadOnlyList<(string Stage, IReadOnlyList<double> Values, IReadOnlyList<double> Shares, bool Significant)> Stages { get; init; }
    /// <summary>Energy drawn per functional unit; null when the results predate it.</summary>
    public EnergyReport? Energy { get; init; }
    /// <summary>The largest processes.</summary>
    public required IReadOnlyList<(string Name, string Stage, IReadOnlyList<double> Values)> Processes { get; init; }
    /// <summary>Equation (1), for a functional unit of requests.</summary>
    public EquationOneReport? EquationOne { get; init; }
    /// <summary>Every input with provenance.</summary>
    public required IReadOnlyList<InputRow> Inputs { get; init; }
    /// <summary>The inventory: elementary flows per functional unit.</summary>
    public required IReadOnlyList<(string Name, string Compartment, double Amount, string Unit)> Inventory { get; init; }
    /// <summary>The inventory split by stage: per flow (same order as <see cref="Inventory"/>), the amount of each stage.</summary>
    public IReadOnlyList<IReadOnlyList<(string Stage, double Amount)>> InventoryByStage { get; init; } = [];
    /// <summary>Hardware in use.</summary>
    public required IReadOnlyList<(string Scope, string Device, string PerNode, string Lifespan)> Hardware { get; init; }
    /// <summary>Energy conventions.</summary>
    public required IReadOnlyList<(string Scope, string Site, string Grid, string Description)> Conventions { get; init; }
    /// <summary>Warnings.</summary>
    public required IReadOnlyList<(string Code, string Field, string Message)> Warnings { get; init; }
    /// <summary>Per category: measured, declared, modelled shares.</summary>
    public required IReadOnlyList<(double Measured, double Declared, double Modelled)> DataProvenance { get; init; }
    /// <summary>Monte Carlo, if run.</summary>
    public UncertaintyReport? Uncertainty { get; init; }
    /// <summary>Sensitivity, if run.</summary>
    public IReadOnlyList<SensitivityRow>? Sensitivity { get; init; }
    /// <summary>Amortisation with bands, if run.</summary>
    public IReadOnlyList<(double Lifetime, IReadOnlyList<double> Values, IReadOnlyList<Stats>? Bands)>? Amortisation { get; init; }
    /// <summary>Catalog version.</summary>
    public required string CatalogVersion { get; init; }
    /// <summary>Catalog sources used.</summary>
    public required IReadOnlyList<(string Key, string Citation, string Licence)> Sources { get; init; }

    /// <summary>"offline-batching", or "Results" for the study as written.</summary>
    public string Title => Id ?? "Results";
}

/// <summary>Equation (1) of the position paper, per functional unit.</summary>
/// <param name="Marginal">Marginal inference.</param>
/// <param name="Embodied">Amortised serving hardware.</param>
/// <param name="Development">Amortised experimentation + training.</param>
/// <param name="DevelopmentTotal">Experimentation + training, whole.</param>
/// <param name="Lifetime">Lifetime requests assumed.</param>
/// <param name="BreakEven">Break-even lifetime per category (null: never).</param>
/// <param name="Grid">Per-functional-unit cost at other lifetimes.</param>
public sealed record EquationOneReport(
    IReadOnlyList<double> Marginal, IReadOnlyList<double> Embodied, IReadOnlyList<double> Development, IReadOnlyList<double> DevelopmentTotal,
    double Lifetime, IReadOnlyList<double?> BreakEven, IReadOnlyList<(double Lifetime, IReadOnlyList<double> Values)> Grid);

/// <summary>An input of the assessment.</summary>
/// <param name="Name">Name.</param>
/// <param name="Value">Value.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Provenance">measured, declared or modelled.</param>
/// <param name="Source">Source.</param>
/// <param name="Formula">Formula, for computed inputs.</param>
/// <param name="Line">Line in the study file.</param>
public sealed record InputRow(string Name, double Value, string Unit, string Provenance, string? Source, string? Formula, int? Line);

/// <summary>Monte Carlo results.</summary>
/// <param name="Iterations">Draws.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Inputs">Uncertain inputs and their distributions.</param>
/// <param name="Totals">Per category.</param>
/// <param name="Stages">Per stage, per category.</param>
/// <param name="Histograms">Per category: edges and counts.</param>
public sealed record UncertaintyReport(
    int Iterations, ulong Seed, IReadOnlyList<(string Name, string Distribution)> Inputs, IReadOnlyList<Stats> Totals,
    IReadOnlyList<(string Stage, IReadOnlyList<Stats> Values)> Stages, IReadOnlyList<(IReadOnlyList<double> Edges, IReadOnlyList<int> Counts)> Histograms);

/// <summary>One uncertain input's sensitivity per category.</summary>
/// <param name="Name">Input.</param>
/// <param name="Distribution">Its distribution.</param>
/// <param name="AtP5">Total with it at its 5th percentile.</param>
/// <param name="AtP95">Total at its 95th percentile.</param>
/// <param name="First">Sobol first order.</param>
/// <param name="TotalOrder">Sobol total order.</param>
public sealed record SensitivityRow(string Name, string Distribution, IReadOnlyList<double> AtP5, IReadOnlyList<double> AtP95, IReadOnlyList<double> First, IReadOnlyList<double> TotalOrder);
