using Cradle.Syntax;

namespace Cradle.Catalog.Model;

/// <summary>One item of the catalog: a device, a grid, a data centre, a cloud region.</summary>
/// <param name="Id">Unique id, e.g. "nvidia-h100-sxm5-80gb" or "de".</param>
/// <param name="Kind">One of <see cref="CatalogKinds.WithFigures"/>.</param>
/// <param name="Name">Human name.</param>
/// <param name="Aliases">Other names it resolves from.</param>
/// <param name="Attributes">Descriptive facts (vendor, memory, ISO code), as text.</param>
/// <param name="Refs">References to other entries by id (a cloud region's grid and data centre).</param>
/// <param name="Figures">Its figures by name.</param>
/// <param name="Location">Where it is defined (file, line, column).</param>
public sealed record CatalogEntry(
    string Id, string Kind, string Name, IReadOnlyList<string> Aliases, IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyDictionary<string, string> Refs, IReadOnlyDictionary<string, Figure> Figures, SourceLocation Location)
{
    /// <summary>The figure called <paramref name="name"/>, or null.</summary>
    public Figure? Figure(string name) => Figures.GetValueOrDefault(name);
}
