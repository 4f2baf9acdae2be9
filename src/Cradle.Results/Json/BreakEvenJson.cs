using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>Amortisation and break-even as JSON, schema <c>cradle.breakeven/1</c>; one alternative's is also its "amortisation" in the assessment.</summary>
public static class BreakEvenJson
{
    /// <summary>The schema id of a break-even document.</summary>
    public const string Schema = "cradle.breakeven/1";

    /// <summary>Writes the results of every alternative; <paramref name="results"/> gives each one's category ids, in order.</summary>
    public static void Write(IReadOnlyList<(IReadOnlyList<string> Categories, AmortisationResults Result)> results, TextWriter writer) =>
        ResultsWriter.WritePerAlternative(writer, Schema, results, WriteBody);

    /// <summary>The fields of one alternative's amortisation, inside an object the caller opened.</summary>
    internal static void WriteBody(Utf8JsonWriter json, IReadOnlyList<string> categories, AmortisationResults r)
    {
        json.WriteString("id", r.Id);
        json.WriteNumber("iterations", r.Iterations);
        json.WriteStartArray("curve");
        foreach (var point in r.Curve)
        {
            json.WriteStartObject();
            json.WriteNumber("lifetime_requests", point.Lifetime);
            for (var k = 0; k < categories.Count; k++)
            {
                if (point.Bands is null)
                {
                    json.WriteNumber(categories[k], point.Values[k]);
                }
                else
                {
                    json.WriteStartObject(categories[k]);
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
        PerCategory(json, "break_even_requests", categories, r.BreakEven);
        json.WriteNumber("embodied_share", r.EmbodiedShare);
        PerCategory(json, "embodied_below_from_requests", categories, r.EmbodiedBelow);
    }

    private static void PerCategory(Utf8JsonWriter json, string name, IReadOnlyList<string> categories, IReadOnlyList<double?> values)
    {
        json.WriteStartObject(name);
        for (var k = 0; k < categories.Count; k++)
        {
            json.WriteNumberOrNull(categories[k], values[k]);
        }
        json.WriteEndObject();
    }
}
