namespace Cradle.Catalog.Model;

/// <summary>An impact method with its provenance.</summary>
/// <param name="Method">The method: categories and characterisation factors.</param>
/// <param name="Source">Bibliography key.</param>
/// <param name="Year">Year of the factors.</param>
/// <param name="Location">Where it is defined.</param>
public sealed record MethodEntry(Core.Model.ImpactMethod Method, string Source, int Year, Cradle.Syntax.SourceLocation Location)
{
    /// <summary>The method's published categories the catalog does not cover, in the method's order.</summary>
    public IReadOnlyList<NotCoveredCategory> NotCovered { get; init; } = [];
}
