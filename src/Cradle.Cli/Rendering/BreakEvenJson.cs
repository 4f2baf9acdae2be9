using System.Text.Encodings.Web;
using System.Text.Json;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Rendering;

/// <summary>Amortisation and break-even as JSON, schema <c>cradle.breakeven/1</c>.</summary>
public static class BreakEvenJson
{
    /// <summary>Writes the results.</summary>
    public static void Write(IReadOnlyList<BreakEvenResult> results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", "cradle.breakeven/1");
            json.WriteStartArray("alternatives");
            foreach (var r in results)
            {
                json.WriteStartObject();
                WriteBody(json, r);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    /// <summary>The fields of one alternative's amortisation, inside an object the caller opened.</summary>
    internal static void WriteBody(Utf8JsonWriter json, BreakEvenResult r)
    {
        json.WriteString("id", r.Alternative);
        json.WriteNumber("iterations", r.Iterations);
        json.WriteStartArray("curve");
        foreach (var point in r.Curve)
        {
            json.WriteStartObject();
            json.WriteNumber("lifetime_requests", point.Lifetime);
            for (var k = 0; k < r.Categories.Count; k++)
            {
                if (point.Bands is null)
                {
                    json.WriteNumber(r.Categories[k].Id, point.Values[k]);
                }
                else
                {
                    json.WriteStartObject(r.Categories[k].Id);
                    json.WriteNumber("value", point.Values[k]);
                    json.WriteNumber("median", point.Bands[k].Median);
                    json.WriteNumber("p5", point.Bands[k].P5);
                    json.WriteNumber("p95", point.Bands[k].P95);
                    json.WriteEndObject();
                }
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("break_even_requests");
        for (var k = 0; k < r.Categories.Count; k++)
        {
            if (r.BreakEven[k] is { } n)
            {
                json.WriteNumber(r.Categories[k].Id, n);
            }
            else
            {
                json.WriteNull(r.Categories[k].Id);
            }
        }
        json.WriteEndObject();
        json.WriteNumber("embodied_share", r.EmbodiedShare);
        json.WriteStartObject("embodied_below_from_requests");
        for (var k = 0; k < r.Categories.Count; k++)
        {
            if (r.EmbodiedBelow[k] is { } n)
            {
                json.WriteNumber(r.Categories[k].Id, n);
            }
            else
            {
                json.WriteNull(r.Categories[k].Id);
            }
        }
        json.WriteEndObject();
    }
}
