using Cradle.Catalog.Model;
using Cradle.Core;
using Cradle.Core.Model;

namespace Cradle.Catalog;

/// <summary>
/// The loaded, validated reference catalog: entries with cited figures, the bibliography, flows and impact methods.
/// Immutable; build it with <see cref="CatalogLoader"/>.
/// </summary>
public sealed class ReferenceCatalog
{
    /// <summary>The version of the data shipped with this build (year.month.revision); results record it.</summary>
    public const string ShippedVersion = "2026.11.1";

    private readonly Dictionary<string, CatalogEntry> _byId;
    private readonly AliasIndex _aliases;

    internal ReferenceCatalog(
        IReadOnlyList<CatalogEntry> entries, IReadOnlyDictionary<string, Source> sources, IReadOnlyList<ElementaryFlow> flows,
        IReadOnlyList<MethodEntry> methods, AliasIndex aliases, IReadOnlyList<string> userFiles, IReadOnlyDictionary<string, string> overrides)
    {
        Entries = entries;
        Sources = sources;
        Flows = flows;
        Methods = methods;
        _aliases = aliases;
        UserFiles = userFiles;
        Overrides = overrides;
        _byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>Every entry, in file order.</summary>
    public IReadOnlyList<CatalogEntry> Entries { get; }

    /// <summary>The bibliography by key.</summary>
    public IReadOnlyDictionary<string, Source> Sources { get; }

    /// <summary>Flows the methods characterise.</summary>
    public IReadOnlyList<ElementaryFlow> Flows { get; }

    /// <summary>Impact methods with their provenance.</summary>
    public IReadOnlyList<MethodEntry> Methods { get; }

    /// <summary>User files loaded on top of the shipped data, in order.</summary>
    public IReadOnlyList<string> UserFiles { get; }

    /// <summary>Shipped entries a user file replaced: id → the file that replaced it.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; }

    /// <summary>"2026.11.1", or "2026.11.1 + my-grids.yaml" when user files were added.</summary>
    public string Version => UserFiles.Count == 0 ? ShippedVersion : $"{ShippedVersion} + {string.Join(" + ", UserFiles)}";

    /// <summary>The entry with this id or name or alias (normalised), or null.</summary>
    public CatalogEntry? Find(string idOrName) => _byId.GetValueOrDefault(idOrName) ?? _aliases.Find(idOrName);

    /// <summary>The entry of one of <paramref name="kinds"/> that <paramref name="idOrName"/> names, or null.</summary>
    public CatalogEntry? Find(string idOrName, IReadOnlyCollection<string> kinds) =>
        Find(idOrName) is { } entry && kinds.Contains(entry.Kind) ? entry : null;

    /// <summary>The closest ids of <paramref name="kinds"/>, for "did you mean".</summary>
    public IReadOnlyList<string> Suggest(string idOrName, IReadOnlyCollection<string> kinds) =>
        NameSuggestions.Closest(idOrName, Entries.Where(e => kinds.Contains(e.Kind)).Select(e => e.Id), 4);

    /// <summary>Entries of a kind (all when null), in file order.</summary>
    public IEnumerable<CatalogEntry> List(string? kind) => kind is null ? Entries : Entries.Where(e => e.Kind == kind);

    /// <summary>Entries whose id, name, alias or attribute contains <paramref name="text"/> (normalised).</summary>
    public IEnumerable<CatalogEntry> Search(string text)
    {
        var wanted = AliasIndex.Normalise(text);
        return Entries.Where(e => e.Aliases.Append(e.Name).Append(e.Id).Concat(e.Attributes.Values)
            .Any(n => AliasIndex.Normalise(n).Contains(wanted, StringComparison.Ordinal)));
    }

    /// <summary>The sources an entry's figures cite, each once, in order of first use.</summary>
    public IReadOnlyList<Source> SourcesOf(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Figures.Values.SelectMany(f => f.Estimates).Select(e => e.Source).Distinct(StringComparer.Ordinal)
            .Select(k => Sources[k]).ToList();
    }

    /// <summary>The method with this id, or null.</summary>
    public MethodEntry? Method(string id) => Methods.FirstOrDefault(m => m.Method.Id == id);
}
