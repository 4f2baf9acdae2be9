using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>
/// Writes assessment results as JSON, schema <c>cradle.assessment/2</c> (documented in docs/results-format.md):
/// numbers are plain JSON numbers in the units named beside them; a share with no defined value is null.
/// </summary>
public static class ResultsWriter
{
    /// <summary>The schema id written in every document; bump the version on any breaking change.</summary>
    public const string Schema = "cradle.assessment/2";

    /// <summary>Writes <paramref name="results"/> to <paramref name="writer"/>, ending with a line break.</summary>
    public static void Write(AssessmentResults results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        WriteDocument(writer, json =>
        {
            json.WriteString("schema", Schema);
            if (results.Provenance is { } provenance)
            {
                ProvenanceJson.Write(json, provenance);
            }
            WriteStudy(json, results);
            json.WriteStartArray("alternatives");
            foreach (var alternative in results.Alternatives)
            {
                AlternativeJson.Write(json, alternative);
            }
            json.WriteEndArray();
            if (results.Comparison is { } comparison)
            {
                json.WriteStartObject("comparison");
                ComparisonJson.WriteBody(json, comparison);
                json.WriteEndObject();
            }
            json.WriteStartArray("consistency");
            foreach (var note in results.Consistency)
            {
                json.WriteStartObject();
                json.WriteString("parameter", note.Parameter);
                json.WriteBoolean("changed_by_alternative", note.ChangedByAlternative);
                json.WriteStartArray("sources");
                foreach (var (alternative, source, value, unit) in note.Sources)
                {
                    json.WriteStartObject();
                    json.WriteString("alternative", alternative);
                    json.WriteString("source", source);
                    json.WriteNumber("value", value);
                    json.WriteString("unit", unit);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });
    }

    /// <summary>
    /// A document of schema <paramref name="schema"/> holding one object per alternative, each written by
    /// <paramref name="body"/> with that alternative's category ids (the sensitivity and break-even documents).
    /// </summary>
    internal static void WritePerAlternative<T>(
        TextWriter writer, string schema, IReadOnlyList<(IReadOnlyList<string> Categories, T Result)> results,
        Action<Utf8JsonWriter, IReadOnlyList<string>, T> body)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        WriteDocument(writer, json =>
        {
            json.WriteString("schema", schema);
            json.WriteStartArray("alternatives");
            foreach (var (categories, result) in results)
            {
                json.WriteStartObject();
                body(json, categories, result);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });
    }

    /// <summary>One indented JSON object (the caller writes its fields), as UTF-8 text, then a line break.</summary>
    internal static void WriteDocument(TextWriter writer, Action<Utf8JsonWriter> fields)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            fields(json);
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    private static void WriteStudy(Utf8JsonWriter json, AssessmentResults study)
    {
        json.WriteStartObject("study");
        json.WriteString("name", study.Name);
        json.WriteString("file", study.File);
        json.WriteString("description", study.Description);
        json.WriteStartObject("goal");
        json.WriteString("application", study.Goal.Application);
        json.WriteString("audience", study.Goal.Audience);
        json.WriteString("approach", study.Goal.Approach);
        json.WriteString("reasons", study.Goal.Reasons);
        json.WriteString("commissioner", study.Goal.Commissioner);
        json.WriteEndObject();
        json.WriteStartObject("functional_unit");
        json.WriteString("amount", study.FunctionalUnit.Amount);
        json.WriteString("description", study.FunctionalUnit.Description);
        if (study.FunctionalUnit.LatencyConstraint is { } latency)
        {
            json.WriteStartObject("latency");
            json.WriteNumber("percentile", latency.Percentile);
            json.WriteString("max", latency.Maximum);
            json.WriteEndObject();
        }
        if (study.FunctionalUnit.QualityConstraint is { } quality)
        {
            json.WriteStartObject("quality");
            json.WriteString("benchmark", quality.Benchmark);
            json.WriteString("metric", quality.Metric);
            json.WriteNumber("min", quality.Minimum);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("system_boundary");
        json.WriteStartArray("included");
        foreach (var stage in study.Included)
        {
            json.WriteStringValue(stage);
        }
        json.WriteEndArray();
        json.WriteStartArray("excluded");
        foreach (var (stage, reason) in study.Excluded)
        {
            json.WriteStartObject();
            json.WriteString("stage", stage);
            json.WriteString("reason", reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
