using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>The comparison as JSON, schema <c>cradle.comparison/1</c>.</summary>
public static class ComparisonJson
{
    /// <summary>Writes <paramref name="result"/>.</summary>
    public static void Write(ComparisonResults result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        ResultsWriter.WriteDocument(writer, json =>
        {
            json.WriteString("schema", Schema);
            WriteBody(json, result);
        });
    }

    /// <summary>The schema id of a comparison document.</summary>
    public const string Schema = "cradle.comparison/1";

    /// <summary>The fields of a comparison, inside an object the caller opened.</summary>
    internal static void WriteBody(Utf8JsonWriter json, ComparisonResults result)
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
        WriteService(json, result);
        // Written only when the pairs are each alternative against one, or chosen: documents with every pair stay as
        // they were.
        if (result.Reference is { } reference)
        {
            json.WriteString("pairs_mode", "reference");
            json.WriteString("reference", reference);
        }
        else if (result.PairsChosen)
        {
            json.WriteString("pairs_mode", "chosen");
        }
        json.WriteNumber("iterations", result.Iterations);
        json.WriteNumber("seed", result.Seed);
        json.WriteStartArray("alternatives");
        foreach (var (id, totals, uncertainty) in result.Alternatives)
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteStartObject("totals");
            for (var k = 0; k < result.CategoryIds.Count; k++)
            {
                json.WriteNumber(result.CategoryIds[k], totals[k]);
            }
            json.WriteEndObject();
            json.WriteStartObject("uncertainty");
            for (var k = 0; k < result.CategoryIds.Count; k++)
            {
                UncertaintyJson.Statistics(json, result.CategoryIds[k], uncertainty[k]);
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
            for (var k = 0; k < result.CategoryIds.Count; k++)
            {
                UncertaintyJson.Statistics(json, result.CategoryIds[k], pair.Difference[k]);
            }
            json.WriteEndObject();
            json.WriteStartObject("probability_a_lower");
            for (var k = 0; k < result.CategoryIds.Count; k++)
            {
                json.WriteNumber(result.CategoryIds[k], pair.ProbabilityALower[k]);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// What each alternative is shown to deliver, and the secondary impact-per-quality view; written only when the
    /// functional unit has a constraint or an alternative states a score, so other documents stay as they were.
    /// </summary>
    private static void WriteService(Utf8JsonWriter json, ComparisonResults result)
    {
        if (result.UnmetConstraintsReason is { } reason)
        {
            json.WriteStartObject("unmet_constraints");
            json.WriteString("reason", reason);
            json.WriteEndObject();
        }
        if (result.Service.Count == 0)
        {
            return;
        }
        json.WriteStartArray("service");
        foreach (var service in result.Service)
        {
            json.WriteStartObject();
            json.WriteString("id", service.Id);
            json.WriteStartArray("constraints");
            foreach (var (constraint, status, message, source) in service.Constraints)
            {
                json.WriteStartObject();
                json.WriteString("constraint", constraint);
                json.WriteString("status", status);
                json.WriteString("message", message);
                if (source is not null)
                {
                    json.WriteString("source", source);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (service.Score is { } score)
            {
                json.WriteStartObject("quality");
                json.WriteString("benchmark", service.Benchmark);
                json.WriteNumber("score", score);
                json.WriteEndObject();
            }
            if (service.PerQualityPoint is { } perPoint)
            {
                // Secondary: impact per unit of quality is not a comparison on the functional unit.
                json.WriteStartObject("secondary_per_quality_point");
                for (var k = 0; k < result.CategoryIds.Count; k++)
                {
                    json.WriteNumber(result.CategoryIds[k], perPoint[k]);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
