namespace Cradle.Reports.Model;

/// <summary>Everything a report shows, read from the results (schema cradle.assessment/1); immutable.</summary>
/// <param name="Name">Study title.</param>
/// <param name="File">Study file.</param>
/// <param name="Description">Study description.</param>
/// <param name="Goal">Goal.</param>
/// <param name="FunctionalUnit">Functional unit.</param>
/// <param name="Included">Stages inside the boundary.</param>
/// <param name="Excluded">Stages left out, with the reason.</param>
/// <param name="Alternatives">One report per alternative.</param>
/// <param name="Comparison">The comparison, when the results have one.</param>
/// <param name="Consistency">Stated inputs the alternatives take from different sources.</param>
public sealed record ReportModel(
    string Name, string File, string? Description, GoalInfo Goal, FunctionalUnitInfo FunctionalUnit,
    IReadOnlyList<string> Included, IReadOnlyList<(string Stage, string Reason)> Excluded,
    IReadOnlyList<AlternativeReport> Alternatives, ComparisonReport? Comparison, IReadOnlyList<ConsistencyItem> Consistency);

/// <summary>The goal (ISO 14044 4.2.2).</summary>
/// <param name="Application">Intended application.</param>
/// <param name="Audience">Audience.</param>
/// <param name="Approach">Attributional or consequential.</param>
/// <param name="Reasons">Reasons.</param>
public sealed record GoalInfo(string Application, string Audience, string Approach, string? Reasons);

/// <summary>The functional unit.</summary>
/// <param name="Amount">"1000 request".</param>
/// <param name="Description">The service.</param>
/// <param name="Latency">"p95 ≤ 2 s", or null.</param>
/// <param name="Quality">"MMLU accuracy ≥ 0.6", or null.</param>
public sealed record FunctionalUnitInfo(string Amount, string Description, string? Latency, string? Quality);

/// <summary>An impact category.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Unit">Unit.</param>
public sealed record CategoryInfo(string Id, string Name, string Unit);

/// <summary>Statistics of a sample.</summary>
/// <param name="Mean">Mean.</param>
/// <param name="Median">Median.</param>
/// <param name="P025">2.5th percentile.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P975">97.5th percentile.</param>
/// <param name="Sd">Standard deviation.</param>
public sealed record Stats(double Mean, double Median, double P025, double P5, double P95, double P975, double Sd);

/// <summary>A stated input that alternatives take from different sources.</summary>
/// <param name="Parameter">The input.</param>
/// <param name="ChangedByAlternative">A deliberate design difference.</param>
/// <param name="Sources">Alternative and its source.</param>
public sealed record ConsistencyItem(string Parameter, bool ChangedByAlternative, IReadOnlyList<(string Alternative, string Source)> Sources);

/// <summary>A comparison of alternatives.</summary>
/// <param name="Iterations">Monte Carlo draws.</param>
/// <param name="Alternatives">Each alternative with its totals and uncertainty per category.</param>
/// <param name="Pairs">Each pair with the difference and P(A &lt; B) per category.</param>
public sealed record ComparisonReport(
    int Iterations, IReadOnlyList<(string Id, IReadOnlyList<double> Totals, IReadOnlyList<Stats> Uncertainty)> Alternatives,
    IReadOnlyList<(string A, string B, IReadOnlyList<Stats> Difference, IReadOnlyList<double> ProbabilityALower)> Pairs);
