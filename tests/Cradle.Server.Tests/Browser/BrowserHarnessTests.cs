using Cradle.Testing.Browser;

namespace Cradle.Server.Tests.Browser;

/// <summary>
/// The browser harness itself, on small pages of its own: requests to another origin are reported, a page that draws
/// late is waited for, and a condition that never holds fails within its deadline with a message.
/// </summary>
public sealed class BrowserHarnessTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    // A loopback address other than the page's own (127.0.0.2 is loopback on Linux; nothing listens on the port, so
    // the request is refused at once instead of waiting).
    private const string Elsewhere = "http://127.0.0.2:65000/x.png";

    [Fact]
    public async Task A_request_to_another_origin_is_reported_and_data_urls_are_not()
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title><link rel="icon" href="data:,"></head>
            <body><p>Chart:</p><img src="{Elsewhere}" alt="chart">
            <img src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==" alt="dot"></body></html>
            """;

        var page = await chromium.OpenAsync("elsewhere.html", html);

        var origin = new Uri(chromium.PathOf("elsewhere.html"));
        var outside = Assert.Single(page.RequestsOutside(origin));
        Assert.Equal((Elsewhere, "GET", "Image"), (outside.Url, outside.Method, outside.ResourceType));
        Assert.Contains(page.Requests, r => r.ResourceType == "Document" && r.IsTo(origin));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5178/runs", true)]
    [InlineData("HTTP://127.0.0.1:5178/assets/cradle.css", true)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", true)]
    [InlineData("blob:http://127.0.0.1:5178/0b7c", true)]
    [InlineData("http://127.0.0.1:5179/runs", false)]
    [InlineData("https://127.0.0.1:5178/runs", false)]
    [InlineData("http://localhost:5178/runs", false)]
    [InlineData("https://cdn.example.org/chart.js", false)]
    [InlineData("not a url", false)]
    public void A_request_is_to_the_origin_only_with_its_scheme_host_and_port(string url, bool inside)
    {
        var request = new PageRequest(url, "GET", "Other");
        Assert.Equal(inside, request.IsTo(new Uri("http://127.0.0.1:5178/")));
    }

    [Fact]
    public async Task A_page_that_draws_late_is_waited_for_and_read()
    {
        // The chart appears 300 ms after load, as a dashboard's chart does after its fetch; until then the condition
        // throws (no #chart), which counts as not yet.
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Late</title><link rel="icon" href="data:,"></head>
            <body><div id="holder"></div><script>
            setTimeout(() => {
              document.getElementById('holder').innerHTML =
                '<svg id="chart" width="120" height="60"><circle cx="10" cy="10" r="5"/><circle cx="60" cy="30" r="5"/>' +
                '<circle cx="110" cy="50" r="5"/></svg><p id="caption">3 runs</p>';
            }, 300);
            </script></body></html>
            """;
        await File.WriteAllTextAsync(chromium.PathOf("late.html"), html);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await using var page = await chromium.Browser.OpenPageAsync(new Uri(chromium.PathOf("late.html")), 400, 300, limit.Token);
        await page.WaitForAsync("document.querySelector('#chart').childElementCount === 3", TimeSpan.FromSeconds(10), limit.Token);
        var points = await page.EvaluateAsync("document.querySelectorAll('#chart circle').length", limit.Token);
        var caption = await page.EvaluateAsync("document.getElementById('caption').textContent", limit.Token);
        var check = await page.CheckAsync(limit.Token);

        Assert.Equal(3, points.GetInt32());
        Assert.Equal("3 runs", caption.GetString());
        Assert.True(check.IsClean, check.Describe());
        Assert.True(check.ScreenshotHasContent(), check.Describe());
    }

    [Fact]
    public async Task A_condition_that_never_holds_fails_at_its_deadline_and_says_why()
    {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Never</title><link rel="icon" href="data:,"></head>
            <body><p>No chart will come.</p></body></html>
            """;
        await File.WriteAllTextAsync(chromium.PathOf("never.html"), html);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await using var page = await chromium.Browser.OpenPageAsync(new Uri(chromium.PathOf("never.html")), 400, 300, limit.Token);
        var waited = await Assert.ThrowsAsync<TimeoutException>(
            () => page.WaitForAsync("document.querySelector('#chart').childElementCount > 0", TimeSpan.FromMilliseconds(300), limit.Token));
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => page.EvaluateAsync("document.querySelector('#chart').childElementCount", limit.Token));

        Assert.Contains("#chart", waited.Message, StringComparison.Ordinal);
        Assert.Contains("TypeError", waited.Message, StringComparison.Ordinal);
        Assert.Contains("TypeError", thrown.Message, StringComparison.Ordinal);
        // The page is still usable after both.
        Assert.Equal("Never", (await page.EvaluateAsync("document.title", limit.Token)).GetString());
    }
}
