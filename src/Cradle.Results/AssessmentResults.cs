namespace Cradle.Results;

/// <summary>
/// The results of assessing one study (schema <c>cradle.assessment/2</c>): goal and scope as stated, one
/// <see cref="AlternativeResults"/> per alternative, the comparison and the consistency check, and where the result
/// came from. Immutable; everything the JSON carries is here, so reading a document and writing it again gives the
/// same text.
/// </summary>
/// <param name="Name">Study title.</param>
/// <param name="File">Study file, as named on the command line.</param>
/// <param name="Description">Study description, or null.</param>
/// <param name="Goal">Goal.</param>
/// <param name="FunctionalUnit">Functional unit.</param>
/// <param name="Included">Stages inside the boundary.</param>
/// <param name="Excluded">Stages left out, with the reason.</param>
/// <param name="Alternatives">One result per alternative (at least one).</param>
/// <param name="Comparison">The comparison, with Monte Carlo and two or more alternatives; otherwise null.</param>
/// <param name="Consistency">Stated inputs the alternatives take from different sources.</param>
public sealed record AssessmentResults(
    string Name, string File, string? Description, GoalInfo Goal, FunctionalUnitInfo FunctionalUnit,
    IReadOnlyList<string> Included, IReadOnlyList<(string Stage, string Reason)> Excluded,
    IReadOnlyList<AlternativeResults> Alternatives, ComparisonResults? Comparison, IReadOnlyList<ConsistencyItem> Consistency)
{
    /// <summary>
    /// The tool, its version and the hashes of the files the result was computed from; null for a result read from a
    /// <c>cradle.assessment/1</c> document, which predates it.
    /// </summary>
    public ResultProvenance? Provenance { get; init; }
}

/// <summary>The goal (ISO 14044 4.2.2).</summary>
/// <param name="Application">Intended application.</param>
/// <param name="Audience">Audience.</param>
/// <param name="Approach">Attributional or consequential.</param>
/// <param name="Reasons">Reasons, or null.</param>
/// <param name="Commissioner">Who commissioned the study, or null.</param>
public sealed record GoalInfo(string Application, string Audience, string Approach, string? Reasons, string? Commissioner = null);

/// <summary>The functional unit.</summary>
/// <param name="Amount">"1000 request", as written.</param>
/// <param name="Description">The service.</param>
/// <param name="LatencyConstraint">The latency the service must meet, or null.</param>
/// <param name="QualityConstraint">The quality the service must reach, or null.</param>
public sealed record FunctionalUnitInfo(string Amount, string Description, LatencyInfo? LatencyConstraint = null, QualityInfo? QualityConstraint = null)
{
    /// <summary>"p95 ≤ 2 s", or null.</summary>
    public string? Latency => LatencyConstraint is { } l ? $"p{InvariantText.Number(l.Percentile)} ≤ {l.Maximum}" : null;

    /// <summary>"MMLU accuracy ≥ 0.6", or null.</summary>
    public string? Quality => QualityConstraint is { } q ? $"{q.Benchmark} {q.Metric ?? "score"} ≥ {InvariantText.Number(q.Minimum)}" : null;
}

/// <summary>A latency constraint of the functional unit.</summary>
/// <param name="Percentile">The percentile (0–100], e.g. 95.</param>
/// <param name="Maximum">The maximum latency as written ("2 s").</param>
public sealed record LatencyInfo(double Percentile, string Maximum);

/// <summary>A quality constraint of the functional unit.</summary>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="Metric">The metric, or null ("score").</param>
/// <param name="Minimum">The minimum value of the metric.</param>
public sealed record QualityInfo(string Benchmark, string? Metric, double Minimum);

/// <summary>An impact category.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Unit">Indicator unit symbol.</param>
public sealed record CategoryInfo(string Id, string Name, string Unit);

/// <summary>Statistics of a Monte Carlo sample (in the unit of what was sampled).</summary>
/// <param name="Mean">Mean.</param>
/// <param name="Median">Median.</param>
/// <param name="P025">2.5th percentile.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P975">97.5th percentile.</param>
/// <param name="Sd">Standard deviation.</param>
/// <param name="P25">25th percentile (NaN where not known).</param>
/// <param name="P75">75th percentile (NaN where not known).</param>
public sealed record Stats(double Mean, double Median, double P025, double P5, double P95, double P975, double Sd, double P25 = double.NaN, double P75 = double.NaN);

/// <summary>A stated input that alternatives take from different sources (ISO 14044 4.5.3.4).</summary>
/// <param name="Parameter">The input.</param>
/// <param name="ChangedByAlternative">True when an alternative overrides it on purpose: a design difference.</param>
/// <param name="Sources">Each alternative with the source it cites ("no source") and its value in <c>Unit</c>.</param>
public sealed record ConsistencyItem(string Parameter, bool ChangedByAlternative, IReadOnlyList<(string Alternative, string Source, double Value, string Unit)> Sources);

/// <summary>A comparison of alternatives on the same Monte Carlo draws (schema <c>cradle.comparison/1</c>).</summary>
/// <param name="FunctionalUnit">The functional unit compared on ("1000 request").</param>
/// <param name="Iterations">Monte Carlo draws (≥ 1).</param>
/// <param name="Seed">The seed.</param>
/// <param name="CategoryIds">The categories compared, in order; every per-category list follows it.</param>
/// <param name="Alternatives">Each alternative with its totals and uncertainty per category.</param>
/// <param name="Pairs">
/// Each pair computed with the difference A − B and P(A &lt; B) (0–1) per category: every pair, with a
/// <see cref="ComparisonResults.Reference"/> that reference against each other alternative, or the pairs chosen
/// (<see cref="ComparisonResults.PairsChosen"/>).
/// </param>
public sealed record ComparisonResults(
    string FunctionalUnit, int Iterations, ulong Seed, IReadOnlyList<string> CategoryIds,
    IReadOnlyList<(string Id, IReadOnlyList<double> Totals, IReadOnlyList<Stats> Uncertainty)> Alternatives,
    IReadOnlyList<(string A, string B, IReadOnlyList<Stats> Difference, IReadOnlyList<double> ProbabilityALower)> Pairs)
{
    /// <summary>
    /// The alternative each pair compares with (it is every pair's A), or null when every pair is compared.
    /// </summary>
    public string? Reference { get; init; }

    /// <summary>Whether <see cref="Pairs"/> are the pairs the user chose (--pair), in the order given.</summary>
    public bool PairsChosen { get; init; }

    /// <summary>Why functional units that differ are compared anyway (the user's reason), or null when they do not differ.</summary>
    public string? FunctionalUnitReason { get; init; }

    /// <summary>How the functional units differ, when <see cref="FunctionalUnitReason"/> is given.</summary>
    public IReadOnlyList<string> FunctionalUnitDifferences { get; init; } = [];

    /// <summary>The carbon basis every alternative reports (location-based, market-based), or null when they differ or
    /// no greenhouse-gas category is assessed.</summary>
    public string? CarbonBasis { get; init; }

    /// <summary>Why alternatives on different carbon bases are compared anyway (the user's reason), or null.</summary>
    public string? CarbonBasisReason { get; init; }

    /// <summary>How the carbon bases differ, when <see cref="CarbonBasisReason"/> is given.</summary>
    public IReadOnlyList<string> CarbonBasisDifferences { get; init; } = [];

    /// <summary>Category rows only some alternatives have (an other-basis row), left out of the comparison.</summary>
    public IReadOnlyList<string> RowsNotCompared { get; init; } = [];

    /// <summary>
    /// Per alternative, what it is shown to deliver against the functional unit's constraints, and the secondary
    /// impact-per-quality view; empty when the unit has no constraint and no alternative states a score.
    /// </summary>
    public IReadOnlyList<ServiceResults> Service { get; init; } = [];

    /// <summary>Why alternatives that miss a constraint are compared anyway (the user's reason), or null.</summary>
    public string? UnmetConstraintsReason { get; init; }
}

/// <summary>What one alternative is shown to deliver against the functional unit's constraints.</summary>
/// <param name="Id">The alternative.</param>
/// <param name="Constraints">One per constraint: "quality" or "latency", "met", "unmet" or "not-shown", the finding in words, the source.</param>
/// <param name="Benchmark">The benchmark of the stated score, or null when none is stated.</param>
/// <param name="Score">The stated score, or null.</param>
/// <param name="PerQualityPoint">
/// Secondary: per category, the total per functional unit divided by <see cref="Score"/>; null without a positive score.
/// </param>
public sealed record ServiceResults(
    string Id, IReadOnlyList<(string Constraint, string Status, string Message, string? Source)> Constraints,
    string? Benchmark, double? Score, IReadOnlyList<double>? PerQualityPoint);
