using System.Globalization;
using System.Text.Json;
using Cradle.Interchange.Reading;

namespace Cradle.Interchange.Background;

/// <summary>
/// The manifest entry of a Cradle background file as JSON (format "cradle.background/1"): written with
/// <see cref="Utf8JsonWriter"/> in a fixed field order, so the same manifest always gives the same bytes; read with
/// <see cref="JsonDocument"/>, refusing a malformed one with the entry and field.
/// </summary>
internal static class BackgroundManifestJson
{
    public const string Format = "cradle.background/1";

    public static byte[] Write(BackgroundManifest manifest)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("name", manifest.Name);
            json.WriteString("version", manifest.Version);
            json.WriteString("source", manifest.Source);
            json.WriteString("package_sha256", manifest.PackageSha256);
            json.WriteString("imported_with", manifest.ImportedWith);
            json.WriteString("imported_at", manifest.ImportedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("schema", manifest.Schema);
            json.WriteStartObject("counts");
            foreach (var (type, count) in manifest.Counts)
            {
                json.WriteNumber(type, count);
            }
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var finding in manifest.Findings)
            {
                json.WriteStringValue(finding);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <exception cref="OpenLcaPackageException">Not JSON, another format, or a field missing or of the wrong type.</exception>
    public static BackgroundManifest Read(byte[] bytes)
    {
        const string entry = BackgroundDatabaseFile.ManifestEntry;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new OpenLcaPackageException(entry, "", $"not valid JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new OpenLcaPackageException(entry, "", "expected one JSON object (a Cradle background manifest).");
            }
            var fields = new JsonFields(document.RootElement, entry, "");
            var format = fields.RequiredString("format");
            if (format != Format)
            {
                throw new OpenLcaPackageException(entry, "format", $"expected \"{Format}\", found \"{format}\"; this Cradle reads no other.");
            }
            var importedAtText = fields.RequiredString("imported_at");
            if (!DateTimeOffset.TryParse(importedAtText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var importedAt))
            {
                throw new OpenLcaPackageException(entry, "imported_at", $"expected a UTC time such as 2025-01-31T12:00:00Z, found \"{importedAtText}\".");
            }
            var sha = fields.RequiredString("package_sha256");
            if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
            {
                throw new OpenLcaPackageException(entry, "package_sha256", $"expected 64 lowercase hex digits, found \"{sha}\".");
            }
            var countsObject = fields.RequiredObject("counts");
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var property in countsObject.Element.EnumerateObject())
            {
                counts[property.Name] = countsObject.RequiredInt(property.Name);
            }
            if (!fields.Has("findings"))
            {
                throw new OpenLcaPackageException(entry, "findings", "missing; expected an array of strings (empty when the import found nothing).");
            }
            return new BackgroundManifest(
                NonEmpty(fields, "name"), NonEmpty(fields, "version"), fields.RequiredString("source"), sha,
                fields.RequiredString("imported_with"), importedAt, fields.RequiredString("schema"), counts, fields.Strings("findings"));
        }
    }

    private static string NonEmpty(JsonFields fields, string field)
    {
        var value = fields.RequiredString(field);
        return value.Trim().Length > 0 ? value : throw new OpenLcaPackageException(fields.File, field, "empty; expected the name or version declared at import.");
    }
}
