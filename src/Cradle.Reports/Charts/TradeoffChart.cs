using Cradle.Results;
using ScottPlot;

namespace Cradle.Reports.Charts;

/// <summary>
/// The trade-off chart of a per-request study with two or more alternatives: each alternative's cumulative footprint
/// C(N) = D + N × i against the requests served N, both on log scales, with every crossing of two lines (the
/// break-even volume N* = ΔD ÷ Δi) marked. Where a line lies lowest is where that alternative is the cheaper way to
/// serve that many requests: "think longer" below the crossing, "train more" above it, or the other way round.
/// </summary>
public static class TradeoffChart
{
    private const int Width = 760;
    private const int Height = 420;
    private const int Points = 61;

    /// <summary>
    /// The chart for category <paramref name="category"/> of the first <paramref name="limit"/> alternatives that have
    /// equation (1) results, or null when fewer than two have. Series: "requests" (the N drawn), one per alternative
    /// (its C(N)), and "crossings" (each N*, in the order of the pairs, between alternatives that deliver the service).
    /// </summary>
    public static Chart? Cumulative(AssessmentResults model, int category, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(model);
        var lines = model.Alternatives
            .Select(a => (a.Title, Footprint: a.EquationOne is { } eq ? CumulativeFootprint.Of(eq) : null, Lifetime: a.EquationOne?.Lifetime ?? 0))
            .Where(l => l.Footprint is not null)
            .Take(limit)
            .ToList();
        if (lines.Count < 2)
        {
            return null;
        }
        var c = model.Alternatives[0].Categories[category];
        // An alternative that misses a constraint of the functional unit (known where a comparison checked them) does
        // not deliver the service: its line is dashed and named so, and it has no break-even with the others.
        var unmet = (model.Comparison?.Service ?? [])
            .Select(s => (s.Id, Missed: s.Constraints.Where(x => x.Status == "unmet").Select(x => x.Constraint).ToList()))
            .Where(s => s.Missed.Count > 0)
            .ToDictionary(s => s.Id, s => string.Join(" and ", s.Missed));
        var crossings = new List<(string A, string B, double N)>();
        for (var i = 0; i < lines.Count; i++)
        {
            for (var j = i + 1; j < lines.Count; j++)
            {
                if (!unmet.ContainsKey(lines[i].Title) && !unmet.ContainsKey(lines[j].Title)
                    && CumulativeFootprint.Crossing(lines[i].Footprint!, lines[j].Footprint!, category) is { } n)
                {
                    crossings.Add((lines[i].Title, lines[j].Title, n));
                }
            }
        }
        // From well below the first crossing (or the assumed lifetime) to well above the last, in decades.
        var marks = crossings.Select(x => x.N).Concat(lines.Select(l => l.Lifetime)).Where(n => n > 0).ToList();
        var low = Math.Floor(Math.Log10(marks.Min())) - 3;
        var high = Math.Ceiling(Math.Log10(marks.Max())) + 2;
        var requests = Enumerable.Range(0, Points).Select(p => Math.Pow(10, low + ((high - low) * p / (Points - 1)))).ToArray();
        var plot = ChartSet.NewPlot($"Cumulative footprint against requests served: {c.Id}", "requests served (N)", $"{c.Id} ({c.Unit}), development + N × per request");
        var palette = new ScottPlot.Palettes.Category10();
        var series = new List<(string, double[])> { ("requests", requests) };
        var xs = requests.Select(Math.Log10).ToArray();
        foreach (var (line, index) in lines.Select((l, i) => (l, i)))
        {
            var cumulative = requests.Select(n => line.Footprint!.After(n, category)).ToArray();
            series.Add((line.Title, cumulative));
            var scatter = plot.Add.ScatterLine(xs, [.. cumulative.Select(v => Math.Log10(Math.Max(v, double.Epsilon)))]);
            scatter.LegendText = unmet.TryGetValue(line.Title, out var missed) ? $"{line.Title} (misses the {missed} constraint)" : line.Title;
            scatter.LinePattern = missed is null ? LinePattern.Solid : LinePattern.Dotted;
            scatter.LineWidth = 2;
            scatter.Color = palette.GetColor(index);
        }
        foreach (var (a, b, n) in crossings)
        {
            var mark = plot.Add.VerticalLine(Math.Log10(n));
            mark.LegendText = $"break-even {a} / {b}: {NumberFormat.Format(n)} requests";
            mark.LinePattern = LinePattern.Dashed;
            mark.Color = Colors.Gray;
        }
        series.Add(("crossings", [.. crossings.Select(x => x.N)]));
        ChartSet.LogTicks(plot.Axes.Bottom);
        ChartSet.LogTicks(plot.Axes.Left);
        plot.ShowLegend(Alignment.UpperLeft);
        return new Chart("tradeoff", plot.GetSvgXml(Width, Height), series);
    }
}
