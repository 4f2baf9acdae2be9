using Cradle.Studies.Definition;

namespace Cradle.Studies.Assessment;

/// <summary>The whole assessment of a study: goal and scope as stated, and one result per alternative.</summary>
/// <param name="Study">The study definition (goal, functional unit, boundary).</param>
/// <param name="Alternatives">One result per alternative (one for a study without alternatives).</param>
public sealed record StudyAssessment(StudyDefinition Study, IReadOnlyList<AlternativeAssessment> Alternatives)
{
    /// <summary>Quantities the alternatives take from different sources (consistency check).</summary>
    public IReadOnlyList<ConsistencyNote> Consistency { get; init; } = [];

    /// <summary>The comparison of the alternatives, with Monte Carlo and two or more alternatives.</summary>
    public ComparisonResult? Comparison { get; init; }
}
