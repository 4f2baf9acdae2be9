using System.Reflection;
using Cradle.Catalog.Loading;
using Cradle.Catalog.Model;
using Cradle.Syntax;

namespace Cradle.Catalog;

/// <summary>
/// Loads the shipped catalog (embedded YAML, read once per process) and any user files on top. A user entry with a
/// shipped id replaces it (and the replacement is recorded); anything else must be unique. All problems are reported
/// together in a <see cref="CatalogException"/>.
/// </summary>
public static class CatalogLoader
{
    private const string ResourcePrefix = "Cradle.Catalog.Data.";

    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> ShippedFiles = new(ReadShipped);
    // Parsed once per process: a command that loads the catalog for several studies (compare a.yaml b.yaml) or with
    // user files on top does not read the shipped YAML again. The parsed files are immutable records.
    private static readonly Lazy<IReadOnlyList<CatalogFile>> ShippedParsed = new(ParseShipped);
    private static readonly Lazy<ReferenceCatalog> ShippedCatalog = new(() => Build([]));

    /// <summary>The shipped catalog alone.</summary>
    public static ReferenceCatalog Shipped => ShippedCatalog.Value;

    /// <summary>
    /// SHA-256 (64 lower-case hex digits) of the shipped catalog's contents: over each data file in name order, its
    /// name, a NUL, its text in UTF-8 and a NUL. It changes with any change to the shipped data, even one the catalog's
    /// version does not record, so a result names exactly the data it was computed with.
    /// </summary>
    public static string ShippedSha256 => ShippedHash.Value;

    private static readonly Lazy<string> ShippedHash = new(() =>
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var (name, text) in ShippedFiles.Value)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{name}\0{text}\0"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    });

    /// <summary>The names of the shipped data files.</summary>
    public static IEnumerable<string> ShippedFileNames => ShippedFiles.Value.Select(f => f.Name);

    /// <summary>The shipped catalog with <paramref name="userFiles"/> (name as shown in messages, YAML text) on top.</summary>
    public static ReferenceCatalog Load(IReadOnlyList<(string Name, string Text)> userFiles)
    {
        ArgumentNullException.ThrowIfNull(userFiles);
        return userFiles.Count == 0 ? Shipped : Build(userFiles);
    }

    private static List<CatalogFile> ParseShipped()
    {
        var problems = new ProblemList();
        var files = ShippedFiles.Value.Select(f => CatalogFileReader.Read(f.Text, f.Name, problems)).OfType<CatalogFile>().ToList();
        problems.ThrowIfErrors(errors => new CatalogException(errors));
        return files;
    }

    private static ReferenceCatalog Build(IReadOnlyList<(string Name, string Text)> userFiles)
    {
        var shipped = ShippedParsed.Value;
        var problems = new ProblemList();
        var user = userFiles.Select(f => CatalogFileReader.Read(f.Text, f.Name, problems)).OfType<CatalogFile>().ToList();
        problems.ThrowIfErrors(errors => new CatalogException(errors));

        var entries = new List<CatalogEntry>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var shippedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, isUser) in shipped.Select(f => (f, false)).Concat(user.Select(f => (f, true))))
        {
            foreach (var entry in file.Entries)
            {
                if (!index.TryGetValue(entry.Id, out var existing))
                {
                    index[entry.Id] = entries.Count;
                    entries.Add(entry);
                    if (!isUser)
                    {
                        shippedIds.Add(entry.Id);
                    }
                }
                else if (isUser && shippedIds.Contains(entry.Id) && !overrides.ContainsKey(entry.Id))
                {
                    // A user's entry with a shipped id replaces the shipped one: their own measured PUE, a newer grid factor.
                    entries[existing] = entry;
                    overrides[entry.Id] = file.Name;
                }
                else
                {
                    problems.Error("duplicate-id", entry.Location, entry.Id, $"'{entry.Id}' is defined twice (also at {entries[existing].Location}).");
                }
            }
        }

        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var file in shipped.Concat(user))
        {
            foreach (var source in file.Sources)
            {
                if (sources.TryGetValue(source.Key, out var existing) && existing != source)
                {
                    problems.Error("duplicate-source", new SourceLocation(file.Name, 1, 1), source.Key,
                        $"the bibliography key '{source.Key}' is defined twice with different details.");
                    continue;
                }
                sources[source.Key] = source;
            }
        }
        var aliases = AliasIndex.Build(entries, (entry, other, name) => problems.Error("alias-conflict", entry.Location, entry.Id,
            $"'{entry.Id}' and '{other.Id}' both answer to the name '{name}'; remove the alias from one of them."));
        var all = shipped.Concat(user).ToList();
        CatalogValidator.Check(entries, sources, all, problems);
        problems.ThrowIfErrors(errors => new CatalogException(errors));
        return new ReferenceCatalog(entries, sources, all.SelectMany(f => f.Flows).ToList(), all.SelectMany(f => f.Methods).ToList(),
            aliases, user.Select(f => f.Name).ToList(), overrides);
    }

    private static List<(string Name, string Text)> ReadShipped()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return ($"catalog/{n[ResourcePrefix.Length..]}", reader.ReadToEnd());
            })
            .ToList();
    }
}
