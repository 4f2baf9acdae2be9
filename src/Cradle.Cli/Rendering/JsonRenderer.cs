using System.Text.Encodings.Web;
using System.Text.Json;
using Cradle.Studies.Assessment;
using Cradle.Studies.Definition;

namespace Cradle.Cli.Rendering;

/// <summary>
/// Writes an assessment as JSON, schema <c>cradle.assessment/1</c> (documented in docs/results-format.md):
/// numbers are plain JSON numbers in the units named beside them; a share with no defined value is null.
/// </summary>
public static class JsonRenderer
{
    /// <summary>The schema id written in every document; bump the version on any breaking change.</summary>
    public const string Schema = Reports.Model.ReportReader.Schema; // one string: `assess --report` reads what `assess` writes

    /// <summary>Writes <paramref name="assessment"/> to <paramref name="writer"/>.</summary>
    public static void Write(StudyAssessment assessment, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            WriteStudy(json, assessment.Study);
            json.WriteStartArray("alternatives");
            foreach (var alternative in assessment.Alternatives)
            {
                AlternativeJson.Write(json, alternative);
            }
            json.WriteEndArray();
            if (assessment.Comparison is { } comparison)
            {
                json.WriteStartObject("comparison");
                ComparisonJson.WriteBody(json, comparison);
                json.WriteEndObject();
            }
            json.WriteStartArray("consistency");
            foreach (var note in assessment.Consistency)
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
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    private static void WriteStudy(Utf8JsonWriter json, StudyDefinition study)
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
        json.WriteString("amount", study.FunctionalUnit.Amount.Text);
        json.WriteString("description", study.FunctionalUnit.Description);
        if (study.FunctionalUnit.Latency is { } latency)
        {
            json.WriteStartObject("latency");
            json.WriteNumber("percentile", latency.Percentile);
            json.WriteString("max", latency.Maximum.Text);
            json.WriteEndObject();
        }
        if (study.FunctionalUnit.Quality is { } quality)
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
        foreach (var (stage, _) in study.Boundary.Included)
        {
            json.WriteStringValue(stage);
        }
        json.WriteEndArray();
        json.WriteStartArray("excluded");
        foreach (var (stage, reason, _) in study.Boundary.Excluded)
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
