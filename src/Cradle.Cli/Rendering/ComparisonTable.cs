using System.Globalization;
using Cradle.Studies.Assessment;

using Cradle.Reports;

namespace Cradle.Cli.Rendering;

/// <summary>The comparison as aligned text.</summary>
public static class ComparisonTable
{
    private const int LabelWidth = 40;
    private const int ColumnWidth = 30;

    /// <summary>Writes <paramref name="result"/>.</summary>
    public static void Write(ComparisonResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        if (result.FunctionalUnitReason is { } reason)
        {
            // No one unit heads the table: each total is per its own alternative's functional unit.
            writer.WriteLine("Comparison per each alternative's own functional unit");
            writer.WriteLine("  The functional units differ; compared anyway because: " + reason);
            foreach (var difference in result.FunctionalUnitDifferences)
            {
                writer.WriteLine("    - " + difference);
            }
        }
        else
        {
            writer.WriteLine($"Comparison per functional unit ({result.FunctionalUnit})");
        }
        if (result.CarbonBasisReason is { } basisReason)
        {
            writer.WriteLine("  The carbon bases differ; compared anyway because: " + basisReason);
            foreach (var difference in result.CarbonBasisDifferences)
            {
                writer.WriteLine("    - " + difference);
            }
        }
        else if (result.CarbonBasis is { } basis)
        {
            writer.WriteLine($"  Carbon reported {basis}");
        }
        if (result.RowsNotCompared.Count > 0)
        {
            writer.WriteLine($"  Not compared (not every alternative has figures for them): {string.Join(", ", result.RowsNotCompared)}");
        }
        Row(writer, "", result.Categories.Select(c => $"{c.Id} ({c.Unit})"));
        for (var i = 0; i < result.Labels.Count; i++)
        {
            var u = result.Uncertainty[i];
            Row(writer, "  " + result.Labels[i], result.Totals[i].Select((t, k) => result.Iterations > 1
                ? $"{NumberFormat.Format(t)} [{NumberFormat.Format(u[k].P025)}, {NumberFormat.Format(u[k].P975)}]"
                : NumberFormat.Format(t)));
        }
        foreach (var note in result.Consistency.Where(n => !n.ChangedByAlternative))
        {
            writer.WriteLine($"  note: '{note.Parameter}' comes from different sources: {string.Join("; ", note.Sources.Select(s => $"{s.Alternative}: {s.Source}"))}");
        }
        ServiceLines(result, writer);
        if (result.Iterations <= 1)
        {
            return;
        }
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Differences on common random numbers ({result.Iterations:N0} draws, seed {result.Seed}): A − B, mean [95 %], and P(A < B)"));
        if (result.Reference is { } reference)
        {
            writer.WriteLine($"Each alternative against {reference} (--all-pairs compares every pair):");
        }
        else if (result.PairsChosen)
        {
            writer.WriteLine("The pairs chosen (--pair):");
        }
        foreach (var pair in result.Pairs)
        {
            Row(writer, $"  {pair.A} − {pair.B}", pair.Difference.Select(d => $"{NumberFormat.Format(d.Mean)} [{NumberFormat.Format(d.P025)}, {NumberFormat.Format(d.P975)}]"));
            Row(writer, $"    P({pair.A} < {pair.B})", pair.ProbabilityALower.Select(p => p.ToString("0.000", CultureInfo.InvariantCulture)));
        }
    }

    private static void Row(TextWriter writer, string label, IEnumerable<string> cells) =>
        writer.WriteLine(label.PadRight(LabelWidth) + string.Concat(cells.Select(c => " " + c.PadLeft(ColumnWidth))));

    /// <summary>
    /// Each alternative against the functional unit's quality and latency constraints (an unmet one is marked: the
    /// comparison was accepted with a reason), then the secondary impact-per-quality view where scores are stated.
    /// </summary>
    private static void ServiceLines(ComparisonResult result, TextWriter writer)
    {
        var outcomes = result.Service.SelectMany(s => s.Outcomes).ToList();
        if (outcomes.Count > 0)
        {
            writer.WriteLine("  Service delivered (functional unit constraints):");
            foreach (var o in outcomes)
            {
                var mark = o.Status switch
                {
                    ConstraintStatus.Met => "met",
                    ConstraintStatus.Unmet => "UNMET",
                    _ => "NOT SHOWN",
                };
                writer.WriteLine($"    [{mark}] {o.Message}");
            }
            if (result.UnmetConstraintsReason is { } reason)
            {
                writer.WriteLine("  Alternatives marked UNMET do not deliver the functional unit; compared anyway because: " + reason);
            }
        }
        if (result.PerQualityPoint.All(p => p is null))
        {
            return;
        }
        var benchmark = result.Service.First(s => s.Quality is not null).Quality!;
        writer.WriteLine();
        writer.WriteLine($"Secondary view, not a comparison on the functional unit: impact per unit of quality (total per functional unit ÷ {benchmark.Benchmark} {benchmark.Metric ?? "score"})");
        for (var i = 0; i < result.Labels.Count; i++)
        {
            if (result.PerQualityPoint[i] is { } perPoint)
            {
                Row(writer, "  " + result.Labels[i], perPoint.Select(NumberFormat.Format));
            }
        }
    }
}
