using Cradle.Server.Api;
using Cradle.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Cradle.Server.Metrics;

/// <summary>Prometheus' /metrics (behind the token like every other path) and the request-latency middleware, over one
/// <see cref="ServerMetrics"/> per server.</summary>
internal static class MetricsEndpoints
{
    private const string Key = "cradle.server-metrics";

    /// <summary>Times every request after this point into <c>cradle_http_request_duration_seconds</c>.</summary>
    public static void UseRequestMetrics(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestDurations>(Of(app).RequestDuration);
    }

    /// <summary>Maps /metrics.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // prometheus-net maps every method; a scrape is a GET, and the API's description says so.
        app.MapMetrics(Routes.Metrics, Of(app).Registry).WithMetadata(new Microsoft.AspNetCore.Routing.HttpMethodMetadata(["GET"]));
    }

    /// <summary>The server's metrics, made on first use and kept with the application (never a process-wide registry).</summary>
    private static ServerMetrics Of(WebApplication app)
    {
        var properties = ((IApplicationBuilder)app).Properties;
        if (properties.TryGetValue(Key, out var kept) && kept is ServerMetrics metrics)
        {
            return metrics;
        }
        metrics = new ServerMetrics(app.Services.GetRequiredService<ServerState>().Store);
        properties[Key] = metrics;
        return metrics;
    }
}
