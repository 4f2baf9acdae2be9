using System.Globalization;
using Cradle.Studies.Assessment;
using Cradle.Studies.Definition;

using Cradle.Reports;

namespace Cradle.Cli.Rendering;

/// <summary>Writes an assessment as aligned plain-text tables for a terminal (invariant culture, no colour).</summary>
public static class TableRenderer
{
    private const int LabelWidth = 46;
    private const int ColumnWidth = 20;

    /// <summary>Writes <paramref name="assessment"/> to <paramref name="writer"/>.</summary>
    public static void Write(StudyAssessment assessment, TextWriter writer)
    {
        var study = assessment.Study;
        writer.WriteLine(study.Name);
        writer.WriteLine(new string('=', Math.Min(100, study.Name.Length)));
        writer.WriteLine($"Functional unit: {study.FunctionalUnit.Amount.Text} — {Collapse(study.FunctionalUnit.Description)}");
        if (study.FunctionalUnit.Latency is { } latency)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  latency: p{latency.Percentile:0.#} ≤ {latency.Maximum.Text}"));
        }
        if (study.FunctionalUnit.Quality is { } quality)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  quality: {quality.Benchmark} {quality.Metric ?? "score"} ≥ {quality.Minimum}"));
        }
        writer.WriteLine($"Goal: {Collapse(study.Goal.Application)} ({study.Goal.Approach}; for {study.Goal.Audience})");
        writer.WriteLine($"System boundary: includes {string.Join(", ", study.Boundary.Included.Select(i => i.Stage))}");
        foreach (var (stage, reason, _) in study.Boundary.Excluded)
        {
            writer.WriteLine($"  excludes {stage}: {Collapse(reason)}");
        }
        if (assessment.Alternatives.Count > 1)
        {
            WriteSummary(assessment, writer);
        }
        var first = assessment.Alternatives[0];
        foreach (var alternative in assessment.Alternatives)
        {
            WriteAlternative(alternative, study, writer);
            if (alternative != first)
            {
                WriteChangedInputs(alternative, first, writer);
            }
        }
        WriteProvenance(assessment, writer);
    }

    private static void WriteSummary(StudyAssessment assessment, TextWriter writer)
    {
        var first = assessment.Alternatives[0];
        writer.WriteLine();
        Header(writer, $"Summary per functional unit ({assessment.Study.FunctionalUnit.Amount.Text})", first);
        foreach (var alternative in assessment.Alternatives)
        {
            Row(writer, "  " + (alternative.Alternative ?? "as written"), alternative.Totals);
        }
        if (assessment.Alternatives.All(a => a.EquationOne is not null))
        {
            Header(writer, "Break-even lifetime (requests)", first);
            foreach (var alternative in assessment.Alternatives)
            {
                Row(writer, "  " + (alternative.Alternative ?? "as written"),
                    alternative.EquationOne!.BreakEvenRequests.Select(b => b is null ? "never" : NumberFormat.Format(b.Value)).ToList());
            }
        }
    }

    private static void WriteChangedInputs(AlternativeAssessment alternative, AlternativeAssessment first, TextWriter writer)
    {
        var before = first.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var changed = alternative.Inputs.Where(i => !before.TryGetValue(i.Name, out var b) || b.Value != i.Value).ToList();
        writer.WriteLine();
        writer.WriteLine($"Inputs that differ from '{first.Alternative ?? "as written"}'");
        foreach (var input in changed)
        {
            WriteInput(input, writer);
        }
    }

    private static void WriteProvenance(StudyAssessment assessment, TextWriter writer)
    {
        var first = assessment.Alternatives[0];
        writer.WriteLine();
        writer.WriteLine("Energy conventions");
        foreach (var convention in first.Conventions)
        {
            writer.WriteLine($"  - {convention.Describe()}");
        }
        // An alternative can change conventions (PUE, what an energy covers, the water formula): show where it does.
        var shown = first.Conventions.Select(c => c.Describe()).ToHashSet(StringComparer.Ordinal);
        foreach (var alternative in assessment.Alternatives.Skip(1))
        {
            foreach (var convention in alternative.Conventions.Where(c => !shown.Contains(c.Describe())))
            {
                writer.WriteLine($"  - in '{alternative.Alternative}': {convention.Describe()}");
            }
        }
        writer.WriteLine();
        writer.WriteLine(assessment.Alternatives.Count > 1 ? $"Inputs of '{first.Alternative}' (value, provenance, source)" : "Inputs (value, provenance, source)");
        foreach (var input in first.Inputs)
        {
            WriteInput(input, writer);
        }
        if (assessment.Consistency.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Consistency: quantities the alternatives take from different sources");
            foreach (var note in assessment.Consistency)
            {
                writer.WriteLine($"  {note.Parameter}{(note.ChangedByAlternative ? " (changed by the alternatives: a design difference)" : " (a data difference: check it is intended)")}");
                foreach (var (alternative, source, value, unit) in note.Sources)
                {
                    writer.WriteLine($"    {alternative}: {NumberFormat.Format(value)} {(unit == "1" ? "" : unit)} — {Collapse(source)}");
                }
            }
        }
        writer.WriteLine();
        writer.WriteLine(first.CatalogEntries.Count == 0
            ? $"Reference catalog {first.CatalogVersion}: not used (every figure is in the study)."
            : $"Reference catalog {first.CatalogVersion}: {string.Join(", ", first.CatalogEntries)}");
        foreach (var source in assessment.Alternatives.SelectMany(a => a.CatalogSources).Distinct())
        {
            writer.WriteLine($"  [{source.Key}] {source.Citation()} Licence: {source.Licence}.");
        }
        var warnings = assessment.Alternatives.SelectMany(a => a.Warnings).Distinct().ToList();
        if (warnings.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Warnings");
            foreach (var warning in warnings)
            {
                writer.WriteLine($"  {warning}");
            }
        }
    }

    private static void WriteInput(InputRecord input, TextWriter writer)
    {
        var where = input.Location is null ? "" : string.Create(CultureInfo.InvariantCulture, $" [line {input.Location.Line}]");
        var unit = input.Unit == "1" ? "" : " " + input.Unit;
        // The default note of a computed value repeats its formula; a note the study wrote is worth showing.
        var note = input.Note is not null && !input.Note.StartsWith("computed as ", StringComparison.Ordinal) ? input.Note : null;
        var source = input.Source is not null ? $", {Collapse(input.Source)}" : note is not null ? $", {Collapse(note)}" : "";
        var formula = input.Formula is null ? "" : $" (= {input.Formula})";
        writer.WriteLine($"  {input.Name} = {NumberFormat.Format(input.Value)}{unit}{formula} — {input.Origin}{source}{where}");
    }

    private static void WriteAlternative(AlternativeAssessment a, StudyDefinition study, TextWriter writer)
    {
        writer.WriteLine();
        var title = a.Alternative is null ? "Results" : $"Alternative '{a.Alternative}'" + (a.Description is null ? "" : $" — {Collapse(a.Description)}");
        writer.WriteLine(title);
        writer.WriteLine(new string('-', Math.Min(100, title.Length)));

        Header(writer, $"Per functional unit ({study.FunctionalUnit.Amount.Text})", a);
        Row(writer, "total", a.Totals);
        WriteNotCovered(a, writer);
        writer.WriteLine();

        Header(writer, "By life-cycle stage (* significant)", a);
        var significant = a.SignificantIssues.Select(i => i.Stage).ToHashSet(StringComparer.Ordinal);
        foreach (var stage in a.Stages.Where(s => s.Values.Any(v => v != 0)))
        {
            // A stage's zero in a category its declared footprint does not give is no zero: say so instead.
            var cells = stage.Values.Select((v, k) => v == 0 && a.NotCovered.Any(c => c.Stage == stage.Stage && c.Id == a.Categories[k].Id)
                ? "not covered" : $"{NumberFormat.Format(v)} ({NumberFormat.Percent(stage.Shares[k])})").ToList();
            Row(writer, (significant.Contains(stage.Stage) ? "* " : "  ") + stage.Stage, cells);
        }
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  * significant issue: at least {study.Interpretation.SignificanceThreshold * 100:0.#} % of a category total"));
        writer.WriteLine();

        EnergyTable.Write(a, LabelWidth, ColumnWidth, writer);

        if (a.RequestComposition.Count > 0)
        {
            Header(writer, "Composition of one request", a);
            foreach (var term in a.RequestComposition)
            {
                Row(writer, "  " + term.Term, term.Values.Select((v, k) => $"{NumberFormat.Format(v)} ({NumberFormat.Percent(term.Shares[k])})").ToList());
            }
            writer.WriteLine();
        }

        if (a.Fleets.Count > 0)
        {
            Header(writer, "Serving fleets: share · per request on it · contribution", a);
            foreach (var fleet in a.Fleets)
            {
                Row(writer, "  " + TextFormat.Shorten($"{fleet.Id} ({NumberFormat.Percent(fleet.Share)})", LabelWidth - 2),
                    fleet.Values.Select((v, k) => $"{NumberFormat.Format(fleet.PerRequest[k])} · {NumberFormat.Format(v)} ({NumberFormat.Percent(fleet.Shares[k])})").ToList());
            }
            writer.WriteLine();
        }

        Row(writer, "Activity data behind it (meas./decl./mod.)", a.DataProvenance.Select(p => double.IsNaN(p.Measured) ? "–"
            : string.Create(CultureInfo.InvariantCulture, $"{p.Measured * 100:0}/{p.Declared * 100:0}/{p.Modelled * 100:0} %")).ToList());
        writer.WriteLine();

        Header(writer, "Largest processes", a);
        foreach (var process in a.Processes)
        {
            Row(writer, "  " + TextFormat.Shorten(process.Name, LabelWidth - 2), process.Values);
        }

        if (a.Uncertainty is { } u)
        {
            UncertaintyTable.Write(a, u, writer);
        }

        if (a.EquationOne is { } eq)
        {
            writer.WriteLine();
            Header(writer, "Equation (1), per functional unit", a);
            Row(writer, "  marginal inference", eq.MarginalInference);
            Row(writer, "  + amortised embodied (serving hw)", eq.AmortisedEmbodied);
            Row(writer, "  + amortised experimentation+training", DevelopmentCells(a, eq.AmortisedDevelopment.Select(NumberFormat.Format), eq.AmortisedDevelopment));
            Row(writer, "  = total", a.Totals);
            Row(writer, "  experimentation+training, whole", DevelopmentCells(a, eq.DevelopmentTotal.Select(NumberFormat.Format), eq.DevelopmentTotal));
            Row(writer, "  break-even lifetime (requests)", DevelopmentCells(a,
                eq.BreakEvenRequests.Select(b => b is null ? "never" : NumberFormat.Format(b.Value)), eq.DevelopmentTotal));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  (lifetime assumed: {NumberFormat.Format(eq.LifetimeRequests)} requests; break-even: lifetime at which cumulative inference equals experimentation+training)"));
            writer.WriteLine();
            Header(writer, "Per functional unit at lifetime (requests)", a);
            foreach (var (lifetime, values) in eq.LifetimeGrid)
            {
                Row(writer, "  " + NumberFormat.Format(lifetime), values);
            }
        }

    }

    /// <summary>
    /// Development cells of Equation (1): where development adds nothing to a category that a declared stage does not
    /// cover, its zero (and the break-even it would imply, "never") is a gap, and is said to be one.
    /// </summary>
    private static List<string> DevelopmentCells(AlternativeAssessment a, IEnumerable<string> cells, IReadOnlyList<double> development) =>
        cells.Select((cell, k) => development[k] == 0 && a.NotCovered.Any(c => c.Stage is not null && c.Id == a.Categories[k].Id)
            ? "not covered" : cell).ToList();

    /// <summary>Categories of the assessed methods Cradle does not cover: said in words, never a column of zeros.</summary>
    private static void WriteNotCovered(AlternativeAssessment a, TextWriter writer)
    {
        foreach (var method in a.NotCovered.GroupBy(c => c.Method, StringComparer.Ordinal))
        {
            writer.WriteLine($"not covered ({method.Key}, not assessed, not zero): {string.Join("; ", method.Select(c => c.Stage is null ? c.Name : $"{c.Name} for stage {c.Stage}"))}");
        }
    }

    private static void Header(TextWriter writer, string label, AlternativeAssessment a) =>
        Row(writer, label, a.Categories.Select(c => $"{c.Id} ({c.Unit})").ToList());

    private static void Row(TextWriter writer, string label, IReadOnlyList<double> values) =>
        Row(writer, label, values.Select(NumberFormat.Format).ToList());

    private static void Row(TextWriter writer, string label, IReadOnlyList<string> cells) =>
        writer.WriteLine(label.PadRight(LabelWidth) + string.Concat(cells.Select(c => " " + c.PadLeft(ColumnWidth))));

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
