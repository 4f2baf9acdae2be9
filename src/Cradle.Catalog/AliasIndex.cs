using System.Text;
using Cradle.Catalog.Model;

namespace Cradle.Catalog;

/// <summary>
/// Resolves the names people write ("NVIDIA A100 SXM4 80 GB", "Google TPU v4", "H100-80GB") to entries: ids, names
/// and aliases are compared after normalisation (lower case, letters and digits only).
/// </summary>
public sealed class AliasIndex
{
    private readonly Dictionary<string, CatalogEntry> _byName;

    private AliasIndex(Dictionary<string, CatalogEntry> byName) => _byName = byName;

    /// <summary>"nvidiaa100sxm480gb" from "NVIDIA A100 SXM4 80 GB".</summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }
        return text.ToString();
    }

    /// <summary>Builds the index; <paramref name="conflict"/> is told of two entries claiming one normalised name.</summary>
    public static AliasIndex Build(IEnumerable<CatalogEntry> entries, Action<CatalogEntry, CatalogEntry, string> conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var byName = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var name in entry.Aliases.Prepend(entry.Name).Prepend(entry.Id).Select(Normalise).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
            {
                if (byName.TryGetValue(name, out var other) && other.Id != entry.Id)
                {
                    conflict(entry, other, name);
                    continue;
                }
                byName[name] = entry;
            }
        }
        return new AliasIndex(byName);
    }

    /// <summary>The entry <paramref name="name"/> names, or null.</summary>
    public CatalogEntry? Find(string name) => _byName.GetValueOrDefault(Normalise(name));
}
