using System.Globalization;
using Cradle.Reports;
using Cradle.Studies.Assessment;
using Cradle.Studies.Definition;

namespace Cradle.Cli.Rendering;

/// <summary>
/// <c>cradle sensitivity --allocation-keys</c> as a table: per alternative and category, the total and its embodied
/// part under the study's own keys and under each key applied throughout, with the relative change of the total.
/// </summary>
public static class AllocationKeysTable
{
    /// <summary>Writes the results; says so when there is nothing to allocate.</summary>
    public static void Write(IReadOnlyList<AllocationKeyResult> results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        if (results.Count == 0)
        {
            writer.WriteLine("Allocation keys: nothing to allocate (hardware manufacture is outside the system boundary, or no stage runs on hardware).");
            return;
        }
        foreach (var result in results)
        {
            writer.WriteLine($"Allocation keys of embodied impacts{(result.Alternative is null ? "" : $" of '{result.Alternative}'")}");
            writer.WriteLine($"  The study's own keys: {result.Stated.Description}");
            for (var k = 0; k < result.Categories.Count; k++)
            {
                var category = result.Categories[k];
                writer.WriteLine($"  {category.Id} ({category.Unit})");
                writer.WriteLine($"    {"key",-10} {"total",14} {"embodied",14} {"change",9}");
                foreach (var c in result.Cases)
                {
                    if (c.NotApplicable is not null)
                    {
                        writer.WriteLine($"    {c.Key,-10} {"not applicable (below)",14}");
                        continue;
                    }
                    var change = c.Key == AllocationKeyCase.StatedKey ? "" : Signed(result.RelativeChange(c, k));
                    writer.WriteLine($"    {c.Key,-10} {NumberFormat.Format(c.Totals[k]),14} {NumberFormat.Format(c.Embodied[k]),14} {change,9}");
                }
            }
            writer.WriteLine("  change: (total under the key − total under the study's own keys) ÷ the latter; embodied: hardware manufacture and end of life.");
            writer.WriteLine("  Keys (docs/methodology.md, \"Allocation keys for embodied impacts\"):");
            foreach (var c in result.Cases.Where(c => c.Key != AllocationKeyCase.StatedKey))
            {
                var key = AllocationKeys.Parse(c.Key)!.Value;
                writer.WriteLine($"    {key.Name()}: {key.Describe()}{(c.NotApplicable is { } why ? $"; not applicable: {why}" : "")}");
            }
            writer.WriteLine();
        }
    }

    private static string Signed(double share) =>
        double.IsNaN(share) ? "–" : (share * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";
}
