using Cradle.Results.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Rendering;

/// <summary><c>cradle sensitivity --allocation-keys --format json</c>, schema <c>cradle.allocation-keys/1</c>.</summary>
public static class AllocationKeysJson
{
    /// <summary>The schema name and version written in the document.</summary>
    public const string Schema = "cradle.allocation-keys/1";

    /// <summary>Writes the results (an empty list of alternatives when nothing is allocated).</summary>
    public static void Write(IReadOnlyList<AllocationKeyResult> results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartArray("alternatives");
            foreach (var result in results)
            {
                WriteAlternative(json, result);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    private static void WriteAlternative(Utf8JsonWriter json, AllocationKeyResult result)
    {
        json.WriteStartObject();
        json.WriteStringOrNull("id", result.Alternative);
        json.WriteStartArray("categories");
        foreach (var category in result.Categories)
        {
            json.WriteStartObject();
            json.WriteString("id", category.Id);
            json.WriteString("name", category.Name);
            json.WriteString("unit", category.Unit);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("cases");
        foreach (var c in result.Cases)
        {
            json.WriteStartObject();
            json.WriteString("key", c.Key);
            json.WriteString("keys_used", c.Description);
            json.WriteStringOrNull("not_applicable", c.NotApplicable);
            if (c.NotApplicable is null)
            {
                PerCategory(json, "totals", result, k => c.Totals[k]);
                PerCategory(json, "embodied", result, k => c.Embodied[k]);
                PerCategory(json, "relative_change", result, k => result.RelativeChange(c, k));
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void PerCategory(Utf8JsonWriter json, string name, AllocationKeyResult result, Func<int, double> value)
    {
        json.WriteStartObject(name);
        for (var k = 0; k < result.Categories.Count; k++)
        {
            json.WriteNumberOrNull(result.Categories[k].Id, double.IsFinite(value(k)) ? value(k) : null);
        }
        json.WriteEndObject();
    }
}
