using System.Text.Json;

namespace Cradle.Interchange.Reading;

/// <summary>
/// Reads an openLCA JSON-LD package (a zip, or a folder holding what the zip would) into a <see cref="BackgroundDatabase"/>:
/// openLCA 1.x (context.json / meta.info, @type on every entity) and 2.x (olca-schema.json) alike. A malformed entry
/// (bad JSON, no @id, a field of the wrong type) refuses the whole package with <see cref="OpenLcaPackageException"/>
/// naming the entry and field; what the data do not say (units not in the package, inputs no process provides,
/// multi-output processes) is listed in <see cref="BackgroundDatabase.Findings"/>, never guessed.
/// </summary>
public static class OpenLcaPackageReader
{
    // Folder → the @type its entities carry.
    private static readonly Dictionary<string, string> TypeOfFolder = new(StringComparer.Ordinal)
    {
        ["unit_groups"] = "UnitGroup",
        ["flow_properties"] = "FlowProperty",
        ["flows"] = "Flow",
        ["processes"] = "Process",
        ["lcia_categories"] = "ImpactCategory",
        ["lcia_methods"] = "ImpactMethod",
        ["product_systems"] = "ProductSystem",
        ["locations"] = "Location",
    };

    /// <summary>Reads the package at <paramref name="package"/> (zip file or folder), whole or not at all.</summary>
    /// <exception cref="OpenLcaPackageException">The package, or one entry of it, is malformed.</exception>
    public static BackgroundDatabase Read(string package) => Read(package, PackageEntries.Default);

    /// <summary>Reads under the given limits (tests use small ones to check the refusal without writing gigabytes).</summary>
    internal static BackgroundDatabase Read(string package, PackageEntries.Limits limits)
    {
        ArgumentNullException.ThrowIfNull(package);
        return FromEntries(package, PackageEntries.Read(package, limits));
    }

    /// <summary>Reads entries already read from <paramref name="package"/> (a Cradle background file reads them once, to check its digest too).</summary>
    internal static BackgroundDatabase FromEntries(string package, IReadOnlyList<(string Path, byte[] Bytes)> entries)
    {
        var rootFiles = entries.Where(e => !e.Path.Contains('/', StringComparison.Ordinal)).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        OpenLcaSchemaVersion schema;
        if (rootFiles.Contains("olca-schema.json"))
        {
            schema = OpenLcaSchemaVersion.V2;
        }
        else if (rootFiles.Contains("context.json") || rootFiles.Contains("meta.info"))
        {
            schema = OpenLcaSchemaVersion.V1;
        }
        else
        {
            throw new OpenLcaPackageException(package, "",
                "not an openLCA JSON-LD package: its root has neither olca-schema.json (openLCA 2) nor context.json or meta.info (openLCA 1.x).");
        }

        var byFolder = new Dictionary<string, List<JsonFields>>(StringComparer.Ordinal);
        var other = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var (path, bytes) in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
            {
                var slash = path.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0)
                {
                    continue;
                }
                var folder = path[..slash];
                if (!TypeOfFolder.TryGetValue(folder, out var type) || path.IndexOf('/', slash + 1) >= 0 || !path.EndsWith(".json", StringComparison.Ordinal))
                {
                    // actors, sources, categories, dq_systems, nw_sets, bin/ (openLCA's layouts): kept out, counted.
                    if (folder != "bin" && path.EndsWith(".json", StringComparison.Ordinal))
                    {
                        other[folder] = other.GetValueOrDefault(folder) + 1;
                    }
                    continue;
                }
                var document = Parse(path, bytes);
                documents.Add(document);
                var fields = new JsonFields(document.RootElement, path, "");
                CheckEntity(fields, type, schema);
                if (!byFolder.TryGetValue(folder, out var list))
                {
                    byFolder[folder] = list = [];
                }
                list.Add(fields);
            }
            return new EntityReader(package, schema, byFolder, other).Build();
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private static JsonDocument Parse(string path, byte[] bytes)
    {
        try
        {
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new OpenLcaPackageException(path, "", "expected one JSON object (an olca-schema entity).");
            }
            return document;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            throw new OpenLcaPackageException(path, "", $"not valid JSON{where}: {e.Message}");
        }
    }

    private static void CheckEntity(JsonFields fields, string type, OpenLcaSchemaVersion schema)
    {
        fields.RequiredString("@id");
        // openLCA 1.x writes @type on every entity; 2.x may leave it out, but a wrong one is an error in both.
        var given = schema == OpenLcaSchemaVersion.V1 ? fields.RequiredString("@type") : fields.OptionalString("@type");
        if (given is not null && given != type)
        {
            throw new OpenLcaPackageException(fields.File, "@type", $"expected \"{type}\" for an entity in this folder, found \"{given}\".");
        }
    }
}
