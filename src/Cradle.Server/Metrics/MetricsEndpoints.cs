using Microsoft.AspNetCore.Builder;

namespace Cradle.Server.Metrics;

/// <summary>Routes of Prometheus /metrics and request latencies (being built: issue 15).</summary>
internal static class MetricsEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
