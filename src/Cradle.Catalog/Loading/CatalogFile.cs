using Cradle.Catalog.Model;
using Cradle.Core.Model;

namespace Cradle.Catalog.Loading;

/// <summary>What one catalog file contributes: entries with figures, sources, or flows and methods.</summary>
/// <param name="Name">The file as named in messages.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Entries">Entries with figures (empty for bibliography and method files).</param>
/// <param name="Sources">Bibliography entries.</param>
/// <param name="Flows">Elementary and aggregated flows (method files).</param>
/// <param name="Methods">Impact methods (method files).</param>
public sealed record CatalogFile(
    string Name, string Kind, IReadOnlyList<CatalogEntry> Entries, IReadOnlyList<Source> Sources,
    IReadOnlyList<ElementaryFlow> Flows, IReadOnlyList<MethodEntry> Methods);
