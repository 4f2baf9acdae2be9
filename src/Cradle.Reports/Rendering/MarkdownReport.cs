using System.Globalization;
using Cradle.Results;

namespace Cradle.Reports.Rendering;

/// <summary>
/// The report as Markdown, for a paper appendix or a README: the ISO 14044 sections as tables. Numbers are written in
/// the invariant culture (a decimal point, four significant digits) whatever the machine's culture.
/// </summary>
public static class MarkdownReport
{
    /// <summary>A stage's value and share where its declared footprint does not give the category.</summary>
    private static readonly string[] NotCoveredCells = ["not covered", "–"];

    /// <summary>Writes <paramref name="model"/> to <paramref name="writer"/>.</summary>
    public static void Write(AssessmentResults model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"# {T(model.Name)}");
        writer.WriteLine();
        if (model.Description is not null)
        {
            writer.WriteLine(T(model.Description));
            writer.WriteLine();
        }
        GoalAndScope(model, writer);
        Inventory(model, writer);
        ImpactAssessment(model, writer);
        Interpretation(model, writer);
        Limitations(model, writer);
        References(model, writer);
    }

    private static void GoalAndScope(AssessmentResults model, TextWriter w)
    {
        w.WriteLine("## Goal and scope");
        w.WriteLine();
        w.WriteLine($"- **Application:** {T(model.Goal.Application)}");
        w.WriteLine($"- **Audience:** {T(model.Goal.Audience)}; **approach:** {T(model.Goal.Approach)}");
        if (model.Goal.Reasons is not null)
        {
            w.WriteLine($"- **Reasons:** {T(model.Goal.Reasons)}");
        }
        w.WriteLine($"- **Functional unit:** {T(model.FunctionalUnit.Amount)} — {T(model.FunctionalUnit.Description)}");
        foreach (var constraint in new[] { model.FunctionalUnit.Latency, model.FunctionalUnit.Quality }.OfType<string>())
        {
            w.WriteLine($"  - constraint: {T(constraint)}");
        }
        w.WriteLine($"- **System boundary:** includes {T(string.Join(", ", model.Included))}");
        foreach (var (stage, reason) in model.Excluded)
        {
            w.WriteLine($"  - excludes *{T(stage)}*: {T(reason)}");
        }
        w.WriteLine();
    }

    private static void Inventory(AssessmentResults model, TextWriter w)
    {
        var first = model.Alternatives[0];
        w.WriteLine("## Inventory");
        w.WriteLine();
        w.WriteLine($"Inputs{(model.Alternatives.Count > 1 ? $" of *{T(first.Title)}* (the other alternatives change only what they override)" : "")}, with how each was obtained:");
        w.WriteLine();
        Table(w, ["Input", "Value", "Unit", "Provenance", "Source or formula"], first.Inputs.Select(i => new[]
        {
            $"`{i.Name}`", NumberFormat.Format(i.Value), i.Unit == "1" ? "" : Cell(i.Unit), Cell(i.Provenance), Cell(i.Source ?? (i.Formula is null ? "" : $"= {i.Formula}")),
        }), numeric: [1]);
        if (first.Inventory.Count > 0)
        {
            var stages = first.InventoryByStage.SelectMany(s => s.Select(x => x.Stage)).Distinct().ToList();
            w.WriteLine($"Elementary flows per functional unit ({T(model.FunctionalUnit.Amount)}), by stage:");
            w.WriteLine();
            Table(w, ["Flow", "Compartment", "Unit", "Total", .. stages.Select(T)], first.Inventory.Select((f, i) => new[] { Cell(f.Name), Cell(f.Compartment), Cell(f.Unit), NumberFormat.Format(f.Amount) }
                .Concat(stages.Select(s => i < first.InventoryByStage.Count && first.InventoryByStage[i].Any(x => x.Stage == s)
                    ? NumberFormat.Format(first.InventoryByStage[i].First(x => x.Stage == s).Amount) : "")).ToArray()), numeric: [.. Enumerable.Range(3, stages.Count + 1)]);
        }
    }

    private static void ImpactAssessment(AssessmentResults model, TextWriter w)
    {
        var categories = model.Alternatives[0].Categories;
        w.WriteLine("## Impact assessment");
        w.WriteLine();
        w.WriteLine($"Per functional unit ({T(model.FunctionalUnit.Amount)}):");
        w.WriteLine();
        Table(w, ["Alternative", .. categories.Select(Header)], model.Alternatives.Select(a => new[] { Cell(a.Title) }.Concat(a.Totals.Select(NumberFormat.Format)).ToArray()));
        foreach (var method in model.Alternatives[0].NotCovered.GroupBy(c => c.Method, StringComparer.Ordinal))
        {
            w.WriteLine($"Not covered ({T(method.Key)}; not assessed, not zero): {T(string.Join("; ", method.Select(c => c.Name)))}.");
            w.WriteLine();
        }
        foreach (var a in model.Alternatives)
        {
            w.WriteLine($"Contributions by life-cycle stage — *{T(a.Title)}* (significant stages in bold):");
            w.WriteLine();
            Table(w, ["Stage", .. categories.SelectMany(c => new[] { Header(c), "share" })], a.Stages.Where(s => s.Values.Any(v => v != 0)).Select(s =>
                new[] { s.Significant ? $"**{Cell(s.Stage)}**" : Cell(s.Stage) }.Concat(s.Values.SelectMany((v, k) => v == 0 && a.IsNotCovered(s.Stage, categories[k].Id)
                    ? NotCoveredCells : new[] { NumberFormat.Format(v), NumberFormat.Percent(s.Shares[k]) })).ToArray()));
            if (a.Energy is { Scopes.Count: > 0 } energy)
            {
                w.WriteLine($"Energy drawn per functional unit — *{T(a.Title)}*:");
                w.WriteLine();
                Table(w, ["Stage", $"IT ({EnergyResults.Unit})", $"facility ({EnergyResults.Unit})", $"grid ({EnergyResults.Unit})", "Convention"],
                    energy.Scopes.Select(e => (string[])[Cell(e.Label), .. EnergyCells.Of(e.ItEnergy, e.FacilityEnergy, e.GridElectricity, e.Uncertainty), Cell(e.Convention)])
                        .Append(["total", .. EnergyCells.Of(energy.ItEnergy, energy.FacilityEnergy, energy.GridElectricity, energy.Uncertainty), ""]),
                    numeric: [1, 2, 3]);
                if (energy.Uncertainty is not null && a.Uncertainty is { } draws)
                {
                    w.WriteLine(EnergyCells.Note(draws.Iterations));
                    w.WriteLine();
                }
            }
            if (a.RequestComposition.Count > 0)
            {
                w.WriteLine($"Composition of one request — *{T(a.Title)}* (per functional unit; the terms add up to the total):");
                w.WriteLine();
                Table(w, ["Term", .. categories.SelectMany(c => new[] { Header(c), "share" })], a.RequestComposition.Select(t =>
                    new[] { Cell(t.Term) }.Concat(t.Values.SelectMany((v, k) => new[] { NumberFormat.Format(v), NumberFormat.Percent(t.Shares[k]) })).ToArray()));
            }
            if (a.Fleets.Count > 0)
            {
                w.WriteLine($"Serving fleets — *{T(a.Title)}* (share of the requests; footprint of one request on the fleet; its contribution per functional unit):");
                w.WriteLine();
                Table(w, ["Fleet", "share", .. categories.SelectMany(c => new[] { $"{Header(c)} per request", "contribution", "share" })], a.Fleets.Select(f =>
                    new[] { Cell(f.Id), NumberFormat.Percent(f.Share) }
                        .Concat(f.Values.SelectMany((v, k) => new[] { NumberFormat.Format(f.PerRequest[k]), NumberFormat.Format(v), NumberFormat.Percent(f.Shares[k]) })).ToArray()));
            }
        }
    }

    private static void Interpretation(AssessmentResults model, TextWriter w)
    {
        w.WriteLine("## Interpretation");
        w.WriteLine();
        foreach (var a in model.Alternatives)
        {
            var categories = a.Categories;
            w.WriteLine($"### {T(a.Title)}");
            w.WriteLine();
            if (a.DataProvenance.Count > 0)
            {
                w.WriteLine("Share of each result resting on measured / declared / modelled activity data: " + string.Join("; ", categories.Select((c, k) =>
                    $"{T(c.Id)} {NumberFormat.ProvenanceShares(a.DataProvenance[k].Measured, a.DataProvenance[k].Declared, a.DataProvenance[k].Modelled)}")) + ".");
                w.WriteLine();
            }
            if (a.EquationOne is { } eq)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Equation (1) of the position paper, per functional unit, at a lifetime of {NumberFormat.Format(eq.Lifetime)} requests:"));
                w.WriteLine();
                Table(w, ["Term", .. categories.Select(Header)], [
                    ["marginal inference", .. eq.Marginal.Select(NumberFormat.Format)],
                    ["amortised embodied (serving hardware)", .. eq.Embodied.Select(NumberFormat.Format)],
                    // A development zero in a category a declared stage does not give is a gap, and its "never" too.
                    ["amortised experimentation + training", .. a.DevelopmentCells(eq.DevelopmentTotal, eq.Development.Select(NumberFormat.Format))],
                    ["experimentation + training, whole", .. a.DevelopmentCells(eq.DevelopmentTotal, eq.DevelopmentTotal.Select(NumberFormat.Format))],
                    ["break-even lifetime (requests)", .. a.DevelopmentCells(eq.DevelopmentTotal, eq.BreakEven.Select(b => b is null ? "never" : NumberFormat.Format(b.Value)))],
                ]);
            }
            if (a.Amortisation is { } curve)
            {
                w.WriteLine("Cost per functional unit against lifetime requests (value; median and 90 % band over the Monte Carlo draws):");
                w.WriteLine();
                Table(w, ["Lifetime", .. categories.Select(Header)], curve.Curve.Select(p => new[] { NumberFormat.Format(p.Lifetime) }
                    .Concat(p.Values.Select((v, k) => p.Bands is null ? NumberFormat.Format(v)
                        : $"{NumberFormat.Format(v)} ({NumberFormat.Format(p.Bands[k].Median)} [{NumberFormat.Format(p.Bands[k].P5)}, {NumberFormat.Format(p.Bands[k].P95)}])")).ToArray()));
            }
            if (a.Uncertainty is { } u)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Uncertainty: {u.Iterations:N0} Monte Carlo draws (seed {u.Seed}), {u.Inputs.Count} uncertain inputs:"));
                w.WriteLine();
                Table(w, ["", .. categories.Select(Header)], [
                    ["mean", .. u.Totals.Select(s => NumberFormat.Format(s.Mean))],
                    ["median", .. u.Totals.Select(s => NumberFormat.Format(s.Median))],
                    ["95 % interval", .. u.Totals.Select(s => $"[{NumberFormat.Format(s.P025)}, {NumberFormat.Format(s.P975)}]")],
                ]);
            }
            if (a.Sensitivity is { Inputs.Count: > 0 } sensitivity)
            {
                w.WriteLine($"Sensitivity of {T(categories[0].Id)} (inputs at their 5th and 95th percentiles; Sobol indices):");
                w.WriteLine();
                Table(w, ["Input", "at 5 %", "at 95 %", "first order", "total order"], sensitivity.Inputs
                    .OrderByDescending(r => Math.Abs(r.AtP95[0] - r.AtP5[0]))
                    .Select(r => new[] { $"`{r.Name}`", NumberFormat.Format(r.AtP5[0]), NumberFormat.Format(r.AtP95[0]), Index(r.First[0]), Index(r.TotalOrder[0]) }));
            }
        }
        if (model.Comparison is { } comparison)
        {
            var ids = model.Alternatives[0].Categories.Select(c => c.Id).ToList();
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### Comparison on common random numbers ({comparison.Iterations:N0} draws)"));
            w.WriteLine();
            var pairs = PairListing.Select(comparison, model.Alternatives[0].Title, out var note);
            if (note is not null)
            {
                w.WriteLine(T(note));
                w.WriteLine();
            }
            Table(w, ["A", "B", .. ids.Select(id => $"P(A < B), {T(id)}")], pairs.Select(p => new[] { Cell(p.A), Cell(p.B) }
                .Concat(p.ProbabilityALower.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture))).ToArray()), numeric: [.. Enumerable.Range(2, ids.Count)]);
            // The functional unit's constraints against what each alternative states it delivers (only when there are any).
            foreach (var (heading, lines) in new[] { ("Service delivered (functional unit constraints):", ServiceListing.Findings(comparison)),
                (ServiceListing.SecondaryHeading + ":", ServiceListing.PerQualityPoint(comparison)) }.Where(x => x.Item2.Count > 0))
            {
                w.WriteLine(T(heading));
                w.WriteLine();
                foreach (var line in lines)
                {
                    w.WriteLine("- " + T(line));
                }
                w.WriteLine();
            }
        }
        if (model.Consistency.Count > 0)
        {
            w.WriteLine("### Consistency");
            w.WriteLine();
            foreach (var item in model.Consistency)
            {
                w.WriteLine($"- `{item.Parameter}` {(item.ChangedByAlternative ? "is changed by the alternatives (a design difference)" : "comes from different sources (a data difference)")}: "
                    + T(string.Join("; ", item.Sources.Select(s => $"{s.Alternative}: {s.Source}"))));
            }
            w.WriteLine();
        }
    }

    private static void Limitations(AssessmentResults model, TextWriter w)
    {
        var first = model.Alternatives[0];
        w.WriteLine("## Limitations");
        w.WriteLine();
        foreach (var description in first.Conventions.Select(c => c.Description))
        {
            w.WriteLine($"- Energy convention — {T(description)}");
        }
        // An alternative can change conventions (PUE, what an energy covers, the water formula): show where it does.
        foreach (var a in model.Alternatives.Skip(1))
        {
            foreach (var description in a.Conventions.Select(c => c.Description).Where(d => first.Conventions.All(f => f.Description != d)))
            {
                w.WriteLine($"- Energy convention in *{T(a.Title)}* — {T(description)}");
            }
        }
        foreach (var (code, field, message) in model.Alternatives.SelectMany(a => a.Warnings).Select(x => (x.Code, x.Field, x.Message)).Distinct())
        {
            w.WriteLine($"- `{code}` at `{field}`: {T(message)}");
        }
        foreach (var (stage, reason) in model.Excluded)
        {
            w.WriteLine($"- Not assessed: {T(stage)} — {T(reason)}");
        }
        w.WriteLine();
    }

    private static void References(AssessmentResults model, TextWriter w)
    {
        var sources = model.Alternatives.SelectMany(a => a.Sources).Distinct().ToList();
        w.WriteLine("## References");
        w.WriteLine();
        w.WriteLine($"Reference catalog {T(model.Alternatives[0].CatalogVersion)}.{(sources.Count == 0 ? " No catalog figure was used." : "")}");
        w.WriteLine();
        foreach (var (key, citation, licence) in sources)
        {
            w.WriteLine($"- [{T(key)}] {T(citation)} Licence: {T(licence)}.");
        }
        var cited = model.Alternatives[0].Inputs.Select(i => i.Source).OfType<string>().Where(s => sources.All(x => x.Key != s)).Distinct().ToList();
        if (cited.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Sources cited by the study's inputs:");
            w.WriteLine();
            foreach (var source in cited)
            {
                w.WriteLine($"- {Cell(source)}");
            }
        }
        if (model.Provenance is { } provenance)
        {
            w.WriteLine();
            w.WriteLine("### Provenance");
            w.WriteLine();
            w.WriteLine(T(ProvenanceText.Lead));
            w.WriteLine();
            foreach (var (label, text) in ProvenanceText.Items(provenance))
            {
                w.WriteLine($"- **{label}:** {T(text)}");
            }
        }
    }

    private static string Header(CategoryInfo c) => $"{T(c.Id)} ({T(c.Unit)})";

    private static string Index(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A Markdown table; pipes in cells are escaped.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="header">Column headers.</param>
    /// <param name="rows">Cells, already formatted.</param>
    /// <param name="numeric">Right-aligned columns; null: every column but the first.</param>
    internal static void Table(TextWriter w, IReadOnlyList<string> header, IEnumerable<string[]> rows, IReadOnlyCollection<int>? numeric = null)
    {
        w.WriteLine("| " + string.Join(" | ", header.Select(Escape)) + " |");
        w.WriteLine("|" + string.Concat(header.Select((_, i) => (numeric?.Contains(i) ?? i > 0) ? "---:|" : "---|")));
        foreach (var row in rows)
        {
            w.WriteLine("| " + string.Join(" | ", row) + " |");
        }
        w.WriteLine();
    }

    // Headers are written here (some hold study text, escaped by the caller); only the table's own syntax is escaped.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string T(string? text) => MarkdownText.Escape(text);

    private static string Cell(string? text) => MarkdownText.Cell(text);
}
