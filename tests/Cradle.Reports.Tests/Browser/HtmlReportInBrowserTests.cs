using System.Globalization;
using Cradle.Reports.Rendering;

namespace Cradle.Reports.Tests.Browser;

/// <summary>
/// The example's HTML report opened in headless Chromium as a reader would: no console error, no image or resource
/// that failed to load, every chart drawn, and a screenshot that is not blank.
/// </summary>
public sealed class HtmlReportInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static string ReportHtml()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        HtmlReport.Write(ExampleResults.Model, writer);
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
}
