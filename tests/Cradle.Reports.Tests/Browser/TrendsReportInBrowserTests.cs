using Cradle.Reports.Tests.Trends;
using Cradle.Reports.Trends;
using Cradle.Testing.Browser;

namespace Cradle.Reports.Tests.Browser;

/// <summary>The trends report over the real Epoch run, opened in headless Chromium: it loads cleanly and shows content.</summary>
public sealed class TrendsReportInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_trends_report_loads_cleanly_and_shows_content()
    {
        var html = TrendsHtmlReport.Render(TrendsExample.Report);
        var page = await chromium.OpenAsync("trends.html", html, 1100, 1600);
        Assert.True(page.IsClean, page.Describe());
        Assert.True(page.ScreenshotHasContent(), page.Describe());
        var narrow = await chromium.OpenAsync("trends-narrow.html", html, 800, 600);
        Assert.True(narrow.IsClean, narrow.Describe());
        Assert.True(narrow.ScreenshotHasContent(), narrow.Describe());
    }
}
