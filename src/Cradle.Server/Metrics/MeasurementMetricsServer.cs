using System.Globalization;
using System.Text;
using Cradle.Server.Api;
using Cradle.Server.Hosting;
using Cradle.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Cradle.Server.Metrics;

/// <summary>
/// <c>cradle measure --metrics [HOST:]PORT</c>: a small HTTP server exporting one measurement's
/// <see cref="MeasurementMetrics"/> at <c>/metrics</c> while the command runs. Loopback by default; any other address
/// needs a token, checked as <c>cradle serve</c> checks it. It logs nothing (standard error is the command's) and leaves
/// SIGINT and SIGTERM to the measurement, which passes them to the command.
/// </summary>
public sealed class MeasurementMetricsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private MeasurementMetricsServer(WebApplication app, MeasurementMetrics metrics, string url)
    {
        _app = app;
        Metrics = metrics;
        Url = url;
    }

    /// <summary>The series the measurement feeds.</summary>
    public MeasurementMetrics Metrics { get; }

    /// <summary>The address asked for, e.g. http://127.0.0.1:9464.</summary>
    public string Url { get; }

    /// <summary>Checks <paramref name="address"/> and the token and builds the server (not yet listening).</summary>
    /// <param name="address"><c>[HOST:]PORT</c>: HOST 127.0.0.1 when left out; port 0 lets the system choose.</param>
    /// <param name="token">The bearer token scrapes must carry; required unless HOST is loopback.</param>
    /// <exception cref="ServerStartException">The address cannot be read, or it is reachable from other machines and no
    /// (long enough) token is given.</exception>
    public static MeasurementMetricsServer Create(string address, string? token)
    {
        ArgumentNullException.ThrowIfNull(address);
        var url = UrlOf(address);
        var secret = CheckToken(address, url, token);
        var metrics = new MeasurementMetrics();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
        });
        // The console lifetime would stop this server on Ctrl+C; the measurement forwards the signal to its command instead
        // and stops the server when the command has ended.
        builder.Services.AddSingleton<IHostLifetime>(new QuietLifetime());
        var app = builder.Build();
        if (secret is not null)
        {
            app.UseMiddleware<TokenGate>(secret);
        }
        app.MapMetrics(Routes.Metrics, metrics.Registry);
        return new MeasurementMetricsServer(app, metrics, url);
    }

    /// <summary>Starts listening; returns the scrape URL with the port the system chose, e.g. http://127.0.0.1:40123/metrics.</summary>
    /// <exception cref="IOException">The address is taken or cannot be bound.</exception>
    public async Task<string> StartAsync(CancellationToken cancel = default)
    {
        await _app.StartAsync(cancel).ConfigureAwait(false);
        return _app.Urls.First() + Routes.Metrics;
    }

    /// <summary>Stops listening (a scrape in flight is given a second to finish); safe to call twice.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started (the address was taken): nothing to stop.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The listen URL of <c>[HOST:]PORT</c>.</summary>
    internal static string UrlOf(string address)
    {
        var text = address.Trim();
        var colon = text.LastIndexOf(':');
        // "[::1]:9464" keeps its brackets; a bare "::1" without a port is not an address this option takes.
        var host = colon < 0 ? "" : text[..colon];
        var portText = colon < 0 ? text : text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535
            || host.Any(c => char.IsWhiteSpace(c) || c is '/' or '@' or '?' or '#')
            || (host.Contains(':', StringComparison.Ordinal) && !(host.StartsWith('[') && host.EndsWith(']'))))
        {
            throw new ServerStartException(
                $"--metrics expects [HOST:]PORT, e.g. 9464, 127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464 (port 0: the system chooses); got '{address}'.");
        }
        return string.Create(CultureInfo.InvariantCulture, $"http://{(host.Length == 0 ? "127.0.0.1" : host)}:{port}");
    }

    private static byte[]? CheckToken(string address, string url, string? token)
    {
        if (ListenAddresses.Public([url]).Count > 0 && token is null)
        {
            throw new ServerStartException(
                $"--metrics {address} is reachable from other machines, so the metrics need a token: give --metrics-token or set " +
                $"${ServerOptions.TokenVariable} (at least {ServerOptions.MinimumTokenLength} characters, e.g. from 'openssl rand -hex 24'), " +
                "or listen on loopback only (e.g. --metrics 127.0.0.1:9464). Nothing was run.");
        }
        if (token is null)
        {
            return null;
        }
        if (token.Length < ServerOptions.MinimumTokenLength || token.Any(char.IsWhiteSpace))
        {
            throw new ServerStartException(
                $"the metrics token must be at least {ServerOptions.MinimumTokenLength} characters without spaces (e.g. from 'openssl rand -hex 24'). Nothing was run.");
        }
        return Encoding.UTF8.GetBytes(token);
    }

    /// <summary>A host lifetime that listens to no signal.</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
