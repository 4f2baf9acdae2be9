using Cradle.Syntax;

namespace Cradle.Studies.Definition;

/// <summary>The goal of the study (ISO 14044 4.2.2).</summary>
/// <param name="Application">The intended application.</param>
/// <param name="Audience">Who the results are for.</param>
/// <param name="Approach">"attributional" or "consequential".</param>
/// <param name="Reasons">Why the study is carried out.</param>
/// <param name="Commissioner">Who commissioned it.</param>
public sealed record GoalDefinition(string Application, string Audience, string Approach, string? Reasons, string? Commissioner)
{
    /// <summary>
    /// The basis the study reports carbon on: <see cref="Definition.CarbonBasis.LocationBased"/> (the default) or
    /// <see cref="Definition.CarbonBasis.MarketBased"/> (GHG Protocol Scope 2 Guidance, 2015).
    /// </summary>
    public string CarbonBasis { get; init; } = Definition.CarbonBasis.LocationBased;

    /// <summary>Where <c>goal.carbon_basis</c> is written, or null when the default applies.</summary>
    public SourceLocation? CarbonBasisLocation { get; init; }
}

/// <summary>
/// The functional unit: an amount of the service (requests answered, trained models, or tokens, images or GPU time
/// served) and the quality it must meet, so that alternatives are compared on what they deliver.
/// </summary>
/// <param name="Amount">"1000 request", "1 model", "1e6 token", "1000 image" or "1 GPU-h".</param>
/// <param name="Description">The service in words; part of the unit's identity when alternatives are compared.</param>
/// <param name="Latency">A latency constraint, if any.</param>
/// <param name="Quality">A task-quality constraint, if any.</param>
public sealed record FunctionalUnitDefinition(Datum Amount, string Description, LatencyConstraint? Latency, QualityConstraint? Quality);

/// <summary>Latency at a percentile must not exceed a bound, e.g. p95 ≤ 2 s.</summary>
/// <param name="Percentile">Percentile, 0–100.</param>
/// <param name="Maximum">The bound, a time.</param>
public sealed record LatencyConstraint(double Percentile, Datum Maximum);

/// <summary>A score on a named benchmark the model must reach.</summary>
/// <param name="Benchmark">The benchmark, e.g. "MMLU (5-shot)".</param>
/// <param name="Metric">The metric, e.g. "accuracy".</param>
/// <param name="Minimum">The score required.</param>
public sealed record QualityConstraint(string Benchmark, string? Metric, double Minimum);

/// <summary>The stages inside the boundary, and those left out with the reason.</summary>
/// <param name="Included">Stage kinds included.</param>
/// <param name="Excluded">Stage kinds excluded, each with its reason.</param>
/// <param name="Location">Where the boundary is written.</param>
public sealed record SystemBoundaryDefinition(
    IReadOnlyList<(string Stage, SourceLocation Location)> Included,
    IReadOnlyList<(string Stage, string Reason, SourceLocation Location)> Excluded,
    SourceLocation Location);
