using System.Globalization;
using Cradle.Reports.Charts;
using Cradle.Trends.Assessment;
using Cradle.Trends.Trends;
using ScottPlot;

namespace Cradle.Reports.Trends;

/// <summary>
/// The trends report's charts, as SVG to inline (ScottPlot, as <see cref="ChartSet"/>). Values are drawn on log10
/// axes where they span orders of magnitude. Each chart exposes the data it drew: for every series of points, its
/// years, its values and, when fitted, the fit's [intercept, slope] (ln y = intercept + slope × year).
/// </summary>
public static class TrendsCharts
{
    private const int Width = 760;
    private const int Height = 420;
    private const int LineSteps = 40;

    /// <summary>Per-model totals over publication date, one colour per scenario, each with its fitted line and 95 % band.</summary>
    public static Chart Totals(TrendsReport report, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = ChartSet.NewPlot($"{TrendsText.Name(indicator)}: total per model's training", "publication date (year)",
            $"{indicator.Unit()} (log scale)");
        var palette = new ScottPlot.Palettes.Category10();
        var series = new List<(string, double[])>();
        for (var s = 0; s < report.Scenarios.Count; s++)
        {
            var section = report.Scenarios[s];
            Series(plot, series, section.Result, section.Trends.Trend(indicator, Phase.Total), $"{section.Id} total", palette.GetColor(s), MarkerShape.FilledCircle, LinePattern.Solid);
        }
        Finish(plot, integerYears: true);
        return new Chart($"trend-{indicator.Key()}-total", plot.GetSvgXml(Width, Height), series);
    }

    /// <summary>
    /// Use and production per model over publication date: use per scenario (circles, one colour each) and production
    /// (triangles, black; the same in every scenario, so drawn once from the first), each with its fitted line and band.
    /// </summary>
    /// <exception cref="ArgumentException">Energy: it has no production phase.</exception>
    public static Chart Phases(TrendsReport report, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (indicator == Indicator.Energy)
        {
            throw new ArgumentException("electricity has a use phase only; its total chart shows it.", nameof(indicator));
        }
        var plot = ChartSet.NewPlot($"{TrendsText.Name(indicator)}: use and production phases", "publication date (year)",
            $"{indicator.Unit()} (log scale)");
        var palette = new ScottPlot.Palettes.Category10();
        var series = new List<(string, double[])>();
        for (var s = 0; s < report.Scenarios.Count; s++)
        {
            var section = report.Scenarios[s];
            Series(plot, series, section.Result, section.Trends.Trend(indicator, Phase.Use), $"{section.Id} use", palette.GetColor(s), MarkerShape.OpenCircle, LinePattern.Solid);
        }
        var first = report.Scenarios[0];
        Series(plot, series, first.Result, first.Trends.Trend(indicator, Phase.Production), "production", Colors.Black, MarkerShape.FilledTriangleUp, LinePattern.Dashed);
        Finish(plot, integerYears: true);
        return new Chart($"trend-{indicator.Key()}-phases", plot.GetSvgXml(Width, Height), series);
    }

    /// <summary>
    /// Production's share of GWP per calendar year, one colour per scenario: pooled (Σ production ÷ Σ total, solid) and
    /// the median of the models' shares (dashed), in %.
    /// </summary>
    public static Chart ProductionShare(TrendsReport report, Indicator indicator = Indicator.Gwp)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = ChartSet.NewPlot($"Production share of {TrendsText.ShortName(indicator)}, by publication year", "publication year", "production share (%)");
        var palette = new ScottPlot.Palettes.Category10();
        var series = new List<(string, double[])>();
        for (var s = 0; s < report.Scenarios.Count; s++)
        {
            var section = report.Scenarios[s];
            var rows = section.Trends.ProductionShares.Where(p => p.Indicator == indicator).ToList();
            if (rows.Count == 0)
            {
                continue;
            }
            double[] years = [.. rows.Select(r => (double)r.Year)];
            double[] pooled = [.. rows.Select(r => 100 * r.PooledShare)];
            double[] median = [.. rows.Select(r => 100 * r.MedianShare)];
            var line = plot.Add.Scatter(years, pooled, palette.GetColor(s));
            line.LegendText = $"{section.Id}: pooled";
            line.LineWidth = 2;
            var dashed = plot.Add.Scatter(years, median, palette.GetColor(s));
            dashed.LegendText = $"{section.Id}: median of models";
            dashed.LinePattern = LinePattern.Dashed;
            dashed.MarkerShape = MarkerShape.OpenCircle;
            series.Add(($"{section.Id} year", years));
            series.Add(($"{section.Id} pooled %", pooled));
            series.Add(($"{section.Id} median %", median));
        }
        Finish(plot, integerYears: true, logY: false);
        plot.Axes.SetLimitsY(0, Math.Max(1, series.Where(x => x.Item1.EndsWith('%')).SelectMany(x => x.Item2).DefaultIfEmpty(1).Max() * 1.1));
        return new Chart($"production-share-{indicator.Key()}", plot.GetSvgXml(Width, Height), series);
    }

    /// <summary>Production GWP per card against release year (median and 90 % interval), with the log-linear fit and its 95 % band.</summary>
    public static Chart CardGwp(TrendsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cards = report.Cards;
        var plot = ChartSet.NewPlot($"Production GWP per accelerator by release year (estimator: {cards.Estimator})", "release year", "kg CO2 eq per card (log scale)");
        double[] years = [.. cards.Points.Select(p => (double)p.ReleaseYear)];
        double[] values = [.. cards.Points.Select(p => p.Gwp)];
        var series = new List<(string, double[])> { ("cards year", years), ("cards gwp", values) };
        if (cards.Points.Count > 0)
        {
            double[] logs = [.. values.Select(Math.Log10)];
            var errors = plot.Add.ErrorBar(years, logs, [.. cards.Points.Select(p => Math.Log10(p.Gwp) - Math.Log10(p.Low))]);
            errors.YErrorPositive = [.. cards.Points.Select(p => Math.Log10(p.High) - Math.Log10(p.Gwp))];
            errors.Color = Colors.Gray;
            var points = plot.Add.ScatterPoints(years, logs, Colors.C0);
            points.LegendText = "card (median, 90 % interval)";
        }
        if (cards.Fit is { } fit)
        {
            FitLine(plot, fit, years, Colors.C0, LinePattern.Solid, $"fit: ×{TrendsText.Number(fit.GrowthPerYear)}/yr");
            series.Add(("cards fit", [fit.Intercept, fit.Slope]));
        }
        Finish(plot, integerYears: true);
        return new Chart("card-production-gwp", plot.GetSvgXml(Width, Height), series);
    }

    private static void Series(Plot plot, List<(string, double[])> series, ScenarioResult result, IndicatorTrend trend, string name, Color color, MarkerShape shape, LinePattern pattern)
    {
        var points = TrendLine.Points(result, trend.Indicator, trend.Phase);
        if (points.Count == 0)
        {
            return;
        }
        double[] years = [.. points.Select(p => p.Year)];
        double[] values = [.. points.Select(p => p.Median)];
        var scatter = plot.Add.ScatterPoints(years, [.. values.Select(Math.Log10)], color);
        scatter.MarkerShape = shape;
        scatter.MarkerSize = 5;
        scatter.LegendText = $"{name} (n = {points.Count.ToString(CultureInfo.InvariantCulture)})";
        series.Add(($"{name} year", years));
        series.Add(($"{name} value", values));
        if (trend.Fit is { } fit)
        {
            FitLine(plot, fit, years, color, pattern, $"{name} fit: ×{TrendsText.Number(fit.GrowthPerYear)}/yr");
            series.Add(($"{name} fit", [fit.Intercept, fit.Slope]));
        }
    }

    private static void FitLine(Plot plot, LogLinearTrend fit, double[] years, Color color, LinePattern pattern, string legend)
    {
        var (first, last) = (years.Min(), years.Max());
        double[] grid = [.. Enumerable.Range(0, LineSteps + 1).Select(i => first + ((last - first) * i / LineSteps))];
        var bands = grid.Select(t => TrendLine.Band(fit, years, t)).ToList();
        var band = plot.Add.FillY(grid, [.. bands.Select(b => Math.Log10(b.Low))], [.. bands.Select(b => Math.Log10(b.High))]);
        band.FillColor = color.WithAlpha(0.15);
        band.LineWidth = 0;
        var line = plot.Add.ScatterLine(grid, [.. grid.Select(t => Math.Log10(fit.Predict(t)))], color);
        line.LineWidth = 2;
        line.LinePattern = pattern;
        line.LegendText = legend;
    }

    private static void Finish(Plot plot, bool integerYears, bool logY = true)
    {
        if (integerYears)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true,
                LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture),
            };
        }
        if (logY)
        {
            ChartSet.LogTicks(plot.Axes.Left);
        }
        plot.ShowLegend(Edge.Right); // outside the data area, so no point is hidden under it
    }
}
