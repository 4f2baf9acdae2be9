using System.Globalization;
using System.Text.Json.Nodes;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;

namespace Cradle.Reports.Tests;

/// <summary>
/// Hand-edited results: every field of the example's results (with Monte Carlo) is deleted, set to a value of the
/// wrong type, set to null and, where it is a number, set to a fraction, one at a time. Each edit must either still
/// give every text report, or be refused with a <see cref="ResultsFormatException"/> that names a JSON path; any other
/// exception would reach the user as an internal error. Within a list only the first and the last items are edited:
/// the others have the same shape.
/// </summary>
public sealed class EditedResultsTests
{
    private static readonly string[] TextFormats = ["md", "model-card", "csv"];

    [Fact]
    public void Every_single_edit_gives_a_report_or_an_error_naming_a_json_path()
    {
        var original = JsonNode.Parse(ExampleResults.Json)!;
        var failures = new List<string>();
        var edits = 0;
        foreach (var (path, edited) in Edits(original))
        {
            edits++;
            var outcome = Outcome(edited.ToJsonString());
            if (outcome is not null)
            {
                failures.Add($"{path}: {outcome}");
            }
        }

        Assert.True(edits > 1_000, $"only {edits} edits: the example's results were expected to be larger");
        Assert.True(failures.Count == 0, $"{failures.Count} of {edits} edits failed:\n{string.Join("\n", failures.Take(40))}");
    }

    [Fact]
    public void A_fractional_line_number_is_refused_naming_its_path()
    {
        var results = JsonNode.Parse(ExampleResults.Json)!;
        results["alternatives"]![0]!["inputs"]![3]!["location"]!["line"] = 3.5;

        var e = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(results.ToJsonString()));

        Assert.Contains("the number 3.5 at $.alternatives[0].inputs[3].location.line", e.Message, StringComparison.Ordinal);
        Assert.Contains("a whole number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emptied_list_of_alternatives_is_refused_naming_its_path()
    {
        var results = JsonNode.Parse(ExampleResults.Json)!;
        results["alternatives"] = new JsonArray();

        var e = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(results.ToJsonString()));

        Assert.Contains("at $.alternatives, where schema 'cradle.assessment/2' has at least one alternative", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_escaping_a_lone_surrogate_is_refused_naming_its_path()
    {
        // JSON allows "\ud800" alone; a .NET string cannot be read from it, so it is the file's error, not Cradle's.
        var json = ExampleResults.Json.Replace("\"name\": \"OLMo 2 7B", "\"name\": \"\\ud800OLMo 2 7B", StringComparison.Ordinal);
        Assert.NotEqual(ExampleResults.Json, json);

        var e = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(json));

        Assert.Contains("at $.study.name, where schema 'cradle.assessment/2' has a text of valid Unicode", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_name_escaping_a_lone_surrogate_is_refused()
    {
        var json = ExampleResults.Json.Replace("\"name\": \"OLMo 2 7B", "\"\\udc00\": 1, \"name\": \"OLMo 2 7B", StringComparison.Ordinal);
        Assert.NotEqual(ExampleResults.Json, json);

        var e = Record.Exception(() => ResultsReader.Read(json));

        Assert.True(e is null or ResultsFormatException, e?.ToString());
    }

    [Fact]
    public void An_emptied_category_list_is_refused_naming_its_path()
    {
        // Found by the long fuzz run (scripts/fuzz.sh): the Markdown writer indexed the first category of an empty list.
        var results = JsonNode.Parse(ExampleResults.Json)!;
        results["alternatives"]![0]!["categories"] = new JsonArray();

        var e = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(results.ToJsonString()));

        Assert.Contains("at $.alternatives[0].categories, where schema 'cradle.assessment/2' has at least one impact category", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_category_id_is_refused_naming_its_path()
    {
        var results = JsonNode.Parse(ExampleResults.Json)!;
        results["alternatives"]![1]!["categories"]![0]!.AsObject().Remove("id");

        var e = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(results.ToJsonString()));

        Assert.Contains("lack the field $.alternatives[1].categories[0].id ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_where_a_number_belongs_is_refused_naming_its_path_and_the_text()
    {
        var results = JsonNode.Parse(ExampleResults.Json)!;
        results["alternatives"]![0]!["inputs"]![0]!["value"] = "lots\u001b[31m";

        var e = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(results.ToJsonString()));

        Assert.Contains("""the text "lots\u001B[31m" at $.alternatives[0].inputs[0].value, where schema 'cradle.assessment/2' has a number""", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_refused_with_its_line_and_column()
    {
        var e = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read("{\n  \"schema\": \"cradle.assessment/1\",\n  \"study\": nope\n}"));

        // The parser stops at the 'o' of "nope", column 13 of line 3; the quoted text's line break is escaped.
        Assert.Contains("not valid JSON at line 3, column 13", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    /// <summary>Null when the text reports are written; otherwise what went wrong, for the failure list.</summary>
    private static string? Outcome(string json)
    {
        AssessmentResults model;
        try
        {
            model = ResultsReader.Read(json);
        }
        catch (ResultsFormatException e)
        {
            return e.Message.Contains("$.", StringComparison.Ordinal) || e.Message.Contains("$[", StringComparison.Ordinal)
                ? null
                : $"ResultsFormatException without a JSON path: {e.Message}";
        }
#pragma warning disable CA1031 // any exception from reading or rendering is what this test looks for
        catch (Exception e)
        {
            return $"{e.GetType().Name} while reading: {e.Message}";
        }
        try
        {
            foreach (var format in TextFormats)
            {
                using var writer = new StringWriter(CultureInfo.InvariantCulture);
                ReportFormats.Write(model, format, writer);
            }
            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name} while rendering: {e.Message}";
        }
#pragma warning restore CA1031
    }

    /// <summary>Every edit of every field, each on a fresh copy of the results, with the path it edits.</summary>
    private static IEnumerable<(string Path, JsonNode Edited)> Edits(JsonNode root)
    {
        foreach (var (path, steps) in Fields(root, "$", []))
        {
            var value = Locate(root, steps);
            var replacements = new List<JsonNode?> { null, value is JsonValue v && v.TryGetValue<string>(out _) ? JsonValue.Create(7) : JsonValue.Create("seven") };
            if (value is JsonValue number && number.TryGetValue<double>(out var d))
            {
                replacements.Add(JsonValue.Create(d + 0.5));
                replacements.Add(JsonValue.Create(-1));
            }
            if (value is JsonObject)
            {
                replacements.Add(new JsonArray());
            }
            if (value is JsonArray)
            {
                replacements.Add(new JsonObject());
            }
            yield return (path + " (deleted)", Apply(root, steps, delete: true, null));
            foreach (var replacement in replacements)
            {
                yield return ($"{path} = {replacement?.ToJsonString() ?? "null"}", Apply(root, steps, delete: false, replacement));
            }
        }
    }

    private static IEnumerable<(string Path, object[] Steps)> Fields(JsonNode node, string path, object[] steps)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    object[] next = [.. steps, name];
                    var childPath = $"{path}.{name}";
                    yield return (childPath, next);
                    if (child is not null)
                    {
                        foreach (var inner in Fields(child, childPath, next))
                        {
                            yield return inner;
                        }
                    }
                }
                break;
            case JsonArray a:
                // An empty list (not_covered_categories: []) has no item to edit: only the list itself is edited.
                foreach (var index in new[] { 0, a.Count - 1 }.Where(i => i >= 0 && i < a.Count).Distinct())
                {
                    object[] next = [.. steps, index];
                    var childPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
                    yield return (childPath, next);
                    if (a[index] is { } child)
                    {
                        foreach (var inner in Fields(child, childPath, next))
                        {
                            yield return inner;
                        }
                    }
                }
                break;
        }
    }

    private static JsonNode? Locate(JsonNode root, object[] steps)
    {
        JsonNode? node = root;
        foreach (var step in steps)
        {
            node = step is string name ? node![name] : node![(int)step];
        }
        return node;
    }

    private static JsonNode Apply(JsonNode root, object[] steps, bool delete, JsonNode? replacement)
    {
        var copy = root.DeepClone();
        var parent = Locate(copy, steps[..^1])!;
        var last = steps[^1];
        switch (parent, last)
        {
            case (JsonObject o, string name) when delete: o.Remove(name); break;
            case (JsonObject o, string name): o[name] = replacement; break;
            case (JsonArray a, int index) when delete: a.RemoveAt(index); break;
            case (JsonArray a, int index): a[index] = replacement; break;
        }
        return copy;
    }
}
