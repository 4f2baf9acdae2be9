using System.Text.Json;
using Cradle.Testing.Browser;

namespace Cradle.Server.Tests.Browser;

/// <summary>
/// The server's pages opened in headless Chromium the way a person (or a client with a token) would: they load without
/// console errors or failed resources, ask nothing of any other origin, and are styled by the server's own stylesheet.
/// </summary>
public sealed class ServerPagesInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Token = "0123456789abcdef-browser-token";

    [Fact]
    public async Task The_login_page_loads_cleanly_from_the_server_alone_and_is_styled()
    {
        await using var server = await ServerHost.StartAsync(o => o with { Token = Token });
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await using var page = await chromium.Browser.OpenPageAsync(new Uri(server.Address, "/login"), 1000, 700, limit.Token);
        // The brand's colour and weight come only from /assets/cradle.css (`header .brand { font-weight: 700; color:
        // var(--accent) }` with --accent #0b6e4f = rgb(0x0b, 0x6e, 0x4f) = rgb(11, 110, 79)); without the stylesheet
        // a link is blue (rgb(0, 0, 238)) and normal weight (400).
        var brand = await page.EvaluateAsync(
            "(() => { const s = getComputedStyle(document.querySelector('header .brand')); return [s.color, s.fontWeight]; })()",
            limit.Token);
        var title = await page.EvaluateAsync("document.title", limit.Token);
        var check = await page.CheckAsync(limit.Token);

        Assert.True(check.IsClean, check.Describe());
        Assert.Empty(check.RequestsOutside(server.Address));
        Assert.Contains(check.Requests, r => r.ResourceType == "Stylesheet" && r.IsTo(server.Address)
                                             && new Uri(r.Url).AbsolutePath == "/assets/cradle.css");
        Assert.Equal("rgb(11, 110, 79)", brand[0].GetString());
        Assert.Equal("700", brand[1].GetString());
        Assert.Equal("Sign in — Cradle", title.GetString());
        Assert.True(check.ScreenshotHasContent(), check.Describe());
    }

    [Fact]
    public async Task The_api_opens_with_the_bearer_token_and_is_refused_without_it()
    {
        await using var server = await ServerHost.StartAsync(o => o with { Token = Token });
        var api = new Uri(server.Address, "/api");
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        string text;
        PageCheck withToken;
        var bearer = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token };
        await using (var page = await chromium.Browser.OpenPageAsync(api, 800, 600, limit.Token, bearer))
        {
            // Chromium shows a JSON document as text in a <pre> (its pretty-print control, where present, is outside it).
            text = (await page.EvaluateAsync("document.querySelector('pre').textContent", limit.Token)).GetString() ?? "";
            withToken = await page.CheckAsync(limit.Token);
        }
        var without = await chromium.Browser.OpenUrlAsync(api, 800, 600, limit.Token);

        // Chromium asks for /favicon.ico on a document that names no icon (a JSON answer); the server answers it with
        // 204, so the JSON opens without a console error too.
        Assert.True(withToken.IsClean, withToken.Describe());
        Assert.Contains(withToken.Requests, r => r.ResourceType == "Document" && r.Url == api.AbsoluteUri);
        Assert.Empty(withToken.RequestsOutside(server.Address));
        using (var json = JsonDocument.Parse(text))
        {
            Assert.Equal("cradle", json.RootElement.GetProperty("tool").GetString());
            Assert.True(json.RootElement.GetProperty("token_required").GetBoolean());
        }
        Assert.Contains(without.FailedResources, r => r.Contains("/api: HTTP 401", StringComparison.Ordinal));
    }
}
