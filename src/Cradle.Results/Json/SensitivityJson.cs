using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>Sensitivity results as JSON, schema <c>cradle.sensitivity/1</c>; one alternative's is also its "sensitivity" in the assessment.</summary>
public static class SensitivityJson
{
    /// <summary>The schema id of a sensitivity document.</summary>
    public const string Schema = "cradle.sensitivity/1";

    /// <summary>Writes the results of every alternative, each with its category ids, in order.</summary>
    public static void Write(IReadOnlyList<(IReadOnlyList<string> Categories, SensitivityResults Result)> results, TextWriter writer) =>
        ResultsWriter.WritePerAlternative(writer, Schema, results, WriteBody);

    /// <summary>The fields of one alternative's sensitivity, inside an object the caller opened.</summary>
    internal static void WriteBody(Utf8JsonWriter json, IReadOnlyList<string> categories, SensitivityResults result)
    {
        json.WriteString("id", result.Id);
        json.WriteNumber("sobol_base_samples", result.BaseSamples);
        json.WriteNumber("seed", result.Seed);
        json.WriteStartArray("inputs");
        foreach (var input in result.Inputs)
        {
            json.WriteStartObject();
            json.WriteString("name", input.Name);
            json.WriteString("distribution", input.Distribution);
            for (var k = 0; k < categories.Count; k++)
            {
                json.WriteStartObject(categories[k]);
                json.WriteNumber("total", result.Totals[k]);
                json.WriteNumber("at_p5", input.AtP5[k]);
                json.WriteNumber("at_p95", input.AtP95[k]);
                json.WriteFiniteOrNull("sobol_first", input.First[k]);
                json.WriteFiniteOrNull("sobol_first_low", input.FirstLow[k]);
                json.WriteFiniteOrNull("sobol_first_high", input.FirstHigh[k]);
                json.WriteFiniteOrNull("sobol_total", input.TotalOrder[k]);
                json.WriteFiniteOrNull("sobol_total_low", input.TotalLow[k]);
                json.WriteFiniteOrNull("sobol_total_high", input.TotalHigh[k]);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
