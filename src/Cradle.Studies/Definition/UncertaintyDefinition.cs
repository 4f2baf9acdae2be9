using Cradle.Syntax;

namespace Cradle.Studies.Definition;

/// <summary>
/// The uncertainty a study (or the catalog) states for a value: a distribution and its parameters, as written.
/// Bounds and standard deviations may be quantities ("120 MWh") or factors of the value.
/// </summary>
/// <param name="Distribution">lognormal, normal, uniform, triangular, or pedigree.</param>
/// <param name="GeometricSd">lognormal: geometric SD (&gt; 1); pedigree: basic geometric SD (default 1).</param>
/// <param name="StandardDeviation">normal: SD as a quantity.</param>
/// <param name="RelativeSd">normal: SD ÷ value.</param>
/// <param name="Minimum">uniform, triangular: lower bound as a quantity.</param>
/// <param name="Maximum">uniform, triangular: upper bound as a quantity.</param>
/// <param name="MinFactor">uniform, triangular: lower bound as a factor of the value.</param>
/// <param name="MaxFactor">uniform, triangular: upper bound as a factor of the value.</param>
/// <param name="Pedigree">pedigree: five scores 1–5.</param>
/// <param name="Location">Where it is written.</param>
public sealed record UncertaintyDefinition(
    string Distribution, double? GeometricSd, string? StandardDeviation, double? RelativeSd, string? Minimum, string? Maximum,
    double? MinFactor, double? MaxFactor, IReadOnlyList<int>? Pedigree, SourceLocation Location)
{
    /// <summary>Where each field written (gsd, sd, min, …) is, so that a wrong bound is reported at the bound.</summary>
    public IReadOnlyDictionary<string, SourceLocation> FieldLocations { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>
    /// For <c>background-sample</c>: realisations drawn elsewhere (a sampled background database), in the unit of the
    /// value's text, shared by <see cref="SampledRealisations.Group"/>; null for a distribution the study states.
    /// </summary>
    public SampledRealisations? Sample { get; init; }

    /// <summary>Where <paramref name="field"/> is written, or the mapping's place when it is not.</summary>
    public SourceLocation LocationOf(string field) => FieldLocations.GetValueOrDefault(field) ?? Location;
}

/// <summary>Realisations of a value drawn elsewhere, which every value of the same group takes in step (the same realisation per draw).</summary>
/// <param name="Group">The group (a background database).</param>
/// <param name="Values">One value per realisation, in the unit of the value's text.</param>
/// <param name="What">What they are, for reports.</param>
public sealed record SampledRealisations(string Group, IReadOnlyList<double> Values, string What);
