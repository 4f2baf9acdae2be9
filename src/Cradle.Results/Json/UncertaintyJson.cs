using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>The "uncertainty" block of the JSON results.</summary>
internal static class UncertaintyJson
{
    public static void Write(Utf8JsonWriter json, IReadOnlyList<CategoryInfo> categories, UncertaintyResults u)
    {
        json.WriteStartObject("uncertainty");
        json.WriteNumber("iterations", u.Iterations);
        json.WriteNumber("seed", u.Seed);
        if (u.ExactInputs is { } exact)
        {
            json.WriteNumber("exact_inputs", exact);
        }
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
        for (var k = 0; k < categories.Count; k++)
        {
            Statistics(json, categories[k].Id, u.Totals[k]);
        }
        json.WriteEndObject();
        json.WriteStartObject("histograms");
        for (var k = 0; k < categories.Count && k < u.Histograms.Count; k++)
        {
            json.WriteStartObject(categories[k].Id);
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
            for (var k = 0; k < categories.Count; k++)
            {
                Statistics(json, categories[k].Id, values[k]);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Statistics(Utf8JsonWriter json, string name, Stats s)
    {
        json.WriteStartObject(name);
        json.WriteFiniteOrNull("mean", s.Mean);
        json.WriteFiniteOrNull("sd", s.Sd);
        json.WriteFiniteOrNull("median", s.Median);
        json.WriteFiniteOrNull("p2_5", s.P025);
        json.WriteFiniteOrNull("p5", s.P5);
        json.WriteFiniteOrNull("p25", s.P25);
        json.WriteFiniteOrNull("p75", s.P75);
        json.WriteFiniteOrNull("p95", s.P95);
        json.WriteFiniteOrNull("p97_5", s.P975);
        json.WriteEndObject();
    }
}
