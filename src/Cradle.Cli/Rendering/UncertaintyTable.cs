using System.Globalization;
using Cradle.Studies.Assessment;

using Cradle.Reports;

namespace Cradle.Cli.Rendering;

/// <summary>The Monte Carlo section of the table output.</summary>
internal static class UncertaintyTable
{
    private const int LabelWidth = 46;
    private const int ColumnWidth = 20;

    public static void Write(AlternativeAssessment a, UncertaintyAssessment u, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Uncertainty (Monte Carlo, {u.Iterations:N0} iterations, seed {u.Seed}; {u.Inputs.Count} uncertain inputs, {u.DeterministicInputs} exact)"));
        Row(writer, "", a.Categories.Select(c => $"{c.Id} ({c.Unit})"));
        Row(writer, "  mean", u.Totals.Select(s => NumberFormat.Format(s.Mean)));
        Row(writer, "  standard deviation", u.Totals.Select(s => NumberFormat.Format(s.StandardDeviation)));
        Row(writer, "  median", u.Totals.Select(s => NumberFormat.Format(s.Median)));
        Row(writer, "  95 % interval (2.5–97.5 %)", u.Totals.Select(s => $"{NumberFormat.Format(s.P025)}–{NumberFormat.Format(s.P975)}"));
        Row(writer, "  90 % interval (5–95 %)", u.Totals.Select(s => $"{NumberFormat.Format(s.P5)}–{NumberFormat.Format(s.P95)}"));
        foreach (var (stage, values) in u.Stages)
        {
            // A stage's draws in a category its declared footprint does not give are all zero: a gap, not a zero.
            Row(writer, $"  {stage} (mean, 95 %)", values.Select((s, k) => s.Mean == 0 && s.P975 == 0 && a.NotCovered.Any(c => c.Stage == stage && c.Id == a.Categories[k].Id)
                ? "not covered" : $"{NumberFormat.Format(s.Mean)} [{NumberFormat.Format(s.P025)}–{NumberFormat.Format(s.P975)}]"));
        }
        foreach (var (name, distribution) in u.Inputs)
        {
            writer.WriteLine($"  ~ {name}: {distribution}");
        }
    }

    private static void Row(TextWriter writer, string label, IEnumerable<string> cells) =>
        writer.WriteLine(label.PadRight(LabelWidth) + string.Concat(cells.Select(c => " " + c.PadLeft(ColumnWidth))));
}
