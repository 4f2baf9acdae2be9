using System.Globalization;
using Cradle.Reports;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Rendering;

/// <summary>Tornado and Sobol tables, per alternative and category.</summary>
public static class SensitivityTable
{
    /// <summary>Writes the results.</summary>
    public static void Write(IReadOnlyList<SensitivityResult> results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var result in results)
        {
            writer.WriteLine($"Sensitivity{(result.Alternative is null ? "" : $" of '{result.Alternative}'")}");
            if (result.Inputs.Count == 0)
            {
                writer.WriteLine("  No input has an uncertainty: give values an 'uncertainty' (docs/study-format.md) or take them from the catalog.");
                writer.WriteLine();
                continue;
            }
            for (var k = 0; k < result.Categories.Count; k++)
            {
                var category = result.Categories[k];
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {category.Id} ({category.Unit}), total {NumberFormat.Format(result.Totals[k])}; Sobol with N = {result.BaseSamples:N0}"));
                writer.WriteLine($"    {"input",-44} {"at 5 %",12} {"at 95 %",12} {"swing",8}  {"first order [95 %]",-22} {"total order [95 %]",-22}");
                foreach (var input in result.Inputs.OrderByDescending(i => i.Swing(k)))
                {
                    var swing = result.Totals[k] == 0 ? double.NaN : input.Swing(k) / Math.Abs(result.Totals[k]);
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    {TextFormat.Shorten(input.Input, 44),-44} {NumberFormat.Format(input.AtLow[k]),12} {NumberFormat.Format(input.AtHigh[k]),12} {NumberFormat.Percent(swing),8}  {Index(input.First[k], input.FirstInterval[k]),-22} {Index(input.Total[k], input.TotalInterval[k]),-22}"));
                }
            }
            writer.WriteLine("  Inputs:");
            foreach (var input in result.Inputs)
            {
                writer.WriteLine($"    ~ {input.Input}: {input.Distribution}");
            }
            writer.WriteLine();
        }
    }

    private static string Index(double value, (double Low, double High) interval) =>
        double.IsNaN(value) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{value:0.000} [{interval.Low:0.000}, {interval.High:0.000}]");

}
