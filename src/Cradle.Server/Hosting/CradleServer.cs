using System.Text;
using Cradle.Server.Api;
using Cradle.Server.Security;
using Cradle.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cradle.Server.Hosting;

/// <summary>
/// Builds the <c>cradle serve</c> application: Kestrel on the given addresses with the upload limit, the checks every
/// request passes (errors, security headers, token), and the pages, API, OpenAPI description and metrics.
/// </summary>
public static class CradleServer
{
    /// <summary>Checks the options and builds the application (not yet started).</summary>
    /// <param name="options">Addresses, token, limits.</param>
    /// <param name="store">The run store served; the caller owns it and disposes it after the server stops.</param>
    /// <param name="time">The clock; the system's by default.</param>
    /// <param name="logLevel">The least severe log entry written to standard error.</param>
    /// <exception cref="ServerStartException">A public address without a token, a token too short, a URL it cannot read.</exception>
    public static WebApplication Build(ServerOptions options, IRunStore store, TimeProvider? time = null, LogLevel logLevel = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        var token = CheckToken(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes;
        });
        builder.Services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = options.MaxUploadBytes;
            form.ValueLengthLimit = (int)Math.Min(options.MaxUploadBytes, int.MaxValue);
        });
        builder.Services.AddSingleton(new ServerState(options, store, time ?? TimeProvider.System));
        if (options.TrendsDataset is { } dataset)
        {
            builder.Services.AddSingleton(new Trends.TrendsView(dataset));
        }

        var app = builder.Build();
        app.UseMiddleware<ErrorBoundary>();
        app.UseMiddleware<SecurityHeaders>();
        // Behind a reverse proxy on this machine (docs/serve.md), X-Forwarded-Proto says the browser spoke https, so the
        // login cookie is marked Secure. Only loopback proxies are believed (the middleware's default).
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        if (token is not null)
        {
            app.UseMiddleware<TokenGate>(token);
        }
        Metrics.MetricsEndpoints.UseRequestMetrics(app);
        Endpoints.Map(app, token);
        return app;
    }

    /// <summary>The addresses the started application listens on (with the ports the system chose for port 0).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Urls];
    }

    private static byte[]? CheckToken(ServerOptions options)
    {
        if (options.Urls.Count == 0)
        {
            throw new ServerStartException($"--urls: give at least one address (e.g. {ServerOptions.DefaultUrl}).");
        }
        var open = ListenAddresses.Public(options.Urls);
        if (options.Token is null)
        {
            if (open.Count > 0)
            {
                throw new ServerStartException(
                    $"--urls {string.Join(' ', open)} is reachable from other machines, so the server needs a token: give --token or " +
                    $"set ${ServerOptions.TokenVariable} (at least {ServerOptions.MinimumTokenLength} characters, e.g. from 'openssl rand -hex 24'), " +
                    $"or listen on loopback only ({ServerOptions.DefaultUrl}).");
            }
            return null;
        }
        if (options.Token.Length < ServerOptions.MinimumTokenLength || options.Token.Any(char.IsWhiteSpace))
        {
            throw new ServerStartException(
                $"the token must be at least {ServerOptions.MinimumTokenLength} characters without spaces (e.g. from 'openssl rand -hex 24').");
        }
        return Encoding.UTF8.GetBytes(options.Token);
    }
}
