using System.Globalization;
using System.Text.Json;

namespace Cradle.Reports.Model;

/// <summary>
/// Reads results written by <c>cradle assess --format json</c> (schema cradle.assessment/1) into a
/// <see cref="ReportModel"/>. Blocks the results lack (no Monte Carlo, no equation (1)) are null in the model, and the
/// renderers leave their sections out. A field that is missing or of the wrong type is a <see cref="ReportException"/>
/// naming its JSON path (for example $.alternatives[0].inputs[3].location.line).
/// </summary>
public static class ReportReader
{
    /// <summary>The schema this version reads.</summary>
    public const string Schema = "cradle.assessment/1";

    /// <summary>Parses <paramref name="json"/>; throws <see cref="ReportException"/> when it is not Cradle results.</summary>
    public static ReportModel Read(string json)
    {
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
            throw new ReportException($"The results are not valid JSON{where} ({FirstSentence(e.Message)}); write them with 'cradle assess STUDY --format json'.");
        }
        using (document)
        {
            var root = new ResultsNode(document.RootElement, "$");
            var schema = root.Kind == JsonValueKind.Object && document.RootElement.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String
                ? ResultsNode.StringOf(s)
                : null;
            if (schema != Schema)
            {
                throw new ReportException($"Expected results of schema '{Schema}' (from 'cradle assess --format json') at $.schema, found '{schema ?? "no schema"}'.");
            }
            try
            {
                return Model(root);
            }
            catch (InvalidOperationException)
            {
                // A field name escaping a lone surrogate ("\ud800"): JsonElement cannot give it as a string.
                throw new ReportException("The results hold a field name that is not valid Unicode (a lone surrogate such as \\ud800); write them again with 'cradle assess STUDY --format json'.");
            }
        }
    }

    private static ReportModel Model(ResultsNode root)
    {
        var study = root.Need("study");
        var goal = study.Need("goal");
        var fu = study.Need("functional_unit");
        var boundary = study.Need("system_boundary");
        return new ReportModel(
            study.Text("name") ?? "", study.Text("file") ?? "", study.Text("description"),
            new GoalInfo(goal.Text("application") ?? "", goal.Text("audience") ?? "", goal.Text("approach") ?? "", goal.Text("reasons")),
            new FunctionalUnitInfo(fu.Text("amount") ?? "", fu.Text("description") ?? "",
                fu.TryGet("latency", out var l) ? $"p{Invariant(l.Need("percentile").Double())} ≤ {l.Text("max")}" : null,
                fu.TryGet("quality", out var q) ? $"{q.Text("benchmark")} {q.Text("metric") ?? "score"} ≥ {Invariant(q.Need("min").Double())}" : null),
            boundary.Need("included").Items().Select(e => e.AsText()).ToList(),
            boundary.Need("excluded").Items().Select(e => (e.NeedText("stage"), e.NeedText("reason"))).ToList(),
            Alternatives(root.Need("alternatives")),
            root.TryGet("comparison", out var c) ? Comparison(c) : null,
            root.TryGet("consistency", out var cs)
                ? cs.Items().Select(n => new ConsistencyItem(n.NeedText("parameter"), n.Need("changed_by_alternative").Bool(),
                    n.Need("sources").Items().Select(x => (x.NeedText("alternative"), x.NeedText("source"))).ToList())).ToList()
                : []);
    }

    private static AlternativeReport Alternative(ResultsNode a)
    {
        var categoriesNode = a.Need("categories");
        var categories = categoriesNode.Items().Select(c => new CategoryInfo(c.NeedText("id"), c.NeedText("name"), c.NeedText("unit"))).ToList();
        if (categories.Count == 0)
        {
            // Every table and chart has a column per category; an assessment always has at least one.
            throw categoriesNode.Wrong("at least one impact category");
        }
        IReadOnlyList<double> PerCategory(ResultsNode e) => categories.Select(c => e.Need(c.Id).NumberOrNaN()).ToList();
        IReadOnlyList<Stats> StatsPerCategory(ResultsNode e) => categories.Select(c => StatsOf(e.Need(c.Id))).ToList();
        return new AlternativeReport
        {
            Id = a.Text("id"),
            Description = a.Text("description"),
            Categories = categories,
            NotCovered = a.TryGet("not_covered_categories", out var notCovered)
                ? notCovered.Items().Select(c => (c.NeedText("method"),
                    // A category one stage's declared footprint does not give is not covered for that stage only.
                    c.TryGet("stage", out var stage) ? $"{c.NeedText("name")} for stage {stage.AsText()}" : c.NeedText("name"))).ToList()
                : [],
            NotCoveredInStage = a.TryGet("not_covered_categories", out var gaps)
                ? gaps.Items().Where(c => c.TryGet("stage", out _)).Select(c => (c.NeedText("stage"), c.NeedText("id"))).ToList()
                : [],
            Totals = PerCategory(a.Need("totals")),
            Stages = a.Need("stages").Items()
                .Select(s => (s.NeedText("stage"), PerCategory(s.Need("values")), PerCategory(s.Need("shares")), s.Need("significant").Bool())).ToList(),
            Energy = EnergyReport.Read(a),
            Processes = a.Need("processes").Items().Select(p => (p.NeedText("name"), p.NeedText("stage"), PerCategory(p.Need("values")))).ToList(),
            EquationOne = a.TryGet("equation_1", out var eq) ? new EquationOneReport(
                PerCategory(eq.Need("marginal_inference")), PerCategory(eq.Need("amortised_embodied")),
                PerCategory(eq.Need("amortised_development")), PerCategory(eq.Need("development_total")),
                eq.Need("lifetime_requests").Double(),
                categories.Select(c => eq.Need("break_even_requests").TryGet(c.Id, out var n) ? n.Double() : (double?)null).ToList(),
                eq.Need("lifetime_grid").Items().Select(g => (g.Need("lifetime_requests").Double(), PerCategory(g.Need("per_functional_unit")))).ToList()) : null,
            Inputs = a.Need("inputs").Items().Select(i => new InputRow(i.NeedText("name"), i.Need("value").Double(), i.NeedText("unit"),
                i.NeedText("provenance"), i.Text("source"), i.Text("formula"), i.TryGet("location", out var loc) ? loc.Need("line").Int() : null)).ToList(),
            Inventory = Array(a, "inventory").Select(f => (f.NeedText("name"), f.NeedText("compartment"), f.Need("amount").Double(), f.NeedText("unit"))).ToList(),
            InventoryByStage = Array(a, "inventory").Select(f => (IReadOnlyList<(string, double)>)(f.TryGet("by_stage", out var b)
                ? b.Properties().Select(p => (p.Name, p.Value.Double())).ToList() : [])).ToList(),
            Hardware = Array(a, "hardware").Select(h => (h.NeedText("scope"), h.NeedText("device"), h.NeedText("per_node"), h.NeedText("lifespan"))).ToList(),
            Conventions = a.Need("conventions").Items()
                .Select(c => (c.NeedText("scope"), c.Text("site_name") ?? c.NeedText("site"), c.Text("grid_name") ?? "", c.NeedText("description"))).ToList(),
            Warnings = a.Need("warnings").Items().Select(w => (w.NeedText("code"), w.NeedText("field"), w.NeedText("message"))).ToList(),
            DataProvenance = a.TryGet("data_provenance", out var dp)
                ? categories.Select(c => dp.Need(c.Id)).Select(x => (x.Need("measured").NumberOrNaN(), x.Need("declared").NumberOrNaN(), x.Need("modelled").NumberOrNaN())).ToList()
                : [],
            Uncertainty = a.TryGet("uncertainty", out var u) ? Uncertainty(u, categories, StatsPerCategory) : null,
            Sensitivity = a.TryGet("sensitivity", out var sens)
                ? sens.Need("inputs").Items().Select(i => new SensitivityRow(i.NeedText("name"), i.NeedText("distribution"),
                    categories.Select(c => i.Need(c.Id).Need("at_p5").NumberOrNaN()).ToList(),
                    categories.Select(c => i.Need(c.Id).Need("at_p95").NumberOrNaN()).ToList(),
                    categories.Select(c => i.Need(c.Id).Need("sobol_first").NumberOrNaN()).ToList(),
                    categories.Select(c => i.Need(c.Id).Need("sobol_total").NumberOrNaN()).ToList())).ToList()
                : null,
            Amortisation = a.TryGet("amortisation", out var am) ? Amortisation(am, categories) : null,
            CatalogVersion = a.Need("catalog").Text("version") ?? "",
            Sources = a.Need("catalog").Need("sources").Items().Select(s => (s.NeedText("key"), s.NeedText("citation"), s.NeedText("licence"))).ToList(),
        };
    }

    private static UncertaintyReport Uncertainty(ResultsNode u, List<CategoryInfo> categories, Func<ResultsNode, IReadOnlyList<Stats>> statsPerCategory)
    {
        var iterations = u.Need("iterations");
        return new UncertaintyReport(
            iterations.Int() > 0 ? iterations.Int() : throw iterations.Wrong("a number of draws above 0"),
            u.Need("seed").UInt64(),
            u.Need("inputs").Items().Select(i => (i.NeedText("name"), i.NeedText("distribution"))).ToList(),
            statsPerCategory(u.Need("totals")),
            u.Need("stages").Items().Select(s => (s.NeedText("stage"), statsPerCategory(s))).ToList(),
            u.TryGet("histograms", out var h)
                ? categories.Select(c => Histogram(h.Need(c.Id))).ToList()
                : []);
    }

    /// <summary>A histogram's edges and counts: one more edge than counts, edges rising, counts of 0 or more.</summary>
    private static (IReadOnlyList<double> Edges, IReadOnlyList<int> Counts) Histogram(ResultsNode x)
    {
        var edgesNode = x.Need("edges");
        var edges = edgesNode.Items().Select(e => e.Double()).ToList();
        var counts = x.Need("counts").Items().Select(e => e.Int() >= 0 ? e.Int() : throw e.Wrong("a count of 0 or more")).ToList();
        if (edges.Count != counts.Count + 1 || edges.Zip(edges.Skip(1)).Any(p => p.Second < p.First))
        {
            throw edgesNode.Wrong(string.Create(CultureInfo.InvariantCulture, $"{counts.Count + 1} rising bin edges (one more than the {counts.Count} counts)"));
        }
        return (edges, counts);
    }

    private static List<(double Lifetime, IReadOnlyList<double> Values, IReadOnlyList<Stats>? Bands)> Amortisation(ResultsNode am, List<CategoryInfo> categories) =>
        am.Need("curve").Items().Select(p => (p.Need("lifetime_requests").Double(),
            (IReadOnlyList<double>)categories.Select(c => p.Need(c.Id) is { Kind: JsonValueKind.Object } o ? o.Need("value").Double() : p.Need(c.Id).NumberOrNaN()).ToList(),
            categories.All(c => p.Need(c.Id).Kind == JsonValueKind.Object)
                ? (IReadOnlyList<Stats>?)categories.Select(c => p.Need(c.Id)).Select(o => new Stats(double.NaN, o.Need("median").Double(), double.NaN,
                    o.Need("p5").Double(), o.Need("p95").Double(), double.NaN, double.NaN)).ToList()
                : null)).ToList();

    private static ComparisonReport Comparison(ResultsNode c)
    {
        var alternatives = c.Need("alternatives").Items().ToList();
        var ids = alternatives.Count == 0 ? [] : alternatives[0].Need("totals").Properties().Select(p => p.Name).ToList();
        var iterations = c.Need("iterations");
        return new ComparisonReport(iterations.Int() > 0 ? iterations.Int() : throw iterations.Wrong("a number of draws above 0"),
            alternatives.Select(x => (x.NeedText("id"), (IReadOnlyList<double>)ids.Select(k => x.Need("totals").Need(k).Double()).ToList(),
                (IReadOnlyList<Stats>)ids.Select(k => StatsOf(x.Need("uncertainty").Need(k))).ToList())).ToList(),
            c.Need("pairs").Items().Select(p => (p.NeedText("a"), p.NeedText("b"),
                (IReadOnlyList<Stats>)ids.Select(k => StatsOf(p.Need("difference").Need(k))).ToList(),
                (IReadOnlyList<double>)ids.Select(k => p.Need("probability_a_lower").Need(k).Double()).ToList())).ToList());
    }

    private static Stats StatsOf(ResultsNode e) => new(e.Need("mean").NumberOrNaN(), e.Need("median").NumberOrNaN(), e.Need("p2_5").NumberOrNaN(),
        e.Need("p5").NumberOrNaN(), e.Need("p95").NumberOrNaN(), e.Need("p97_5").NumberOrNaN(), e.Need("sd").NumberOrNaN());

    private static List<ResultsNode> Array(ResultsNode e, string name) =>
        e.TryGet(name, out var array) ? [.. array.Items()] : [];

    // Plain decimals, never "1E+20": a percentile or a quality threshold is read by people.
    /// <summary>A constraint's number as written (1e-7 stays 1e-7, 99.9999999 stays whole), never .NET's "1E-07".</summary>
    private static string Invariant(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        return e < 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..e]}e{int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)}");
    }

    /// <summary>The alternatives; every report shows at least one, and a study always has one.</summary>
    private static List<AlternativeReport> Alternatives(ResultsNode node)
    {
        var alternatives = node.Items().Select(Alternative).ToList();
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
