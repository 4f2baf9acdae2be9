using System.Text.Json;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Rendering;

/// <summary>The "uncertainty" block of the JSON results.</summary>
internal static class UncertaintyJson
{
    public static void Write(Utf8JsonWriter json, AlternativeAssessment a, UncertaintyAssessment u)
    {
        json.WriteStartObject("uncertainty");
        json.WriteNumber("iterations", u.Iterations);
        json.WriteNumber("seed", u.Seed);
        json.WriteNumber("exact_inputs", u.DeterministicInputs);
        json.WriteStartArray("inputs");
        foreach (var (name, distribution) in u.Inputs)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("distribution", distribution);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("totals");
        for (var k = 0; k < a.Categories.Count; k++)
        {
            Statistics(json, a.Categories[k].Id, u.Totals[k]);
        }
        json.WriteEndObject();
        json.WriteStartObject("histograms");
        for (var k = 0; k < a.Categories.Count && k < u.Histograms.Count; k++)
        {
            json.WriteStartObject(a.Categories[k].Id);
            json.WriteStartArray("edges");
            foreach (var edge in u.Histograms[k].Edges)
            {
                json.WriteNumberValue(edge);
            }
            json.WriteEndArray();
            json.WriteStartArray("counts");
            foreach (var count in u.Histograms[k].Counts)
            {
                json.WriteNumberValue(count);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartArray("stages");
        foreach (var (stage, values) in u.Stages)
        {
            json.WriteStartObject();
            json.WriteString("stage", stage);
            for (var k = 0; k < a.Categories.Count; k++)
            {
                Statistics(json, a.Categories[k].Id, values[k]);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Statistics(Utf8JsonWriter json, string name, SampleStatistics s)
    {
        json.WriteStartObject(name);
        json.WriteNumber("mean", s.Mean);
        json.WriteNumber("sd", s.StandardDeviation);
        json.WriteNumber("median", s.Median);
        json.WriteNumber("p2_5", s.P025);
        json.WriteNumber("p5", s.P5);
        json.WriteNumber("p25", s.P25);
        json.WriteNumber("p75", s.P75);
        json.WriteNumber("p95", s.P95);
        json.WriteNumber("p97_5", s.P975);
        json.WriteEndObject();
    }
}
