using System.Globalization;
using Cradle.Results;
using ScottPlot;

namespace Cradle.Reports.Charts;

/// <summary>
/// The report's charts, drawn with ScottPlot and returned as SVG text to embed in the HTML (no file, no network).
/// Each chart also exposes the data it drew, so tests can check content, not only that a picture exists.
/// </summary>
public static class ChartSet
{
    private const int Width = 760;
    private const int Height = 380;

    /// <summary>Stage shares per category, stacked to 100 %.</summary>
    public static Chart StageShares(AlternativeResults a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var plot = NewPlot($"Contributions by life-cycle stage — {a.Title}", "", "share of the category total (%)");
        var palette = new ScottPlot.Palettes.Category10();
        var stages = a.Stages.Where(s => s.Values.Any(v => v != 0)).ToList();
        var bars = new List<Bar>();
        var series = new List<(string, double[])>();
        for (var s = 0; s < stages.Count; s++)
        {
            var shares = stages[s].Shares.Select(x => double.IsNaN(x) ? 0 : 100 * x).ToArray();
            series.Add((stages[s].Stage, shares));
            for (var k = 0; k < a.Categories.Count; k++)
            {
                var below = stages.Take(s).Sum(t => double.IsNaN(t.Shares[k]) ? 0 : 100 * t.Shares[k]);
                bars.Add(new Bar { Position = k, ValueBase = below, Value = below + shares[k], FillColor = palette.GetColor(s) });
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = stages[s].Stage, FillColor = palette.GetColor(s) });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, a.Categories.Count).Select(k => (double)k)], [.. a.Categories.Select(c => $"{c.Id} ({c.Unit})")]);
        plot.Axes.SetLimitsY(0, 100);
        plot.ShowLegend(Edge.Right); // outside the data area, so no bar is hidden under it
        return new Chart("stage-shares", plot.GetSvgXml(Width, Height), series);
    }

    /// <summary>
    /// The position paper's Figure 2b: cost per functional unit against lifetime requests, both on log scales, with the
    /// Monte Carlo band, the floor (marginal inference and serving hardware) and the break-even lifetime marked.
    /// </summary>
    public static Chart Amortisation(AlternativeResults a, int category, string functionalUnit)
    {
        ArgumentNullException.ThrowIfNull(a);
        var c = a.Categories[category];
        var plot = NewPlot($"Cost per {functionalUnit} against lifetime — {a.Title}", "lifetime requests", $"{c.Id} ({c.Unit}) per functional unit");
        var points = a.Amortisation is { } curve
            ? curve.Curve.Select(p => (p.Lifetime, p.Values[category], p.Bands?[category])).ToList()
            : a.EquationOne!.Grid.Select(g => (g.Lifetime, g.Values[category], (Band?)null)).ToList();
        var xs = points.Select(p => Math.Log10(p.Lifetime)).ToArray();
        var ys = points.Select(p => Math.Log10(p.Item2)).ToArray();
        if (points.All(p => p.Item3 is not null))
        {
            var band = plot.Add.FillY(xs, [.. points.Select(p => Math.Log10(p.Item3!.P5))], [.. points.Select(p => Math.Log10(p.Item3!.P95))]);
            band.FillColor = Colors.C0.WithAlpha(0.25);
            band.LegendText = "90 % band";
        }
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = "cost per functional unit";
        line.LineWidth = 2;
        if (a.EquationOne is { } eq)
        {
            var floor = plot.Add.HorizontalLine(Math.Log10(eq.Marginal[category] + eq.Embodied[category]));
            floor.LegendText = "marginal inference + serving hardware";
            floor.LinePattern = LinePattern.Dashed;
            if (eq.BreakEven[category] is { } n)
            {
                var breakEven = plot.Add.VerticalLine(Math.Log10(n));
                breakEven.LegendText = $"break-even: {NumberFormat.Format(n)} requests";
                breakEven.Color = Colors.C3;
            }
        }
        LogTicks(plot.Axes.Bottom);
        LogTicks(plot.Axes.Left);
        plot.ShowLegend(Alignment.UpperRight);
        return new Chart("amortisation", plot.GetSvgXml(Width, Height), [("lifetime", [.. points.Select(p => p.Lifetime)]), ("cost", [.. points.Select(p => p.Item2)])]);
    }

    /// <summary>Tornado: the total with each uncertain input at its 5th and 95th percentile, largest swing on top.</summary>
    public static Chart Tornado(AlternativeResults a, int category)
    {
        ArgumentNullException.ThrowIfNull(a);
        var c = a.Categories[category];
        var total = a.Totals[category];
        var rows = a.Sensitivity!.Inputs.OrderBy(r => Math.Abs(r.AtP95[category] - r.AtP5[category])).TakeLast(10).ToList();
        var plot = NewPlot($"Tornado — {a.Title}: each input at its 5th and 95th percentile", $"{c.Id} ({c.Unit}) per functional unit", "");
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            bars.Add(new Bar { Position = i, ValueBase = total, Value = rows[i].AtP5[category], FillColor = Colors.C0, Orientation = Orientation.Horizontal });
            bars.Add(new Bar { Position = i, ValueBase = total, Value = rows[i].AtP95[category], FillColor = Colors.C1, Orientation = Orientation.Horizontal });
        }
        plot.Add.Bars(bars);
        plot.Add.VerticalLine(total).Color = Colors.Black;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows.Count).Select(i => (double)i)], [.. rows.Select(r => r.Name)]);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "at 5th percentile", FillColor = Colors.C0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "at 95th percentile", FillColor = Colors.C1 });
        plot.ShowLegend(Alignment.LowerRight);
        return new Chart("tornado", plot.GetSvgXml(Width, Math.Max(Height, 60 + (32 * rows.Count))),
            [.. rows.Select(r => (r.Name, new[] { r.AtP5[category], r.AtP95[category] }))]);
    }

    /// <summary>The Monte Carlo distribution of one category's total, with the deterministic value and the 95 % interval.</summary>
    public static Chart Distribution(AlternativeResults a, int category)
    {
        ArgumentNullException.ThrowIfNull(a);
        var c = a.Categories[category];
        var u = a.Uncertainty!;
        var (edges, counts) = u.Histograms[category];
        var plot = NewPlot(string.Create(CultureInfo.InvariantCulture, $"{c.Id}: {u.Iterations:N0} Monte Carlo draws — {a.Title}"), $"{c.Id} ({c.Unit}) per functional unit", "draws");
        var bars = counts.Select((n, i) => new Bar { Position = (edges[i] + edges[i + 1]) / 2, Value = n, Size = (edges[i + 1] - edges[i]) * 0.95, FillColor = Colors.C0 }).ToList();
        plot.Add.Bars(bars);
        var value = plot.Add.VerticalLine(a.Totals[category]);
        value.LegendText = "deterministic result";
        value.Color = Colors.Black;
        foreach (var (x, label) in new[] { (u.Totals[category].P025, "2.5 %"), (u.Totals[category].P975, "97.5 %") })
        {
            var line = plot.Add.VerticalLine(x);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.C3;
            line.LegendText = label;
        }
        plot.ShowLegend(Alignment.UpperRight);
        return new Chart("distribution", plot.GetSvgXml(Width, Height), [("counts", [.. counts.Select(n => (double)n)]), ("edges", [.. edges])]);
    }

    /// <summary>The alternatives side by side: deterministic totals with their 95 % Monte Carlo intervals.</summary>
    public static Chart Comparison(AssessmentResults model, int category)
    {
        ArgumentNullException.ThrowIfNull(model);
        var alternatives = model.Alternatives;
        var c = alternatives[0].Categories[category];
        var plot = NewPlot($"Alternatives on one functional unit ({model.FunctionalUnit.Amount}): {c.Id}", "", $"{c.Id} ({c.Unit})");
        var bars = alternatives.Select((a, i) => new Bar
        {
            Position = i,
            Value = a.Totals[category],
            FillColor = Colors.C0,
            Error = 0,
        }).ToList();
        plot.Add.Bars(bars);
        if (alternatives.All(a => a.Uncertainty is not null))
        {
            var errors = plot.Add.ErrorBar(
                [.. alternatives.Select((_, i) => (double)i)], [.. alternatives.Select(a => a.Totals[category])],
                [.. alternatives.Select(a => a.Totals[category] - a.Uncertainty!.Totals[category].P025)]);
            errors.YErrorPositive = [.. alternatives.Select(a => a.Uncertainty!.Totals[category].P975 - a.Totals[category])];
            errors.Color = Colors.Black;
        }
        plot.Axes.Bottom.SetTicks([.. alternatives.Select((_, i) => (double)i)], [.. alternatives.Select(a => a.Title)]);
        plot.Axes.Margins(bottom: 0);
        return new Chart("comparison", plot.GetSvgXml(Width, Height), [.. alternatives.Select(a => (a.Title, new[] { a.Totals[category] }))]);
    }

    internal static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title, size: 14);
        plot.XLabel(x, size: 12);
        plot.YLabel(y, size: 12);
        return plot;
    }

    /// <summary>Axis whose coordinates are log10 of the values: ticks at powers of ten, labelled 10⁶, 10⁷, …</summary>
    internal static void LogTicks(IAxis axis)
    {
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => $"1e{v.ToString("0", CultureInfo.InvariantCulture)}",
        };
        axis.TickGenerator = ticks;
    }
}

/// <summary>A rendered chart: its id, SVG text, and the series it drew.</summary>
/// <param name="Id">Stable id ("amortisation").</param>
/// <param name="Svg">The SVG document.</param>
/// <param name="Series">The data drawn, by name.</param>
public sealed record Chart(string Id, string Svg, IReadOnlyList<(string Name, double[] Values)> Series);
