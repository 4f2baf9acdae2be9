using System.Net;
using System.Text.Json;
using Cradle.Server.Hosting;

namespace Cradle.Server.Tests;

/// <summary>Who may talk to the server: loopback without a token, anything else only with one, checked on every request.</summary>
public sealed class AccessTests
{
    private const string Token = "0123456789abcdef-test-token";

    [Fact]
    public async Task Loopback_without_a_token_serves_every_request()
    {
        await using var server = await ServerHost.StartAsync();
        using var answer = await server.Client.GetAsync(new Uri("/api", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("cradle", json.RootElement.GetProperty("tool").GetString());
        Assert.False(json.RootElement.GetProperty("token_required").GetBoolean());
        Assert.Equal(ServerOptions.DefaultMaxUploadBytes, json.RootElement.GetProperty("max_upload_bytes").GetInt64());
    }

    [Theory]
    [InlineData("http://0.0.0.0:5178")]
    [InlineData("http://[::]:5178")]
    [InlineData("http://*:5178")]
    [InlineData("http://+:5178")]
    [InlineData("http://cradle.example.org:5178")]
    [InlineData("http://192.168.1.20:5178")]
    public void A_public_address_without_a_token_is_refused(string url)
    {
        var options = new ServerOptions { Urls = ["http://127.0.0.1:0", url], StoreDisplay = "test" };
        using var throwaway = new ThrowawayStore();
        var e = Assert.Throws<ServerStartException>(() => CradleServer.Build(options, throwaway.Store));
        Assert.Contains(url, e.Message, StringComparison.Ordinal);
        Assert.Contains("--token", e.Message, StringComparison.Ordinal);
        Assert.Contains(ServerOptions.TokenVariable, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5178", true)]
    [InlineData("http://127.8.9.10:5178", true)]
    [InlineData("http://localhost:5178", true)]
    [InlineData("http://[::1]:5178", true)]
    [InlineData("http://0.0.0.0:5178", false)]
    [InlineData("http://10.0.0.1", false)]
    public void Loopback_is_told_from_the_rest(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.Public([url]).Count == 0);

    [Theory]
    [InlineData("https://127.0.0.1:5178", "reverse proxy")]
    [InlineData("ftp://127.0.0.1:21", "http://")]
    [InlineData("127.0.0.1:5178", "http://")]
    [InlineData("http://:5178", "no host")]
    public void Urls_it_cannot_serve_are_refused_with_the_fix(string url, string said)
    {
        var e = Assert.Throws<ServerStartException>(() => ListenAddresses.Public([url]));
        Assert.Contains(said, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("sixteen chars ok")]
    public void A_weak_token_is_refused(string token)
    {
        var options = new ServerOptions { Urls = ["http://127.0.0.1:0"], Token = token, StoreDisplay = "test" };
        using var throwaway = new ThrowawayStore();
        Assert.Throws<ServerStartException>(() => CradleServer.Build(options, throwaway.Store));
    }

    [Fact]
    public async Task With_a_token_on_a_public_address_every_request_needs_it()
    {
        await using var server = await ServerHost.StartAsync(o => o with { Urls = ["http://0.0.0.0:0"], Token = Token });
        foreach (var path in new[] { "/api", "/api/runs", "/metrics", "/openapi.json" })
        {
            using var refused = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("Bearer", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            using var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("token-required", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        }
        using var wrong = server.ClientWithToken(Token + "x");
        using (var answer = await wrong.GetAsync(new Uri("/api", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        }
        using var right = server.ClientWithToken(Token);
        using (var answer = await right.GetAsync(new Uri("/api", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
    }

    [Fact]
    public async Task A_page_without_the_token_goes_to_the_login_form_which_sets_a_strict_cookie()
    {
        await using var server = await ServerHost.StartAsync(o => o with { Token = Token });
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = server.Address };
        using (var page = await browser.GetAsync(new Uri("/runs?host=a", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/login?next=%2Fruns%3Fhost%3Da", page.Headers.Location!.OriginalString);
        }
        using (var bad = await browser.PostAsync(new Uri("/login?next=%2Fruns", UriKind.Relative), new FormUrlEncodedContent([new("token", "not-the-token-at-all")])))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
            Assert.Contains("not the server's token", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var good = await browser.PostAsync(new Uri("/login?next=%2Fruns", UriKind.Relative), new FormUrlEncodedContent([new("token", Token)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
            Assert.Equal("/runs", good.Headers.Location!.OriginalString);
            var cookie = Assert.Single(good.Headers.GetValues("Set-Cookie"));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }
        using (var api = await browser.GetAsync(new Uri("/api", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        }
    }

    [Theory]
    [InlineData("//elsewhere.example/x")]
    [InlineData("https://elsewhere.example/")]
    [InlineData("/\\elsewhere.example")]
    public async Task The_login_never_redirects_off_the_server(string next)
    {
        await using var server = await ServerHost.StartAsync(o => o with { Token = Token });
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = server.Address };
        using var answer = await browser.PostAsync(new Uri("/login?next=" + Uri.EscapeDataString(next), UriKind.Relative), new FormUrlEncodedContent([new("token", Token)]));
        Assert.Equal("/", answer.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        await using var server = await ServerHost.StartAsync();
        using var answer = await server.Client.GetAsync(new Uri("/api", UriKind.Relative));
        Assert.Equal(SecurityHeadersValue, answer.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(answer.Headers.Contains("Server"));
    }

    private const string SecurityHeadersValue = Security.SecurityHeaders.ContentSecurityPolicy;
}
