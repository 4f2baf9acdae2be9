using Cradle.Server.Api;
using Cradle.Server.Pages;
using Cradle.Server.Security;
using Microsoft.AspNetCore.Builder;

namespace Cradle.Server.Hosting;

/// <summary>Every route of the server, by area; each area maps its pages and its API together.</summary>
internal static class Endpoints
{
    public static void Map(WebApplication app, byte[]? token)
    {
        Metrics.MetricsEndpoints.Map(app);
        AssetEndpoints.Map(app);
        LoginEndpoints.Map(app, token);
        HomeEndpoints.Map(app);
        Runs.RunEndpoints.Map(app);
        Studies.StudyEndpoints.Map(app);
        TrendEndpoints.Map(app);
        OpenApiEndpoints.Map(app);
    }
}
