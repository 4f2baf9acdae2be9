using System.Text.Encodings.Web;
using System.Text.Json;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Rendering;

/// <summary>The comparison as JSON, schema <c>cradle.comparison/1</c>.</summary>
public static class ComparisonJson
{
    /// <summary>Writes <paramref name="result"/>.</summary>
    public static void Write(ComparisonResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", "cradle.comparison/1");
            WriteBody(json, result);
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    /// <summary>The fields of a comparison, inside an object the caller opened.</summary>
    internal static void WriteBody(Utf8JsonWriter json, ComparisonResult result)
    {
        json.WriteString("functional_unit", result.FunctionalUnit);
        if (result.FunctionalUnitReason is { } reason)
        {
            json.WriteStartObject("different_functional_units");
            json.WriteString("reason", reason);
            json.WriteStartArray("differences");
            foreach (var difference in result.FunctionalUnitDifferences)
            {
                json.WriteStringValue(difference);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        if (result.CarbonBasis is { } basis)
        {
            json.WriteString("carbon_basis", basis);
        }
        if (result.CarbonBasisReason is { } basisReason)
        {
            json.WriteStartObject("different_carbon_bases");
            json.WriteString("reason", basisReason);
            json.WriteStartArray("differences");
            foreach (var difference in result.CarbonBasisDifferences)
            {
                json.WriteStringValue(difference);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        if (result.RowsNotCompared.Count > 0)
        {
            json.WriteStartArray("rows_not_compared");
            foreach (var row in result.RowsNotCompared)
            {
                json.WriteStringValue(row);
            }
            json.WriteEndArray();
        }
        json.WriteNumber("iterations", result.Iterations);
        json.WriteNumber("seed", result.Seed);
        json.WriteStartArray("alternatives");
        for (var i = 0; i < result.Labels.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("id", result.Labels[i]);
            json.WriteStartObject("totals");
            for (var k = 0; k < result.Categories.Count; k++)
            {
                json.WriteNumber(result.Categories[k].Id, result.Totals[i][k]);
            }
            json.WriteEndObject();
            json.WriteStartObject("uncertainty");
            for (var k = 0; k < result.Categories.Count; k++)
            {
                UncertaintyJson.Statistics(json, result.Categories[k].Id, result.Uncertainty[i].Totals[k]);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("pairs");
        foreach (var pair in result.Pairs)
        {
            json.WriteStartObject();
            json.WriteString("a", pair.A);
            json.WriteString("b", pair.B);
            json.WriteStartObject("difference");
            for (var k = 0; k < result.Categories.Count; k++)
            {
                UncertaintyJson.Statistics(json, result.Categories[k].Id, pair.Difference[k]);
            }
            json.WriteEndObject();
            json.WriteStartObject("probability_a_lower");
            for (var k = 0; k < result.Categories.Count; k++)
            {
                json.WriteNumber(result.Categories[k].Id, pair.ProbabilityALower[k]);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
