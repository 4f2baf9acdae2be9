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
            var schema = root.TryGetProperty("schema", out var s) ? s.GetString() : null;
            if (schema != Schema)
            {
                throw new ReportException($"Expected results of schema '{Schema}' (from 'cradle assess --format json'), found '{schema ?? "no schema"}'.");
            }
            var study = root.GetProperty("study");
            var goal = study.GetProperty("goal");
            var fu = study.GetProperty("functional_unit");
            var boundary = study.GetProperty("system_boundary");
            return new ReportModel(
                Text(study, "name") ?? "", Text(study, "file") ?? "", Text(study, "description"),
                new GoalInfo(Text(goal, "application") ?? "", Text(goal, "audience") ?? "", Text(goal, "approach") ?? "", Text(goal, "reasons")),
                new FunctionalUnitInfo(Text(fu, "amount") ?? "", Text(fu, "description") ?? "",
                    fu.TryGetProperty("latency", out var l) ? $"p{l.GetProperty("percentile").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)} ≤ {Text(l, "max")}" : null,
                    fu.TryGetProperty("quality", out var q) ? $"{Text(q, "benchmark")} {Text(q, "metric") ?? "score"} ≥ {q.GetProperty("min").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null),
                boundary.GetProperty("included").EnumerateArray().Select(e => e.GetString()!).ToList(),
                boundary.GetProperty("excluded").EnumerateArray().Select(e => (Text(e, "stage")!, Text(e, "reason")!)).ToList(),
                root.GetProperty("alternatives").EnumerateArray().Select(Alternative).ToList(),
                root.TryGetProperty("comparison", out var c) ? Comparison(c) : null,
                root.TryGetProperty("consistency", out var cs)
                    ? cs.EnumerateArray().Select(n => new ConsistencyItem(Text(n, "parameter")!, n.GetProperty("changed_by_alternative").GetBoolean(),
                        n.GetProperty("sources").EnumerateArray().Select(x => (Text(x, "alternative")!, Text(x, "source")!)).ToList())).ToList()
                    : []);
        }
    }

    private static AlternativeReport Alternative(JsonElement a)
    {
        var categories = a.GetProperty("categories").EnumerateArray().Select(c => new CategoryInfo(Text(c, "id")!, Text(c, "name")!, Text(c, "unit")!)).ToList();
        IReadOnlyList<double> PerCategory(JsonElement e) => categories.Select(c => Number(e.GetProperty(c.Id))).ToList();
        IReadOnlyList<Stats> StatsPerCategory(JsonElement e) => categories.Select(c => StatsOf(e.GetProperty(c.Id))).ToList();
        return new AlternativeReport
        {
            Id = Text(a, "id"),
            Description = Text(a, "description"),
            Categories = categories,
            Totals = PerCategory(a.GetProperty("totals")),
            Stages = a.GetProperty("stages").EnumerateArray()
                .Select(s => (Text(s, "stage")!, PerCategory(s.GetProperty("values")), PerCategory(s.GetProperty("shares")), s.GetProperty("significant").GetBoolean())).ToList(),
            Processes = a.GetProperty("processes").EnumerateArray().Select(p => (Text(p, "name")!, Text(p, "stage")!, PerCategory(p.GetProperty("values")))).ToList(),
            EquationOne = a.TryGetProperty("equation_1", out var eq) ? new EquationOneReport(
                PerCategory(eq.GetProperty("marginal_inference")), PerCategory(eq.GetProperty("amortised_embodied")),
                PerCategory(eq.GetProperty("amortised_development")), PerCategory(eq.GetProperty("development_total")),
                eq.GetProperty("lifetime_requests").GetDouble(),
                categories.Select(c => eq.GetProperty("break_even_requests").GetProperty(c.Id) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : (double?)null).ToList(),
                eq.GetProperty("lifetime_grid").EnumerateArray().Select(g => (g.GetProperty("lifetime_requests").GetDouble(), PerCategory(g.GetProperty("per_functional_unit")))).ToList()) : null,
            Inputs = a.GetProperty("inputs").EnumerateArray().Select(i => new InputRow(Text(i, "name")!, i.GetProperty("value").GetDouble(), Text(i, "unit")!,
                Text(i, "provenance")!, Text(i, "source"), Text(i, "formula"), i.TryGetProperty("location", out var loc) ? loc.GetProperty("line").GetInt32() : null)).ToList(),
            Inventory = Array(a, "inventory").Select(f => (Text(f, "name")!, Text(f, "compartment")!, f.GetProperty("amount").GetDouble(), Text(f, "unit")!)).ToList(),
            InventoryByStage = Array(a, "inventory").Select(f => (IReadOnlyList<(string, double)>)(f.TryGetProperty("by_stage", out var b)
                ? b.EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())).ToList() : [])).ToList(),
            Hardware = Array(a, "hardware").Select(h => (Text(h, "scope")!, Text(h, "device")!, Text(h, "per_node")!, Text(h, "lifespan")!)).ToList(),
            Conventions = a.GetProperty("conventions").EnumerateArray()
                .Select(c => (Text(c, "scope")!, Text(c, "site_name") ?? Text(c, "site")!, Text(c, "grid_name") ?? "", Text(c, "description")!)).ToList(),
            Warnings = a.GetProperty("warnings").EnumerateArray().Select(w => (Text(w, "code")!, Text(w, "field")!, Text(w, "message")!)).ToList(),
            DataProvenance = a.TryGetProperty("data_provenance", out var dp)
                ? categories.Select(c => dp.GetProperty(c.Id)).Select(x => (Number(x.GetProperty("measured")), Number(x.GetProperty("declared")), Number(x.GetProperty("modelled")))).ToList()
                : [],
            Uncertainty = a.TryGetProperty("uncertainty", out var u) ? new UncertaintyReport(
                u.GetProperty("iterations").GetInt32(), u.GetProperty("seed").GetUInt64(),
                u.GetProperty("inputs").EnumerateArray().Select(i => (Text(i, "name")!, Text(i, "distribution")!)).ToList(),
                StatsPerCategory(u.GetProperty("totals")),
                u.GetProperty("stages").EnumerateArray().Select(s => (Text(s, "stage")!, StatsPerCategory(s))).ToList(),
                u.TryGetProperty("histograms", out var h)
                    ? categories.Select(c => h.GetProperty(c.Id)).Select(x => ((IReadOnlyList<double>)x.GetProperty("edges").EnumerateArray().Select(e => e.GetDouble()).ToList(),
                        (IReadOnlyList<int>)x.GetProperty("counts").EnumerateArray().Select(e => e.GetInt32()).ToList())).ToList()
                    : []) : null,
            Sensitivity = a.TryGetProperty("sensitivity", out var sens)
                ? sens.GetProperty("inputs").EnumerateArray().Select(i => new SensitivityRow(Text(i, "name")!, Text(i, "distribution")!,
                    categories.Select(c => Number(i.GetProperty(c.Id).GetProperty("at_p5"))).ToList(),
                    categories.Select(c => Number(i.GetProperty(c.Id).GetProperty("at_p95"))).ToList(),
                    categories.Select(c => Number(i.GetProperty(c.Id).GetProperty("sobol_first"))).ToList(),
                    categories.Select(c => Number(i.GetProperty(c.Id).GetProperty("sobol_total"))).ToList())).ToList()
                : null,
            Amortisation = a.TryGetProperty("amortisation", out var am)
                ? am.GetProperty("curve").EnumerateArray().Select(p => (p.GetProperty("lifetime_requests").GetDouble(),
                    (IReadOnlyList<double>)categories.Select(c => p.GetProperty(c.Id) is { ValueKind: JsonValueKind.Object } o ? o.GetProperty("value").GetDouble() : Number(p.GetProperty(c.Id))).ToList(),
                    categories.All(c => p.GetProperty(c.Id).ValueKind == JsonValueKind.Object)
                        ? (IReadOnlyList<Stats>?)categories.Select(c => p.GetProperty(c.Id)).Select(o => new Stats(double.NaN, o.GetProperty("median").GetDouble(), double.NaN,
                            o.GetProperty("p5").GetDouble(), o.GetProperty("p95").GetDouble(), double.NaN, double.NaN)).ToList()
                        : null)).ToList()
                : null,
            CatalogVersion = Text(a.GetProperty("catalog"), "version") ?? "",
            Sources = a.GetProperty("catalog").GetProperty("sources").EnumerateArray().Select(s => (Text(s, "key")!, Text(s, "citation")!, Text(s, "licence")!)).ToList(),
        };
    }

    private static ComparisonReport Comparison(JsonElement c)
    {
        var alternatives = c.GetProperty("alternatives").EnumerateArray().ToList();
        var ids = alternatives.Count == 0 ? [] : alternatives[0].GetProperty("totals").EnumerateObject().Select(p => p.Name).ToList();
        return new ComparisonReport(c.GetProperty("iterations").GetInt32(),
            alternatives.Select(x => (Text(x, "id")!, (IReadOnlyList<double>)ids.Select(k => x.GetProperty("totals").GetProperty(k).GetDouble()).ToList(),
                (IReadOnlyList<Stats>)ids.Select(k => StatsOf(x.GetProperty("uncertainty").GetProperty(k))).ToList())).ToList(),
            c.GetProperty("pairs").EnumerateArray().Select(p => (Text(p, "a")!, Text(p, "b")!,
                (IReadOnlyList<Stats>)ids.Select(k => StatsOf(p.GetProperty("difference").GetProperty(k))).ToList(),
                (IReadOnlyList<double>)ids.Select(k => p.GetProperty("probability_a_lower").GetProperty(k).GetDouble()).ToList())).ToList());
    }

    private static Stats StatsOf(JsonElement e) => new(Number(e.GetProperty("mean")), Number(e.GetProperty("median")), Number(e.GetProperty("p2_5")),
        Number(e.GetProperty("p5")), Number(e.GetProperty("p95")), Number(e.GetProperty("p97_5")), Number(e.GetProperty("sd")));

    private static List<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var array) ? [.. array.EnumerateArray()] : [];

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
