using Cradle.Server.Hosting;
using Cradle.Server.Metrics;

namespace Cradle.Server.Tests;

/// <summary>How <c>cradle measure --metrics [HOST:]PORT</c> reads its address and when it asks for a token.</summary>
public sealed class MeasurementMetricsServerTests
{
    [Theory]
    [InlineData("9464", "http://127.0.0.1:9464")]
    [InlineData(":9464", "http://127.0.0.1:9464")]
    [InlineData("0", "http://127.0.0.1:0")]
    [InlineData("0.0.0.0:9464", "http://0.0.0.0:9464")]
    [InlineData("[::1]:9464", "http://[::1]:9464")]
    [InlineData("node01.example.org:9464", "http://node01.example.org:9464")]
    public void An_address_is_read_with_loopback_as_the_default_host(string address, string url) =>
        Assert.Equal(url, MeasurementMetricsServer.UrlOf(address));

    [Theory]
    [InlineData("")]
    [InlineData("host")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("::1:9464")]
    [InlineData("evil/path:9464")]
    public void An_address_it_cannot_read_is_refused_with_the_form(string address)
    {
        var e = Assert.Throws<ServerStartException>(() => MeasurementMetricsServer.UrlOf(address));
        Assert.Contains("[HOST:]PORT", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0:0", null, "--metrics-token")]
    [InlineData("0.0.0.0:0", "short", "at least 16")]
    public void A_public_address_needs_a_strong_token(string address, string? token, string said)
    {
        var e = Assert.Throws<ServerStartException>(() => MeasurementMetricsServer.Create(address, token));
        Assert.Contains(said, e.Message, StringComparison.Ordinal);
    }
}
