namespace Cradle.Results;

/// <summary>The results of one alternative; every per-category list follows <see cref="Categories"/>.</summary>
public sealed record AlternativeResults
{
    /// <summary>The alternative's id, or null for the study as written.</summary>
    public string? Id { get; init; }
    /// <summary>What it changes, or null.</summary>
    public string? Description { get; init; }
    /// <summary>Categories, in order (at least one).</summary>
    public required IReadOnlyList<CategoryInfo> Categories { get; init; }
    /// <summary>
    /// Categories of the assessed methods that Cradle does not cover (not assessed, not zero), and categories one
    /// stage's declared footprint does not give; empty when none (or when the results predate the field).
    /// </summary>
    public IReadOnlyList<NotCoveredInfo> NotCoveredCategories { get; init; } = [];
    /// <summary>Totals per functional unit.</summary>
    public required IReadOnlyList<double> Totals { get; init; }
    /// <summary>Contributions per life-cycle stage kind, and whether significant.</summary>
    public required IReadOnlyList<StageResult> Stages { get; init; }
    /// <summary>Contributions per stage instance and kind; for each kind they add up to its <see cref="Stages"/> row.</summary>
    public IReadOnlyList<StageInstanceResult> StageInstances { get; init; } = [];
    /// <summary>
    /// The composition of one request by term (prefill, decode, reasoning, …, trained model); empty when the request
    /// has one term only or the results predate it.
    /// </summary>
    public IReadOnlyList<RequestTermResult> RequestComposition { get; init; } = [];
    /// <summary>The serving fleets (<c>inference.fleets</c>): each one's share, footprint per request and contribution; empty without fleets.</summary>
    public IReadOnlyList<FleetResult> Fleets { get; init; } = [];
    /// <summary>Energy drawn per functional unit; null when the results predate it.</summary>
    public EnergyResults? Energy { get; init; }
    /// <summary>Stages at or above the significance threshold, per category.</summary>
    public IReadOnlyList<SignificantIssueInfo> SignificantIssues { get; init; } = [];
    /// <summary>Per category: the shares of the total resting on measured, declared and modelled data (empty when absent).</summary>
    public required IReadOnlyList<ProvenanceShareInfo> DataProvenance { get; init; }
    /// <summary>The largest processes.</summary>
    public required IReadOnlyList<ProcessResult> Processes { get; init; }
    /// <summary>Every process with a non-zero contribution, largest first (empty when the results predate it).</summary>
    public IReadOnlyList<ProcessResult> AllProcesses { get; init; } = [];
    /// <summary>Monte Carlo, if run.</summary>
    public UncertaintyResults? Uncertainty { get; init; }
    /// <summary>Equation (1), for a functional unit of requests.</summary>
    public EquationOneResults? EquationOne { get; init; }
    /// <summary>Every input with provenance.</summary>
    public required IReadOnlyList<InputRow> Inputs { get; init; }
    /// <summary>The inventory: elementary flows per functional unit, non-zero ones.</summary>
    public required IReadOnlyList<InventoryRow> Inventory { get; init; }
    /// <summary>Hardware in use.</summary>
    public required IReadOnlyList<HardwareRow> Hardware { get; init; }
    /// <summary>Sensitivity, if run.</summary>
    public SensitivityResults? Sensitivity { get; init; }
    /// <summary>Amortisation with bands, if run.</summary>
    public AmortisationResults? Amortisation { get; init; }
    /// <summary>Energy conventions.</summary>
    public required IReadOnlyList<ConventionRow> Conventions { get; init; }
    /// <summary>Catalog version ("" when the results do not say).</summary>
    public required string CatalogVersion { get; init; }
    /// <summary>Catalog entries the study used.</summary>
    public IReadOnlyList<string> CatalogEntries { get; init; } = [];
    /// <summary>Catalog sources used.</summary>
    public required IReadOnlyList<SourceRow> Sources { get; init; }
    /// <summary>Warnings.</summary>
    public required IReadOnlyList<WarningRow> Warnings { get; init; }

    /// <summary>"offline-batching", or "Results" for the study as written.</summary>
    public string Title => Id ?? "Results";

    /// <summary>
    /// Names of the categories not covered, by method id ("Ozone depletion", or "Water use for stage training" for a
    /// category one stage does not give).
    /// </summary>
    public IReadOnlyList<(string Method, string Name)> NotCovered =>
        NotCoveredCategories.Select(c => (c.Method, c.Stage is { } stage ? $"{c.Name} for stage {stage}" : c.Name)).ToList();

    /// <summary>Whether <paramref name="stage"/>'s value in <paramref name="category"/> is a gap, not a zero.</summary>
    public bool IsNotCovered(string stage, string category) => NotCoveredCategories.Any(c => c.Stage == stage && c.Id == category);

    /// <summary>
    /// Whether some stage's declared footprint does not give <paramref name="category"/>: a zero of development in it
    /// (Equation (1)'s experimentation + training, and the break-even "never" it would imply) is then a gap, not a zero.
    /// </summary>
    public bool IsNotCoveredByAStage(string category) => NotCoveredCategories.Any(c => c.Stage is not null && c.Id == category);

    /// <summary>
    /// Equation (1)'s development cells (amortised, whole, or break-even) with "not covered" where development is 0 in a
    /// category a declared stage does not give, and <paramref name="cells"/> elsewhere.
    /// </summary>
    /// <param name="development">Experimentation + training per category (decides which zeros are gaps).</param>
    /// <param name="cells">The cells as formatted, one per category.</param>
    public IReadOnlyList<string> DevelopmentCells(IReadOnlyList<double> development, IEnumerable<string> cells) =>
        cells.Select((cell, k) => development[k] == 0 && IsNotCoveredByAStage(Categories[k].Id) ? "not covered" : cell).ToList();

    /// <summary>The inventory split by stage: per flow (same order as <see cref="Inventory"/>), the amount of each stage.</summary>
    public IReadOnlyList<IReadOnlyList<(string Stage, double Amount)>> InventoryByStage => Inventory.Select(f => f.ByStage).ToList();
}

/// <summary>A category not covered: of an assessed method, or by one stage's declared footprint.</summary>
/// <param name="Id">Category id.</param>
/// <param name="Name">Category name.</param>
/// <param name="Method">The method's id.</param>
/// <param name="Reason">Why it is not covered.</param>
/// <param name="Stage">The stage that does not give it, or null for the whole study.</param>
public sealed record NotCoveredInfo(string Id, string Name, string Method, string Reason, string? Stage);

/// <summary>A stage kind's contribution per category, its share of the total, and whether it is significant.</summary>
/// <param name="Stage">Stage kind.</param>
/// <param name="Values">Contribution per category, per functional unit.</param>
/// <param name="Shares">Share of the total per category (NaN where the total is 0).</param>
/// <param name="Significant">Whether it is at or above the significance threshold in some category.</param>
public sealed record StageResult(string Stage, IReadOnlyList<double> Values, IReadOnlyList<double> Shares, bool Significant);

/// <summary>One stage instance's contribution to one stage kind.</summary>
/// <param name="StageId">The stage's id as written, or "inference".</param>
/// <param name="Stage">The kind its contributions count toward.</param>
/// <param name="Values">Contribution per category, per functional unit.</param>
/// <param name="Shares">Share of the total per category (NaN where the total is 0).</param>
public sealed record StageInstanceResult(string StageId, string Stage, IReadOnlyList<double> Values, IReadOnlyList<double> Shares);

/// <summary>One term of a served request.</summary>
/// <param name="Term">prefill, decode, generation, reasoning, draft, retrieval, tools, idle, serving hardware or trained model.</param>
/// <param name="Values">Contribution per category, per functional unit.</param>
/// <param name="Shares">Share of the total per category (NaN where the total is 0); the terms' shares add up to 1.</param>
public sealed record RequestTermResult(string Term, IReadOnlyList<double> Values, IReadOnlyList<double> Shares);

/// <summary>One serving fleet's part of the served request.</summary>
/// <param name="Id">The fleet's id as written.</param>
/// <param name="Share">Its share of the requests (as evaluated; the shares add up to 1).</param>
/// <param name="PerRequest">The footprint of one request served on it, per category (without the share of the trained model).</param>
/// <param name="Values">Its contribution per category, per functional unit: requests on it × <paramref name="PerRequest"/>.</param>
/// <param name="Shares">Its contribution's share of the total per category (NaN where the total is 0).</param>
public sealed record FleetResult(string Id, double Share, IReadOnlyList<double> PerRequest, IReadOnlyList<double> Values, IReadOnlyList<double> Shares);

/// <summary>A stage at or above the significance threshold in one category.</summary>
/// <param name="Stage">Stage kind.</param>
/// <param name="Category">Category id.</param>
/// <param name="Share">Its share of the total (0–1).</param>
public sealed record SignificantIssueInfo(string Stage, string Category, double Share);

/// <summary>The shares of a category's total resting on measured, declared and modelled data (0–1; NaN: not defined).</summary>
/// <param name="Measured">Measured share.</param>
/// <param name="Declared">Declared share.</param>
/// <param name="Modelled">Modelled share.</param>
public sealed record ProvenanceShareInfo(double Measured, double Declared, double Modelled);

/// <summary>A process's direct contribution per category.</summary>
/// <param name="Id">Process id.</param>
/// <param name="Name">Process name.</param>
/// <param name="Stage">Its stage kind.</param>
/// <param name="StageId">Its stage instance, or null when the results predate it.</param>
/// <param name="Values">Contribution per category, per functional unit.</param>
public sealed record ProcessResult(string Id, string Name, string Stage, string? StageId, IReadOnlyList<double> Values);

/// <summary>Equation (1) of the position paper, per functional unit and category.</summary>
/// <param name="Marginal">Marginal inference.</param>
/// <param name="Embodied">Amortised serving hardware.</param>
/// <param name="Development">Amortised experimentation + training.</param>
/// <param name="DevelopmentTotal">Experimentation + training, whole.</param>
/// <param name="Lifetime">Lifetime requests assumed.</param>
/// <param name="BreakEven">Break-even lifetime per category (null: never).</param>
/// <param name="Grid">Per-functional-unit cost at other lifetimes.</param>
public sealed record EquationOneResults(
    IReadOnlyList<double> Marginal, IReadOnlyList<double> Embodied, IReadOnlyList<double> Development, IReadOnlyList<double> DevelopmentTotal,
    double Lifetime, IReadOnlyList<double?> BreakEven, IReadOnlyList<(double Lifetime, IReadOnlyList<double> Values)> Grid);

/// <summary>An input of the assessment.</summary>
/// <param name="Name">Name.</param>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit symbol.</param>
/// <param name="Provenance">measured, declared or modelled.</param>
/// <param name="Source">Source, or null.</param>
/// <param name="Formula">Formula, for computed inputs.</param>
/// <param name="Line">Line in the study file, or null.</param>
public sealed record InputRow(string Name, double Value, string Unit, string Provenance, string? Source, string? Formula, int? Line)
{
    /// <summary>The study's note, or "computed as …", or null.</summary>
    public string? Note { get; init; }
    /// <summary>Column in the study file (with <see cref="Line"/>), or null.</summary>
    public int? Column { get; init; }
}

/// <summary>An elementary flow of the inventory.</summary>
/// <param name="Id">Flow id ("" when the results predate it).</param>
/// <param name="Name">Flow name.</param>
/// <param name="Compartment">Compartment.</param>
/// <param name="Amount">Amount per functional unit.</param>
/// <param name="Unit">Unit symbol.</param>
/// <param name="ByStage">The amount per stage kind (stages with none left out).</param>
public sealed record InventoryRow(string Id, string Name, string Compartment, double Amount, string Unit, IReadOnlyList<(string Stage, double Amount)> ByStage);

/// <summary>Hardware in use.</summary>
/// <param name="Scope">Stage id or "inference".</param>
/// <param name="Hardware">The hardware as named in the study, or null when the results predate it.</param>
/// <param name="Device">The device.</param>
/// <param name="PerNode">Devices per node.</param>
/// <param name="Lifespan">Lifespan.</param>
public sealed record HardwareRow(string Scope, string? Hardware, string Device, string PerNode, string Lifespan)
{
    /// <summary>The allocation key of its embodied impacts (calendar, busy, energy, batch); null when manufacture is
    /// outside the boundary or the results predate it.</summary>
    public string? Allocation { get; init; }
}

/// <summary>The energy convention of one scope.</summary>
/// <param name="Scope">Stage id or "inference".</param>
/// <param name="Site">The site id.</param>
/// <param name="SiteName">The site's name, or null.</param>
/// <param name="GridName">The grid's name, or null.</param>
/// <param name="Description">A sentence for reports.</param>
public sealed record ConventionRow(string Scope, string Site, string? SiteName, string? GridName, string Description)
{
    /// <summary>"gpu", "node" or "facility"; null when the results predate it.</summary>
    public string? EnergyBoundary { get; init; }
    /// <summary>Whether the site's PUE was applied; null when the results predate it.</summary>
    public bool? PueApplied { get; init; }
    /// <summary>Whether non-accelerator node power was added; null when the results predate it.</summary>
    public bool? NodePowerAdded { get; init; }
    /// <summary>Where the off-site water factor came from, or null.</summary>
    public string? OffsiteWaterFrom { get; init; }
    /// <summary>"direct" or "life-cycle", or null.</summary>
    public string? GridBasis { get; init; }
    /// <summary>The carbon basis reported (location-based, market-based); null when no greenhouse-gas category is
    /// assessed or the results predate it.</summary>
    public string? CarbonBasis { get; init; }
    /// <summary>Where the carbon factor came from ("grid g per_kwh", "site s market_based"), or null.</summary>
    public string? CarbonFactorFrom { get; init; }

    /// <summary>The site as people know it: its name, or its id.</summary>
    public string Place => SiteName ?? Site;

    /// <summary>The grid's name, or "".</summary>
    public string Grid => GridName ?? "";
}

/// <summary>A catalog source.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Citation">"Authors (Year). Title. Url".</param>
/// <param name="Licence">The licence of the data taken from it.</param>
public sealed record SourceRow(string Key, string Citation, string Licence);

/// <summary>A warning.</summary>
/// <param name="Code">Code.</param>
/// <param name="Field">The field it concerns.</param>
/// <param name="Message">Message.</param>
/// <param name="Line">Line in the study file, or null.</param>
/// <param name="Column">Column, or null.</param>
public sealed record WarningRow(string Code, string Field, string Message, int? Line = null, int? Column = null);

/// <summary>Monte Carlo results of one alternative.</summary>
/// <param name="Iterations">Draws (≥ 1).</param>
/// <param name="Seed">Seed.</param>
/// <param name="Inputs">Uncertain inputs and their distributions.</param>
/// <param name="Totals">Per category.</param>
/// <param name="Stages">Per stage, per category.</param>
/// <param name="Histograms">Per category: edges and counts (empty when absent).</param>
public sealed record UncertaintyResults(
    int Iterations, ulong Seed, IReadOnlyList<(string Name, string Distribution)> Inputs, IReadOnlyList<Stats> Totals,
    IReadOnlyList<(string Stage, IReadOnlyList<Stats> Values)> Stages, IReadOnlyList<(IReadOnlyList<double> Edges, IReadOnlyList<int> Counts)> Histograms)
{
    /// <summary>How many inputs were taken as exact values; null when the results do not say.</summary>
    public int? ExactInputs { get; init; }
}

/// <summary>Sensitivity of one alternative (schema <c>cradle.sensitivity/1</c> per alternative).</summary>
/// <param name="Id">The alternative's id ("as written" for the study as written).</param>
/// <param name="BaseSamples">Sobol base samples.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Totals">The total per category the inputs are varied around.</param>
/// <param name="Inputs">One row per uncertain input.</param>
public sealed record SensitivityResults(string? Id, int BaseSamples, ulong Seed, IReadOnlyList<double> Totals, IReadOnlyList<SensitivityRow> Inputs);

/// <summary>One uncertain input's sensitivity per category (NaN: not defined).</summary>
/// <param name="Name">Input.</param>
/// <param name="Distribution">Its distribution.</param>
/// <param name="AtP5">Total with it at its 5th percentile.</param>
/// <param name="AtP95">Total at its 95th percentile.</param>
/// <param name="First">Sobol first order.</param>
/// <param name="TotalOrder">Sobol total order.</param>
public sealed record SensitivityRow(string Name, string Distribution, IReadOnlyList<double> AtP5, IReadOnlyList<double> AtP95, IReadOnlyList<double> First, IReadOnlyList<double> TotalOrder)
{
    /// <summary>Bootstrap interval of <see cref="First"/>: low ends.</summary>
    public IReadOnlyList<double> FirstLow { get; init; } = [];
    /// <summary>Bootstrap interval of <see cref="First"/>: high ends.</summary>
    public IReadOnlyList<double> FirstHigh { get; init; } = [];
    /// <summary>Bootstrap interval of <see cref="TotalOrder"/>: low ends.</summary>
    public IReadOnlyList<double> TotalLow { get; init; } = [];
    /// <summary>Bootstrap interval of <see cref="TotalOrder"/>: high ends.</summary>
    public IReadOnlyList<double> TotalHigh { get; init; } = [];
}

/// <summary>Amortisation and break-even of one alternative (schema <c>cradle.breakeven/1</c> per alternative).</summary>
/// <param name="Id">The alternative's id.</param>
/// <param name="Iterations">Monte Carlo draws behind the bands (0: none).</param>
/// <param name="Curve">Per lifetime: the cost per functional unit per category, and its bands when drawn.</param>
/// <param name="BreakEven">Break-even lifetime per category (null: never).</param>
/// <param name="EmbodiedShare">The share of embodied impacts the "embodied below" lifetimes refer to (0–1).</param>
/// <param name="EmbodiedBelow">Per category: the lifetime from which development falls below that share (null: never).</param>
public sealed record AmortisationResults(
    string? Id, int Iterations, IReadOnlyList<AmortisationPoint> Curve, IReadOnlyList<double?> BreakEven, double EmbodiedShare, IReadOnlyList<double?> EmbodiedBelow);

/// <summary>One point of the amortisation curve.</summary>
/// <param name="Lifetime">Lifetime requests.</param>
/// <param name="Values">Cost per functional unit per category.</param>
/// <param name="Bands">Per category: median, 5th and 95th percentile over the draws; null without Monte Carlo.</param>
public sealed record AmortisationPoint(double Lifetime, IReadOnlyList<double> Values, IReadOnlyList<Band>? Bands);

/// <summary>A band of a curve point.</summary>
/// <param name="Median">Median.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P95">95th percentile.</param>
public sealed record Band(double Median, double P5, double P95);
