using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>The trade-off between two alternatives as JSON, schema <c>cradle.tradeoff/1</c> (docs/results-format.md).</summary>
public static class TradeoffJson
{
    /// <summary>The schema id of a trade-off document.</summary>
    public const string Schema = "cradle.tradeoff/1";

    /// <summary>Writes <paramref name="result"/>.</summary>
    public static void Write(TradeoffResults result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        ResultsWriter.WriteDocument(writer, json =>
        {
            json.WriteString("schema", Schema);
            json.WriteString("functional_unit", result.FunctionalUnit);
            json.WriteString("a", result.A);
            json.WriteString("b", result.B);
            json.WriteNumber("iterations", result.Iterations);
            json.WriteNumber("seed", result.Seed);
            json.WriteStartArray("categories");
            foreach (var c in result.Categories)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Id);
                json.WriteString("name", c.Name);
                json.WriteString("unit", c.Unit);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("alternatives");
            foreach (var a in result.Alternatives)
            {
                json.WriteStartObject();
                json.WriteString("id", a.Id);
                PerCategory(json, "development", result, a.Development);
                PerCategory(json, "inference_per_request", result, a.InferencePerRequest);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("break_even");
            for (var k = 0; k < result.Categories.Count; k++)
            {
                var b = result.BreakEven[k];
                json.WriteStartObject(result.Categories[k].Id);
                json.WriteString("outcome", b.Outcome);
                json.WriteFiniteOrNull("requests", b.Requests ?? double.NaN);
                Draws(json, b.Bands, b.DrawsByOutcome);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            if (result.Budget is { } budget)
            {
                WriteBudget(json, result, budget);
            }
        });
    }

    private static void PerCategory(Utf8JsonWriter json, string name, TradeoffResults result, IReadOnlyList<double> values)
    {
        json.WriteStartObject(name);
        for (var k = 0; k < result.Categories.Count; k++)
        {
            json.WriteNumber(result.Categories[k].Id, values[k]);
        }
        json.WriteEndObject();
    }

    private static void Draws(Utf8JsonWriter json, Stats? bands, IReadOnlyDictionary<string, int> draws)
    {
        if (bands is not null)
        {
            UncertaintyJson.Statistics(json, "bands", bands);
        }
        if (draws.Count > 0)
        {
            json.WriteStartObject("draws_by_outcome");
            foreach (var (outcome, count) in draws.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(outcome, count);
            }
            json.WriteEndObject();
        }
    }

    private static void WriteBudget(Utf8JsonWriter json, TradeoffResults result, TradeoffBudget budget)
    {
        json.WriteStartObject("budget");
        json.WriteString("text", budget.Text);
        json.WriteNumber("amount", budget.Amount);
        json.WriteString("unit", budget.Unit);
        json.WriteStartObject("requests_served");
        for (var a = 0; a < result.Alternatives.Count; a++)
        {
            json.WriteStartObject(result.Alternatives[a].Id);
            for (var r = 0; r < budget.Rows.Count; r++)
            {
                var served = budget.Served[a][r];
                json.WriteStartObject(budget.Rows[r]);
                json.WriteString("outcome", served.Outcome);
                json.WriteFiniteOrNull("requests", served.Requests ?? double.NaN);
                if (served.Bands is not null)
                {
                    UncertaintyJson.Statistics(json, "bands", served.Bands);
                }
                if (result.Iterations > 0)
                {
                    json.WriteNumber("draws_none", served.DrawsNone);
                    json.WriteNumber("draws_unbounded", served.DrawsUnbounded);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
