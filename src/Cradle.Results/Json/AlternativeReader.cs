using System.Globalization;
using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>
/// Reads one item of "alternatives". Fields added after the first results (energy, stage instances, every process, the
/// inventory, hardware, not-covered categories) may be absent from an older document; everything else is required.
/// </summary>
internal static class AlternativeReader
{
    public static AlternativeResults Read(ResultsNode a)
    {
        var categoriesNode = a.Need("categories");
        var categories = categoriesNode.Items().Select(c => new CategoryInfo(c.NeedText("id"), c.NeedText("name"), c.NeedText("unit"))).ToList();
        if (categories.Count == 0)
        {
            // Every table and chart has a column per category; an assessment always has at least one.
            throw categoriesNode.Wrong("at least one impact category");
        }
        IReadOnlyList<double> PerCategory(ResultsNode e) => categories.Select(c => e.Need(c.Id).NumberOrNaN()).ToList();
        return new AlternativeResults
        {
            Id = a.Text("id"),
            Description = a.Text("description"),
            Categories = categories,
            NotCoveredCategories = Array(a, "not_covered_categories").Select(c => new NotCoveredInfo(
                c.NeedText("id"), c.NeedText("name"), c.NeedText("method"), c.NeedText("reason"), c.Text("stage"))).ToList(),
            Totals = PerCategory(a.Need("totals")),
            Stages = a.Need("stages").Items()
                .Select(s => new StageResult(s.NeedText("stage"), PerCategory(s.Need("values")), PerCategory(s.Need("shares")), s.Need("significant").Bool())).ToList(),
            StageInstances = Array(a, "stage_instances")
                .Select(s => new StageInstanceResult(s.NeedText("stage_id"), s.NeedText("stage"), PerCategory(s.Need("values")), PerCategory(s.Need("shares")))).ToList(),
            RequestComposition = Array(a, "request_composition")
                .Select(t => new RequestTermResult(t.NeedText("term"), PerCategory(t.Need("values")), PerCategory(t.Need("shares")))).ToList(),
            Fleets = Array(a, "fleets")
                .Select(f => new FleetResult(f.NeedText("id"), f.Need("share").Double(), PerCategory(f.Need("per_request")), PerCategory(f.Need("values")), PerCategory(f.Need("shares")))).ToList(),
            Energy = Energy(a),
            SignificantIssues = Array(a, "significant_issues")
                .Select(i => new SignificantIssueInfo(i.NeedText("stage"), i.NeedText("category"), i.Need("share").Double())).ToList(),
            DataProvenance = a.TryGet("data_provenance", out var dp)
                ? categories.Select(c => dp.Need(c.Id)).Select(x => new ProvenanceShareInfo(x.Need("measured").NumberOrNaN(), x.Need("declared").NumberOrNaN(), x.Need("modelled").NumberOrNaN())).ToList()
                : [],
            Processes = Processes(a.Need("processes"), PerCategory),
            AllProcesses = a.TryGet("all_processes", out var all) ? Processes(all, PerCategory) : [],
            Uncertainty = a.TryGet("uncertainty", out var u) ? Uncertainty(u, categories) : null,
            EquationOne = a.TryGet("equation_1", out var eq) ? new EquationOneResults(
                PerCategory(eq.Need("marginal_inference")), PerCategory(eq.Need("amortised_embodied")),
                PerCategory(eq.Need("amortised_development")), PerCategory(eq.Need("development_total")),
                eq.Need("lifetime_requests").Double(),
                categories.Select(c => eq.Need("break_even_requests").TryGet(c.Id, out var n) ? n.Double() : (double?)null).ToList(),
                eq.Need("lifetime_grid").Items().Select(g => (g.Need("lifetime_requests").Double(), PerCategory(g.Need("per_functional_unit")))).ToList()) : null,
            Inputs = a.Need("inputs").Items().Select(Input).ToList(),
            Inventory = Array(a, "inventory").Select(f => new InventoryRow(f.Text("id") ?? "", f.NeedText("name"), f.NeedText("compartment"), f.Need("amount").Double(), f.NeedText("unit"),
                f.TryGet("by_stage", out var b) ? b.Properties().Select(p => (p.Name, p.Value.Double())).ToList() : [])).ToList(),
            Hardware = Array(a, "hardware").Select(h => new HardwareRow(h.NeedText("scope"), h.Text("hardware"), h.NeedText("device"), h.NeedText("per_node"), h.NeedText("lifespan"))
            {
                Allocation = h.Text("allocation"),
            }).ToList(),
            Sensitivity = a.TryGet("sensitivity", out var sens) ? Sensitivity(sens, categories) : null,
            Amortisation = a.TryGet("amortisation", out var am) ? Amortisation(am, categories) : null,
            Conventions = a.Need("conventions").Items().Select(Convention).ToList(),
            CatalogVersion = a.Need("catalog").Text("version") ?? "",
            CatalogEntries = a.Need("catalog").TryGet("entries", out var entries) ? entries.Items().Select(e => e.AsText()).ToList() : [],
            Sources = a.Need("catalog").Need("sources").Items().Select(s => new SourceRow(s.NeedText("key"), s.NeedText("citation"), s.NeedText("licence"))).ToList(),
            Warnings = a.Need("warnings").Items().Select(w => new WarningRow(w.NeedText("code"), w.NeedText("field"), w.NeedText("message"),
                w.TryGet("line", out var line) ? line.Int() : null, w.TryGet("column", out var column) ? column.Int() : null)).ToList(),
        };
    }

    private static List<ProcessResult> Processes(ResultsNode node, Func<ResultsNode, IReadOnlyList<double>> perCategory) =>
        node.Items().Select(p => new ProcessResult(p.Text("id") ?? "", p.NeedText("name"), p.NeedText("stage"), p.Text("stage_id"), perCategory(p.Need("values")))).ToList();

    private static InputRow Input(ResultsNode i)
    {
        var located = i.TryGet("location", out var location);
        return new InputRow(i.NeedText("name"), i.Need("value").Double(), i.NeedText("unit"), i.NeedText("provenance"), i.Text("source"), i.Text("formula"),
            located ? location.Need("line").Int() : null)
        {
            Note = i.Text("note"),
            Column = located && location.TryGet("column", out var column) ? column.Int() : null,
        };
    }

    private static ConventionRow Convention(ResultsNode c) =>
        new(c.NeedText("scope"), c.NeedText("site"), c.Text("site_name"), c.Text("grid_name"), c.NeedText("description"))
        {
            EnergyBoundary = c.Text("energy_boundary"),
            PueApplied = c.TryGet("pue_applied", out var pue) ? pue.Bool() : null,
            NodePowerAdded = c.TryGet("node_power_added", out var node) ? node.Bool() : null,
            OffsiteWaterFrom = c.Text("offsite_water_from"),
            GridBasis = c.Text("grid_basis"),
            CarbonBasis = c.Text("carbon_basis"),
            CarbonFactorFrom = c.Text("carbon_factor_from"),
        };

    /// <summary>The "energy" object; null when the results predate it.</summary>
    private static EnergyResults? Energy(ResultsNode alternative)
    {
        if (!alternative.TryGet("energy", out var energy))
        {
            return null;
        }
        if (energy.NeedText("unit") != EnergyResults.Unit)
        {
            throw energy.Need("unit").Wrong($"'{EnergyResults.Unit}'");
        }
        return new EnergyResults(energy.Need("it_energy").Double(), energy.Need("facility_energy").Double(), energy.Need("grid_electricity").Double(),
            energy.Need("scopes").Items().Select(s => new EnergyScopeRow(s.NeedText("scope"), s.NeedText("stage"),
                s.Need("it_energy").Double(), s.Need("facility_energy").Double(), s.Need("grid_electricity").Double(), s.NeedText("convention"))
            {
                EnergyBoundary = s.NeedText("energy_boundary"),
                PueApplied = s.Need("pue_applied").Bool(),
                NodePowerAdded = s.Need("node_power_added").Bool(),
                Uncertainty = EnergyJson.ReadUncertainty(s),
            }).ToList())
        {
            Uncertainty = EnergyJson.ReadUncertainty(energy),
        };
    }

    private static UncertaintyResults Uncertainty(ResultsNode u, List<CategoryInfo> categories)
    {
        IReadOnlyList<Stats> StatsPerCategory(ResultsNode e) => categories.Select(c => StatsReader.Read(e.Need(c.Id))).ToList();
        var iterations = u.Need("iterations");
        return new UncertaintyResults(
            iterations.Int() > 0 ? iterations.Int() : throw iterations.Wrong("a number of draws above 0"),
            u.Need("seed").UInt64(),
            u.Need("inputs").Items().Select(i => (i.NeedText("name"), i.NeedText("distribution"))).ToList(),
            StatsPerCategory(u.Need("totals")),
            u.Need("stages").Items().Select(s => (s.NeedText("stage"), StatsPerCategory(s))).ToList(),
            u.TryGet("histograms", out var h)
                ? categories.Select(c => Histogram(h.Need(c.Id))).ToList()
                : [])
        {
            ExactInputs = u.TryGet("exact_inputs", out var exact) ? exact.Int() : null,
        };
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

    private static SensitivityResults Sensitivity(ResultsNode sens, List<CategoryInfo> categories)
    {
        var inputs = sens.Need("inputs").Items().ToList();
        IReadOnlyList<double> Of(ResultsNode i, string name) => categories.Select(c => i.Need(c.Id).Need(name).NumberOrNaN()).ToList();
        IReadOnlyList<double> Optional(ResultsNode i, string name) =>
            categories.Select(c => i.Need(c.Id).TryGet(name, out var v) ? v.Double() : double.NaN).ToList();
        return new SensitivityResults(sens.Text("id"),
            sens.TryGet("sobol_base_samples", out var samples) ? samples.Int() : 0,
            sens.TryGet("seed", out var seed) ? seed.UInt64() : 0,
            // Each input repeats the total it is varied around; the first one says it.
            inputs.Count == 0 ? [] : Optional(inputs[0], "total"),
            inputs.Select(i => new SensitivityRow(i.NeedText("name"), i.NeedText("distribution"), Of(i, "at_p5"), Of(i, "at_p95"), Of(i, "sobol_first"), Of(i, "sobol_total"))
            {
                FirstLow = Optional(i, "sobol_first_low"),
                FirstHigh = Optional(i, "sobol_first_high"),
                TotalLow = Optional(i, "sobol_total_low"),
                TotalHigh = Optional(i, "sobol_total_high"),
            }).ToList());
    }

    private static AmortisationResults Amortisation(ResultsNode am, List<CategoryInfo> categories)
    {
        IReadOnlyList<double?> Nullable(string name) =>
            am.TryGet(name, out var node) ? categories.Select(c => node.TryGet(c.Id, out var n) ? n.Double() : (double?)null).ToList() : categories.Select(_ => (double?)null).ToList();
        return new AmortisationResults(am.Text("id"), am.TryGet("iterations", out var iterations) ? iterations.Int() : 0,
            am.Need("curve").Items().Select(p => new AmortisationPoint(p.Need("lifetime_requests").Double(),
                categories.Select(c => p.Need(c.Id) is { Kind: JsonValueKind.Object } o ? o.Need("value").Double() : p.Need(c.Id).NumberOrNaN()).ToList(),
                categories.All(c => p.Need(c.Id).Kind == JsonValueKind.Object)
                    ? categories.Select(c => p.Need(c.Id)).Select(o => new Band(o.Need("median").Double(), o.Need("p5").Double(), o.Need("p95").Double())).ToList()
                    : null)).ToList(),
            Nullable("break_even_requests"),
            am.TryGet("embodied_share", out var share) ? share.Double() : 0,
            Nullable("embodied_below_from_requests"));
    }

    private static List<ResultsNode> Array(ResultsNode e, string name) =>
        e.TryGet(name, out var array) ? [.. array.Items()] : [];
}
