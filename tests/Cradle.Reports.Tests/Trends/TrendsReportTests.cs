using System.Globalization;
using System.Text.RegularExpressions;
using Cradle.Catalog.Production;
using Cradle.Reports.Trends;
using Cradle.Trends.Assessment;
using Cradle.Trends.Selection;
using Cradle.Trends.Trends;

namespace Cradle.Reports.Tests.Trends;

/// <summary>The trends report over the real Epoch run: the charts draw the fitted data, the tables show the fits' numbers.</summary>
public sealed class TrendsReportTests
{
    private static readonly Lazy<string> LazyHtml = new(() => TrendsHtmlReport.Render(TrendsExample.Report));

    private static string Html => LazyHtml.Value;

    [Fact]
    public void The_total_chart_draws_every_fitted_model_and_the_fit_of_each_scenario()
    {
        var report = TrendsExample.Report;
        var chart = TrendsCharts.Totals(report, Indicator.Gwp);
        Assert.Equal("trend-gwp-total", chart.Id);
        Assert.Contains("<svg", chart.Svg, StringComparison.Ordinal);
        foreach (var section in report.Scenarios)
        {
            var trend = section.Trends.Trend(Indicator.Gwp, Phase.Total);
            var fit = trend.Fit!;
            // The models with a total GWP, read straight from the results: the same set and values the chart drew.
            var expected = section.Result.Models.Where(m => m.Result(Indicator.Gwp).Total is not null).ToList();
            var values = chart.Series.Single(s => s.Name == $"{section.Id} total value").Values;
            var years = chart.Series.Single(s => s.Name == $"{section.Id} total year").Values;
            Assert.Equal(expected.Select(m => m.Result(Indicator.Gwp).Total!.Median), values);
            Assert.Equal(expected.Select(m => m.Year), years);
            Assert.Equal(fit.Count, values.Length);
            Assert.Equal([fit.Intercept, fit.Slope], chart.Series.Single(s => s.Name == $"{section.Id} total fit").Values);
        }
    }

    [Fact]
    public void The_phase_chart_draws_use_per_scenario_and_production_once()
    {
        var report = TrendsExample.Report;
        var chart = TrendsCharts.Phases(report, Indicator.Gwp);
        var baseline = report.Scenarios[0];
        // Production is drawn from the first scenario only: it does not change with the scenario.
        var production = chart.Series.Single(s => s.Name == "production value").Values;
        Assert.Equal(baseline.Result.Models.Select(m => m.Result(Indicator.Gwp).Production).OfType<Band>().Select(b => b.Median), production);
        Assert.Equal(baseline.Trends.Trend(Indicator.Gwp, Phase.Production).Fit!.Count, production.Length);
        foreach (var section in report.Scenarios)
        {
            Assert.Equal(section.Result.Models.Count, chart.Series.Single(s => s.Name == $"{section.Id} use value").Values.Length);
        }
        Assert.Throws<ArgumentException>(() => TrendsCharts.Phases(report, Indicator.Energy));
        // Moving every training run to Sweden's grid lowers use-phase GWP: the shift's use line sits below the baseline's.
        var shift = report.Scenarios[1].Trends.Trend(Indicator.Gwp, Phase.Use).Fit!;
        var base0 = baseline.Trends.Trend(Indicator.Gwp, Phase.Use).Fit!;
        Assert.True(shift.Predict(2020) < base0.Predict(2020));
    }

    [Fact]
    public void The_production_share_chart_draws_the_pooled_and_median_shares_in_percent()
    {
        var report = TrendsExample.Report;
        var chart = TrendsCharts.ProductionShare(report);
        foreach (var section in report.Scenarios)
        {
            var rows = section.Trends.ProductionShares.Where(p => p.Indicator == Indicator.Gwp).ToList();
            Assert.NotEmpty(rows);
            Assert.Equal(rows.Select(r => (double)r.Year), chart.Series.Single(s => s.Name == $"{section.Id} year").Values);
            Assert.Equal(rows.Select(r => 100 * r.PooledShare), chart.Series.Single(s => s.Name == $"{section.Id} pooled %").Values);
            Assert.Equal(rows.Select(r => 100 * r.MedianShare), chart.Series.Single(s => s.Name == $"{section.Id} median %").Values);
        }
    }

    [Fact]
    public void The_card_chart_draws_every_card_with_a_year_and_a_gwp_and_their_fit()
    {
        var report = TrendsExample.Report;
        var rows = report.Cards.Rows;
        // Picked independently of CardProduction: catalog rows with a release year and a GWP estimate.
        var expected = rows.Where(r => r.ReleaseYear is not null && r.Result.Estimate?.Impact(ProductionCriterion.Gwp100) is not null).ToList();
        Assert.True(expected.Count >= 3, $"only {expected.Count} cards with a year and a GWP");
        Assert.Contains(rows, r => !r.Result.IsEstimated); // cards without an estimate stay in the rows, not drawn as 0
        var chart = TrendsCharts.CardGwp(report);
        Assert.Equal("card-production-gwp", chart.Id);
        Assert.Equal(expected.Select(r => r.Result.Estimate!.Impact(ProductionCriterion.Gwp100)!.Value), chart.Series.Single(s => s.Name == "cards gwp").Values);
        Assert.Equal(expected.Select(r => (double)r.ReleaseYear!.Value), chart.Series.Single(s => s.Name == "cards year").Values);
        var fit = LogLinearFit.Fit([.. expected.Select(r => ((double)r.ReleaseYear!.Value, r.Result.Estimate!.Impact(ProductionCriterion.Gwp100)!.Value))]);
        Assert.Equal(fit, report.Cards.Fit);
        Assert.Equal([fit.Intercept, fit.Slope], chart.Series.Single(s => s.Name == "cards fit").Values);
    }

    [Fact]
    public void The_confidence_band_of_the_line_matches_a_hand_computation()
    {
        // ln y = 0, 1, 1 at t = 0, 1, 2: t̄ = 1, Sxx = 2, Sxy = 1, b = 0.5, a = 2/3 − 0.5 = 1/6.
        // Residuals −1/6, 1/3, −1/6: SSR = 1/6, s = √(1/6), SE(b) = √(1/12). t(0.975, 1 df) = 12.70620.
        // At t = 1: half-width = 12.70620 × 0.408248 × 0.577350 = 2.99488 around 2/3.
        // At t = 3: half-width = 12.70620 × 0.408248 × √(7/3) = 7.92371 around 1/6 + 1.5 = 5/3.
        var fit = LogLinearFit.Fit([(0, 1), (1, Math.E), (2, Math.E)]);
        double[] years = [0, 1, 2];
        var (low, high) = TrendLine.Band(fit, years, 1);
        Assert.Equal((2.0 / 3) - 2.99488, Math.Log(low), 4);
        Assert.Equal((2.0 / 3) + 2.99488, Math.Log(high), 4);
        (low, high) = TrendLine.Band(fit, years, 3);
        Assert.Equal((5.0 / 3) - 7.92371, Math.Log(low), 4);
        Assert.Equal((5.0 / 3) + 7.92371, Math.Log(high), 4);
    }

    [Fact]
    public void The_trend_table_shows_the_numbers_of_each_fit()
    {
        foreach (var section in TrendsExample.Report.Scenarios)
        {
            foreach (var trend in section.Trends.Trends)
            {
                var row = TrendRow($"{section.Id}/{trend.Indicator.Key()}/{TrendsText.Name(trend.Phase)}");
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<td class=\"n\">{trend.Models}</td>"), row, StringComparison.Ordinal);
                var fit = trend.Fit;
                Assert.NotNull(fit); // 119 models assessed, 78 with production: every trend has enough points
                Assert.Contains($"×{NumberFormat.Format(fit.GrowthPerYear)}<", row, StringComparison.Ordinal);
                Assert.Contains($"{NumberFormat.Format(fit.GrowthPerYearLow)} – {NumberFormat.Format(fit.GrowthPerYearHigh)}", row, StringComparison.Ordinal);
                Assert.Contains($">{(fit.DoublingYears is { } d ? NumberFormat.Format(d) : "not growing")}<", row, StringComparison.Ordinal);
                Assert.Contains($">{fit.RSquared.ToString("0.000", CultureInfo.InvariantCulture)}<", row, StringComparison.Ordinal);
            }
        }
        var cards = TrendsExample.Report.Cards.Fit!;
        var cardRow = TrendRow("cards/gwp");
        Assert.Contains($"×{NumberFormat.Format(cards.GrowthPerYear)} per year", cardRow, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"n {cards.Count}<"), cardRow, StringComparison.Ordinal);
    }

    [Fact]
    public void The_selection_counts_are_those_of_the_december_2024_snapshot()
    {
        // docs/trends.md: 884 rows, 119 assessable; skipped by first reason: no hardware 621, no quantity 104,
        // no training time 32, several devices 8 (621 + 104 + 32 + 8 = 765 = 884 − 119).
        var selection = TrendsExample.Selection;
        Assert.Equal(884, selection.Total);
        Assert.Equal(119, selection.Assessable.Count);
        Assert.Contains("<div>Rows read<b>884</b></div><div>Assessed<b>119</b></div><div>Skipped<b>765</b></div>", Html, StringComparison.Ordinal);
        foreach (var (code, count) in new[] { ("no-hardware", 621), ("no-quantity", 104), ("no-training-time", 32), ("several-devices", 8) })
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<td><code>{code}</code></td><td class=\"n\">{count}</td>"), Html, StringComparison.Ordinal);
        }
        // Every skipped row is listed with its file line.
        Assert.Equal(765, Regex.Count(Html, "<tr><td class=\"n\">\\d+</td><td>[^<]*</td><td><code>"));
    }

    [Fact]
    public void Method_and_provenance_name_the_dataset_licence_reconstruction_and_sources()
    {
        foreach (var text in new[]
        {
            "Epoch AI — Notable AI Models", "December 2024", "CC BY 4.0", "Data: Epoch AI (epoch.ai)",
            "Reconstruction of Morand et al.&#39;s method; the paper&#39;s exact choices are unknown where stated.",
            "Luccioni et al. 2023", "Uptime Institute 2024", "44,676 h", "country-as-proxy rule", "<code>epoch-power-draw</code>",
            "200 draws, seed 20241201, 95 % band",
        })
        {
            Assert.Contains(text, Html, StringComparison.Ordinal);
        }
        foreach (var chart in new[] { "trend-energy-total", "trend-gwp-total", "trend-gwp-phases", "trend-adpe-total", "trend-adpe-phases", "trend-pe-total", "trend-pe-phases", "production-share-gwp", "card-production-gwp" })
        {
            Assert.Contains($"data-chart=\"{chart}\"", Html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_model_names_are_escaped()
    {
        const string hostile = "<script>alert('x')</script> & \"Q\"";
        const string escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Q&quot;";
        var s = TrendsExample.Selection;
        var doctored = new ModelSelection(
            [s.Assessable[0] with { Row = s.Assessable[0].Row with { Model = hostile } }, .. s.Assessable.Skip(1)],
            [s.Skipped[0] with { Row = s.Skipped[0].Row with { Model = hostile + " skipped" } }, .. s.Skipped.Skip(1)]);
        // A scenario is a public record: its id and description reach the headings, tables and chart legends (SVG).
        var report = TrendsExample.Build(doctored, Scenario.Baseline with { Id = hostile, Description = hostile });
        var html = TrendsHtmlReport.Render(report);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert('x')", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", TrendsCharts.Totals(report, Indicator.Gwp).Svg, StringComparison.Ordinal);
        Assert.Contains($"<td>{escaped}</td>", html, StringComparison.Ordinal); // per-model tables
        Assert.Contains($"<td>{escaped} skipped</td>", html, StringComparison.Ordinal); // skipped list
    }

    private static string TrendRow(string id)
    {
        var start = Html.IndexOf($"data-trend=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table row for trend {id}");
        var end = Html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return Html[start..end];
    }
}
