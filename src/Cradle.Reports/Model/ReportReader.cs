using System.Text.Json;

namespace Cradle.Reports.Model;

/// <summary>
/// Reads results written by <c>cradle assess --format json</c> (schema cradle.assessment/1) into a
/// <see cref="ReportModel"/>. Blocks the results lack (no Monte Carlo, no equation (1)) are null in the model, and the
/// renderers leave their sections out.
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
            throw new ReportException($"The results are not valid JSON ({e.Message}); write them with 'cradle assess STUDY --format json'.");
        }
        using (document)
        {
            var root = document.RootElement;
            var schema = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (schema != Schema)
            {
                throw new ReportException($"Expected results of schema '{Schema}' (from 'cradle assess --format json'), found '{schema ?? "no schema"}'.");
            }
            try
            {
                var study = root.Need("study");
                var goal = study.Need("goal");
                var fu = study.Need("functional_unit");
                var boundary = study.Need("system_boundary");
                return new ReportModel(
                    Text(study, "name") ?? "", Text(study, "file") ?? "", Text(study, "description"),
                    new GoalInfo(Text(goal, "application") ?? "", Text(goal, "audience") ?? "", Text(goal, "approach") ?? "", Text(goal, "reasons")),
                    new FunctionalUnitInfo(Text(fu, "amount") ?? "", Text(fu, "description") ?? "",
                        fu.TryGetProperty("latency", out var l) ? $"p{l.Need("percentile").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)} ≤ {Text(l, "max")}" : null,
                        fu.TryGetProperty("quality", out var q) ? $"{Text(q, "benchmark")} {Text(q, "metric") ?? "score"} ≥ {q.Need("min").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null),
                    boundary.Need("included").EnumerateArray().Select(e => e.GetString()!).ToList(),
                    boundary.Need("excluded").EnumerateArray().Select(e => (Text(e, "stage")!, Text(e, "reason")!)).ToList(),
                    root.Need("alternatives").EnumerateArray().Select(Alternative).ToList(),
                    root.TryGetProperty("comparison", out var c) ? Comparison(c) : null,
                    root.TryGetProperty("consistency", out var cs)
                        ? cs.EnumerateArray().Select(n => new ConsistencyItem(Text(n, "parameter")!, n.Need("changed_by_alternative").GetBoolean(),
                            n.Need("sources").EnumerateArray().Select(x => (Text(x, "alternative")!, Text(x, "source")!)).ToList())).ToList()
                        : []);
            }
            catch (InvalidOperationException e)
            {
                // A field of the wrong type (text where a number belongs, an object where a list does).
                throw new ReportException($"The results do not have the shape of schema '{Schema}' ({e.Message}); write them again with 'cradle assess STUDY --format json'.");
            }
        }
    }

    private static AlternativeReport Alternative(JsonElement a)
    {
        var categories = a.Need("categories").EnumerateArray().Select(c => new CategoryInfo(Text(c, "id")!, Text(c, "name")!, Text(c, "unit")!)).ToList();
        IReadOnlyList<double> PerCategory(JsonElement e) => categories.Select(c => Number(e.Need(c.Id))).ToList();
        IReadOnlyList<Stats> StatsPerCategory(JsonElement e) => categories.Select(c => StatsOf(e.Need(c.Id))).ToList();
        return new AlternativeReport
        {
            Id = Text(a, "id"),
            Description = Text(a, "description"),
            Categories = categories,
            Totals = PerCategory(a.Need("totals")),
            Stages = a.Need("stages").EnumerateArray()
                .Select(s => (Text(s, "stage")!, PerCategory(s.Need("values")), PerCategory(s.Need("shares")), s.Need("significant").GetBoolean())).ToList(),
            Processes = a.Need("processes").EnumerateArray().Select(p => (Text(p, "name")!, Text(p, "stage")!, PerCategory(p.Need("values")))).ToList(),
            EquationOne = a.TryGetProperty("equation_1", out var eq) ? new EquationOneReport(
                PerCategory(eq.Need("marginal_inference")), PerCategory(eq.Need("amortised_embodied")),
                PerCategory(eq.Need("amortised_development")), PerCategory(eq.Need("development_total")),
                eq.Need("lifetime_requests").GetDouble(),
                categories.Select(c => eq.Need("break_even_requests").Need(c.Id) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : (double?)null).ToList(),
                eq.Need("lifetime_grid").EnumerateArray().Select(g => (g.Need("lifetime_requests").GetDouble(), PerCategory(g.Need("per_functional_unit")))).ToList()) : null,
            Inputs = a.Need("inputs").EnumerateArray().Select(i => new InputRow(Text(i, "name")!, i.Need("value").GetDouble(), Text(i, "unit")!,
                Text(i, "provenance")!, Text(i, "source"), Text(i, "formula"), i.TryGetProperty("location", out var loc) ? loc.Need("line").GetInt32() : null)).ToList(),
            Inventory = Array(a, "inventory").Select(f => (Text(f, "name")!, Text(f, "compartment")!, f.Need("amount").GetDouble(), Text(f, "unit")!)).ToList(),
            InventoryByStage = Array(a, "inventory").Select(f => (IReadOnlyList<(string, double)>)(f.TryGetProperty("by_stage", out var b)
                ? b.EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())).ToList() : [])).ToList(),
            Hardware = Array(a, "hardware").Select(h => (Text(h, "scope")!, Text(h, "device")!, Text(h, "per_node")!, Text(h, "lifespan")!)).ToList(),
            Conventions = a.Need("conventions").EnumerateArray()
                .Select(c => (Text(c, "scope")!, Text(c, "site_name") ?? Text(c, "site")!, Text(c, "grid_name") ?? "", Text(c, "description")!)).ToList(),
            Warnings = a.Need("warnings").EnumerateArray().Select(w => (Text(w, "code")!, Text(w, "field")!, Text(w, "message")!)).ToList(),
            DataProvenance = a.TryGetProperty("data_provenance", out var dp)
                ? categories.Select(c => dp.Need(c.Id)).Select(x => (Number(x.Need("measured")), Number(x.Need("declared")), Number(x.Need("modelled")))).ToList()
                : [],
            Uncertainty = a.TryGetProperty("uncertainty", out var u) ? new UncertaintyReport(
                u.Need("iterations").GetInt32(), u.Need("seed").GetUInt64(),
                u.Need("inputs").EnumerateArray().Select(i => (Text(i, "name")!, Text(i, "distribution")!)).ToList(),
                StatsPerCategory(u.Need("totals")),
                u.Need("stages").EnumerateArray().Select(s => (Text(s, "stage")!, StatsPerCategory(s))).ToList(),
                u.TryGetProperty("histograms", out var h)
                    ? categories.Select(c => h.Need(c.Id)).Select(x => ((IReadOnlyList<double>)x.Need("edges").EnumerateArray().Select(e => e.GetDouble()).ToList(),
                        (IReadOnlyList<int>)x.Need("counts").EnumerateArray().Select(e => e.GetInt32()).ToList())).ToList()
                    : []) : null,
            Sensitivity = a.TryGetProperty("sensitivity", out var sens)
                ? sens.Need("inputs").EnumerateArray().Select(i => new SensitivityRow(Text(i, "name")!, Text(i, "distribution")!,
                    categories.Select(c => Number(i.Need(c.Id).Need("at_p5"))).ToList(),
                    categories.Select(c => Number(i.Need(c.Id).Need("at_p95"))).ToList(),
                    categories.Select(c => Number(i.Need(c.Id).Need("sobol_first"))).ToList(),
                    categories.Select(c => Number(i.Need(c.Id).Need("sobol_total"))).ToList())).ToList()
                : null,
            Amortisation = a.TryGetProperty("amortisation", out var am)
                ? am.Need("curve").EnumerateArray().Select(p => (p.Need("lifetime_requests").GetDouble(),
                    (IReadOnlyList<double>)categories.Select(c => p.Need(c.Id) is { ValueKind: JsonValueKind.Object } o ? o.Need("value").GetDouble() : Number(p.Need(c.Id))).ToList(),
                    categories.All(c => p.Need(c.Id).ValueKind == JsonValueKind.Object)
                        ? (IReadOnlyList<Stats>?)categories.Select(c => p.Need(c.Id)).Select(o => new Stats(double.NaN, o.Need("median").GetDouble(), double.NaN,
                            o.Need("p5").GetDouble(), o.Need("p95").GetDouble(), double.NaN, double.NaN)).ToList()
                        : null)).ToList()
                : null,
            CatalogVersion = Text(a.Need("catalog"), "version") ?? "",
            Sources = a.Need("catalog").Need("sources").EnumerateArray().Select(s => (Text(s, "key")!, Text(s, "citation")!, Text(s, "licence")!)).ToList(),
        };
    }

    private static ComparisonReport Comparison(JsonElement c)
    {
        var alternatives = c.Need("alternatives").EnumerateArray().ToList();
        var ids = alternatives.Count == 0 ? [] : alternatives[0].Need("totals").EnumerateObject().Select(p => p.Name).ToList();
        return new ComparisonReport(c.Need("iterations").GetInt32(),
            alternatives.Select(x => (Text(x, "id")!, (IReadOnlyList<double>)ids.Select(k => x.Need("totals").Need(k).GetDouble()).ToList(),
                (IReadOnlyList<Stats>)ids.Select(k => StatsOf(x.Need("uncertainty").Need(k))).ToList())).ToList(),
            c.Need("pairs").EnumerateArray().Select(p => (Text(p, "a")!, Text(p, "b")!,
                (IReadOnlyList<Stats>)ids.Select(k => StatsOf(p.Need("difference").Need(k))).ToList(),
                (IReadOnlyList<double>)ids.Select(k => p.Need("probability_a_lower").Need(k).GetDouble()).ToList())).ToList());
    }

    private static Stats StatsOf(JsonElement e) => new(Number(e.Need("mean")), Number(e.Need("median")), Number(e.Need("p2_5")),
        Number(e.Need("p5")), Number(e.Need("p95")), Number(e.Need("p97_5")), Number(e.Need("sd")));

    /// <summary>A field the schema requires: its absence is reported by name, not as a missing dictionary key.</summary>
    private static JsonElement Need(this JsonElement e, string name) => e.TryGetProperty(name, out var value) ? value
        : throw new ReportException($"The results lack the field '{name}' that schema '{Schema}' requires; write them again with 'cradle assess STUDY --format json' (a truncated or hand-edited file cannot be read).");

    private static List<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var array) ? [.. array.EnumerateArray()] : [];

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
