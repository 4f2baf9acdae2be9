using System.Text.Encodings.Web;
using System.Text.Json;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Rendering;

/// <summary>Sensitivity results as JSON, schema <c>cradle.sensitivity/1</c>.</summary>
public static class SensitivityJson
{
    /// <summary>Writes the results.</summary>
    public static void Write(IReadOnlyList<SensitivityResult> results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", "cradle.sensitivity/1");
            json.WriteStartArray("alternatives");
            foreach (var result in results)
            {
                json.WriteStartObject();
                WriteBody(json, result);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    /// <summary>The fields of one alternative's sensitivity, inside an object the caller opened.</summary>
    internal static void WriteBody(Utf8JsonWriter json, SensitivityResult result)
    {
        json.WriteString("id", result.Alternative);
        json.WriteNumber("sobol_base_samples", result.BaseSamples);
        json.WriteNumber("seed", result.Seed);
        json.WriteStartArray("inputs");
        foreach (var input in result.Inputs)
        {
            json.WriteStartObject();
            json.WriteString("name", input.Input);
            json.WriteString("distribution", input.Distribution);
            foreach (var (category, k) in result.Categories.Select((c, k) => (c, k)))
            {
                json.WriteStartObject(category.Id);
                json.WriteNumber("total", result.Totals[k]);
                json.WriteNumber("at_p5", input.AtLow[k]);
                json.WriteNumber("at_p95", input.AtHigh[k]);
                Number(json, "sobol_first", input.First[k]);
                Number(json, "sobol_first_low", input.FirstInterval[k].Low);
                Number(json, "sobol_first_high", input.FirstInterval[k].High);
                Number(json, "sobol_total", input.Total[k]);
                Number(json, "sobol_total_low", input.TotalInterval[k].Low);
                Number(json, "sobol_total_high", input.TotalInterval[k].High);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
