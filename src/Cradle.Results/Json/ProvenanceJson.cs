using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>The "provenance" object of <c>cradle.assessment/2</c>: the tool, its version and the hashes of the inputs.</summary>
internal static class ProvenanceJson
{
    public static void Write(Utf8JsonWriter json, ResultProvenance p)
    {
        json.WriteStartObject("provenance");
        json.WriteString("tool", p.Tool);
        json.WriteString("version", p.Version);
        json.WriteStartObject("study");
        File(json, p.Study);
        json.WriteEndObject();
        json.WriteStartObject("catalog");
        json.WriteStartObject("bundled");
        json.WriteString("version", p.BundledCatalogVersion);
        json.WriteString("sha256", p.BundledCatalogSha256);
        json.WriteEndObject();
        json.WriteStartArray("files");
        foreach (var file in p.CatalogFiles)
        {
            json.WriteStartObject();
            File(json, file);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static ResultProvenance Read(ResultsNode p)
    {
        var catalog = p.Need("catalog");
        var bundled = catalog.Need("bundled");
        return new ResultProvenance(p.NeedText("tool"), p.NeedText("version"), File(p.Need("study")),
            bundled.NeedText("version"), Hash(bundled, "sha256"), catalog.Need("files").Items().Select(File).ToList());
    }

    private static void File(Utf8JsonWriter json, FileHash file)
    {
        json.WriteString("file", file.File);
        json.WriteString("sha256", file.Sha256);
    }

    private static FileHash File(ResultsNode node) => new(node.NeedText("file"), Hash(node, "sha256"));

    /// <summary>A SHA-256 as 64 lower-case hex digits, as the writer writes it.</summary>
    private static string Hash(ResultsNode node, string name)
    {
        var text = node.NeedText(name);
        return text.Length == 64 && text.All(char.IsAsciiHexDigitLower) ? text : throw node.Need(name).Wrong("a SHA-256 of 64 lower-case hex digits");
    }
}
