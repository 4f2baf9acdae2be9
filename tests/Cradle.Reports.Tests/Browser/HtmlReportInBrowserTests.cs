using System.Globalization;
using Cradle.Reports.Rendering;
using Cradle.Testing.Browser;

namespace Cradle.Reports.Tests.Browser;

/// <summary>
/// The example's HTML report opened in headless Chromium as a reader would: no console error, no image or resource
/// that failed to load, every chart drawn, and a screenshot that is not blank.
/// </summary>
public sealed class HtmlReportInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static string ReportHtml() => ReportHtml(ExampleResults.Model);

    private static string ReportHtml(Cradle.Results.AssessmentResults model)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        HtmlReport.Write(model, writer);
        return writer.ToString();
    }

    [Fact]
    public async Task The_example_report_loads_cleanly_and_shows_content()
    {
        var html = ReportHtml();
        var page = await chromium.OpenAsync("report.html", html, 1100, 1600);
        Assert.True(page.IsClean, page.Describe());
        Assert.True(page.ScreenshotHasContent(), page.Describe());
        // Every chart the report promises is there, as inline SVG (nothing fetched).
        foreach (var chart in new[] { "stage-shares", "amortisation", "distribution", "tornado", "comparison" })
        {
            Assert.Contains($"data-chart=\"{chart}\"", html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_narrow_laptop_window_still_shows_the_report()
    {
        var page = await chromium.OpenAsync("report-narrow.html", ReportHtml(), 800, 600);
        Assert.True(page.IsClean, page.Describe());
        Assert.True(page.ScreenshotHasContent(), page.Describe());
    }

    [Fact]
    public async Task The_reasoning_vs_training_report_loads_cleanly_with_its_trade_off_chart()
    {
        var html = ReportHtml(ExampleResults.ReasoningModel);
        var page = await chromium.OpenAsync("reasoning-report.html", html, 1100, 1600);
        Assert.True(page.IsClean, page.Describe());
        Assert.True(page.ScreenshotHasContent(), page.Describe());
        foreach (var chart in new[] { "stage-shares", "amortisation", "distribution", "comparison", "tradeoff" })
        {
            Assert.Contains($"data-chart=\"{chart}\"", html, StringComparison.Ordinal);
        }
        // The alternative that misses the quality constraint is named in the warnings, with the figures.
        Assert.Contains("GSM8K accuracy 0.845 &lt; functional unit minimum 0.88", html, StringComparison.Ordinal);
    }
}
