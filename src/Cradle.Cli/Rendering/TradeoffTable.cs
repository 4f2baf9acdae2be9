using System.Globalization;
using Cradle.Reports;
using Cradle.Results;

namespace Cradle.Cli.Rendering;

/// <summary>The trade-off between two alternatives as text, phrased as the questions it answers.</summary>
public static class TradeoffTable
{
    /// <summary>Writes <paramref name="result"/>.</summary>
    public static void Write(TradeoffResults result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var (a, b) = ($"'{result.A}'", $"'{result.B}'");
        writer.WriteLine($"Trade-off of {a} against {b} on one functional unit ({result.FunctionalUnit}): C(N) = D + N × i over N requests");
        writer.WriteLine("  D: experimentation + training per trained model; i: inference per request (energy, idle, serving hardware)");
        foreach (var alternative in result.Alternatives)
        {
            writer.WriteLine($"  {alternative.Id}:");
            for (var k = 0; k < result.Categories.Count; k++)
            {
                var c = result.Categories[k];
                writer.WriteLine($"    {c.Id}: D = {NumberFormat.Format(alternative.Development[k])} {c.Unit}, i = {NumberFormat.Format(alternative.InferencePerRequest[k])} {c.Unit}/request");
            }
        }
        writer.WriteLine();
        writer.WriteLine("Break-even: N* = (D_A − D_B) ÷ (i_B − i_A)"
            + (result.Iterations > 0 ? string.Create(CultureInfo.InvariantCulture, $"; median [5 %, 95 %] of {result.Iterations:N0} draws on common random numbers (seed {result.Seed})") : ""));
        for (var k = 0; k < result.Categories.Count; k++)
        {
            var be = result.BreakEven[k];
            var n = be.Requests is { } r ? NumberFormat.Format(r) : "";
            var sentence = be.Outcome switch
            {
                TradeoffOutcomes.ARepays => $"{a} repays its extra training against {b} after {n} requests",
                TradeoffOutcomes.BRepays => $"beyond {n} requests {a} costs more than {b} ({b} repays its extra training)",
                TradeoffOutcomes.ANeverCheaper => $"never: {a} costs more than {b} at every volume (no less development, no cheaper to serve)",
                TradeoffOutcomes.ANeverDearer => $"never: {a} costs no more than {b} at every volume (no more development, no dearer to serve)",
                TradeoffOutcomes.NotCovered => "not covered (a declared development stage does not give it)",
                _ => "never: the same development and the same cost per request",
            };
            writer.WriteLine($"  {result.Categories[k].Id}: {sentence}{Band(be.Bands)}{Draws(be.DrawsByOutcome, result.Iterations)}");
        }
        if (result.Budget is { } budget)
        {
            writer.WriteLine();
            writer.WriteLine($"Requests a budget of {budget.Text} serves: (budget − D) ÷ i" + (budget.Rows is ["energy"] ? " (facility energy as counted; no bands)" : ""));
            for (var x = 0; x < result.Alternatives.Count; x++)
            {
                for (var r = 0; r < budget.Rows.Count; r++)
                {
                    var served = budget.Served[x][r];
                    var text = served.Outcome switch
                    {
                        "serves" => $"{NumberFormat.Format(served.Requests!.Value)} requests",
                        "none" => "none: development alone spends the budget",
                        TradeoffOutcomes.NotCovered => "not covered (a declared development stage does not give it)",
                        _ => "unbounded: no cost per request",
                    };
                    var draws = result.Iterations > 0 && budget.Rows is not ["energy"]
                        ? string.Create(CultureInfo.InvariantCulture, $" (draws with none: {served.DrawsNone:N0}, unbounded: {served.DrawsUnbounded:N0})")
                        : "";
                    writer.WriteLine($"  {result.Alternatives[x].Id} ({budget.Rows[r]}): {text}{Band(served.Bands)}{draws}");
                }
            }
        }
    }

    private static string Band(Stats? bands) =>
        bands is null ? "" : $"; median {NumberFormat.Format(bands.Median)} [{NumberFormat.Format(bands.P5)}, {NumberFormat.Format(bands.P95)}]";

    private static string Draws(IReadOnlyDictionary<string, int> draws, int iterations) =>
        iterations == 0 ? "" : " (draws: " + string.Join(", ", draws.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key} {d.Value:N0}"))) + ")";
}
