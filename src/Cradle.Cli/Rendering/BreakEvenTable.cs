using System.Globalization;
using Cradle.Studies.Assessment;

using Cradle.Reports;

namespace Cradle.Cli.Rendering;

/// <summary>Amortisation curve and break-even as text.</summary>
public static class BreakEvenTable
{
    /// <summary>Writes the results.</summary>
    public static void Write(IReadOnlyList<BreakEvenResult> results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var r in results)
        {
            writer.WriteLine($"Amortisation{(r.Alternative is null ? "" : $" of '{r.Alternative}'")}: cost per functional unit against lifetime requests"
                + (r.Iterations > 0 ? string.Create(CultureInfo.InvariantCulture, $" (value, then median [5 %, 95 %] of {r.Iterations:N0} draws)") : ""));
            writer.WriteLine($"  {"lifetime",-10}" + string.Concat(r.Categories.Select(c => $" {($"{c.Id} ({c.Unit})"),44}")));
            foreach (var point in r.Curve)
            {
                var cells = point.Values.Select((v, k) => point.Bands is null ? NumberFormat.Format(v)
                    : $"{NumberFormat.Format(v)}  {NumberFormat.Format(point.Bands[k].Median)} [{NumberFormat.Format(point.Bands[k].P5)}, {NumberFormat.Format(point.Bands[k].P95)}]");
                writer.WriteLine($"  {NumberFormat.Format(point.Lifetime),-10}" + string.Concat(cells.Select(c => $" {c,44}")));
            }
            writer.WriteLine("  break-even lifetime (cumulative inference = experimentation + training):");
            for (var k = 0; k < r.Categories.Count; k++)
            {
                var band = r.BreakEvenBands?[k] is { } b ? $"; median {NumberFormat.Format(b.Median)} [{NumberFormat.Format(b.P5)}, {NumberFormat.Format(b.P95)}]" : "";
                // "never" would claim development costs nothing in a category a declared stage does not give.
                var notCovered = k < r.DevelopmentNotCovered.Count && r.DevelopmentNotCovered[k];
                writer.WriteLine(notCovered ? $"    {r.Categories[k].Id}: not covered (a declared stage does not give it)"
                    : $"    {r.Categories[k].Id}: {(r.BreakEven[k] is { } n ? NumberFormat.Format(n) : "never")} requests{band}");
            }
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  lifetime from which embodied impacts are below {r.EmbodiedShare:P0} of the total:"));
            for (var k = 0; k < r.Categories.Count; k++)
            {
                var text = r.EmbodiedBelow[k] switch
                {
                    null => "never (serving hardware alone keeps it above)",
                    0 => "at every lifetime",
                    var n => $"{NumberFormat.Format(n.Value)} requests",
                };
                writer.WriteLine($"    {r.Categories[k].Id}: {text}");
            }
            writer.WriteLine();
        }
    }
}
