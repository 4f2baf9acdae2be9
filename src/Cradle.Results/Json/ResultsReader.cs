using System.Globalization;
using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>
/// Reads results written by <c>cradle assess --format json</c> (schema <c>cradle.assessment/2</c>, and /1, which has no
/// provenance) into <see cref="AssessmentResults"/>. Blocks the results lack (no Monte Carlo, no equation (1)) are null
/// in the model. A field that is missing or of the wrong type is a <see cref="ResultsFormatException"/> naming its JSON
/// path (for example $.alternatives[0].inputs[3].location.line); text that is not JSON names the line and column.
/// </summary>
public static class ResultsReader
{
    /// <summary>The schema this version writes, and reads.</summary>
    public const string Schema = ResultsWriter.Schema;

    /// <summary>The earlier schema this version still reads: the same document without the provenance block.</summary>
    public const string SchemaVersion1 = "cradle.assessment/1";

    /// <summary>Parses <paramref name="json"/>; throws <see cref="ResultsFormatException"/> when it is not Cradle results.</summary>
    public static AssessmentResults Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}")
                : "";
            throw new ResultsFormatException($"The results are not valid JSON{where} ({FirstSentence(e.Message)}); write them with 'cradle assess STUDY --format json'.");
        }
        using (document)
        {
            var schema = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String
                ? ResultsNode.StringOf(s)
                : null;
            if (schema is not (Schema or SchemaVersion1))
            {
                throw new ResultsFormatException(
                    $"Expected results of schema '{Schema}' or '{SchemaVersion1}' (from 'cradle assess --format json') at $.schema, found '{schema ?? "no schema"}'.");
            }
            try
            {
                return Model(new ResultsNode(document.RootElement, "$", schema), schema == Schema);
            }
            catch (InvalidOperationException)
            {
                // A field name escaping a lone surrogate ("\ud800"): JsonElement cannot give it as a string.
                throw new ResultsFormatException("The results hold a field name that is not valid Unicode (a lone surrogate such as \\ud800); write them again with 'cradle assess STUDY --format json'.");
            }
        }
    }

    private static AssessmentResults Model(ResultsNode root, bool hasProvenance)
    {
        var study = root.Need("study");
        var goal = study.Need("goal");
        var fu = study.Need("functional_unit");
        var boundary = study.Need("system_boundary");
        return new AssessmentResults(
            study.Text("name") ?? "", study.Text("file") ?? "", study.Text("description"),
            new GoalInfo(goal.Text("application") ?? "", goal.Text("audience") ?? "", goal.Text("approach") ?? "", goal.Text("reasons"), goal.Text("commissioner")),
            new FunctionalUnitInfo(fu.Text("amount") ?? "", fu.Text("description") ?? "",
                fu.TryGet("latency", out var l) ? new LatencyInfo(l.Need("percentile").Double(), l.Text("max") ?? "") : null,
                fu.TryGet("quality", out var q) ? new QualityInfo(q.Text("benchmark") ?? "", q.Text("metric"), q.Need("min").Double()) : null),
            boundary.Need("included").Items().Select(e => e.AsText()).ToList(),
            boundary.Need("excluded").Items().Select(e => (e.NeedText("stage"), e.NeedText("reason"))).ToList(),
            Alternatives(root.Need("alternatives")),
            root.TryGet("comparison", out var c) ? ComparisonReader.Read(c) : null,
            root.TryGet("consistency", out var cs)
                ? cs.Items().Select(n => new ConsistencyItem(n.NeedText("parameter"), n.Need("changed_by_alternative").Bool(),
                    n.Need("sources").Items().Select(x => (x.NeedText("alternative"), x.NeedText("source"), x.Need("value").Double(), x.NeedText("unit"))).ToList())).ToList()
                : [])
        {
            // /1 predates the provenance; in /2 the CLI always writes it, and a result made without knowing its inputs
            // (a test, a program building results itself) may leave it out.
            Provenance = hasProvenance && root.TryGet("provenance", out var provenance) ? ProvenanceJson.Read(provenance) : null,
        };
    }

    /// <summary>The alternatives; every report shows at least one, and a study always has one.</summary>
    private static List<AlternativeResults> Alternatives(ResultsNode node)
    {
        var alternatives = node.Items().Select(AlternativeReader.Read).ToList();
        return alternatives.Count > 0 ? alternatives : throw node.Wrong("at least one alternative");
    }

    // System.Text.Json ends its messages with "Path: $ | LineNumber: 0 | BytePositionInLine: 1.", which the location
    // already says, and may quote the bad text with its line breaks: those are escaped as JSON escapes them.
    private static string FirstSentence(string message)
    {
        var end = new[] { message.IndexOf(" Path:", StringComparison.Ordinal), message.IndexOf(" LineNumber:", StringComparison.Ordinal) }
            .Where(i => i >= 0).DefaultIfEmpty(message.Length).Min();
        var text = message[..end].TrimEnd('.', ' ');
        return JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
    }
}
