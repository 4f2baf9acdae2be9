using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Api;

/// <summary>Which paths machines read (JSON, metrics) and which people read (HTML pages): a refusal is a 401 JSON error
/// for the first and the login form for the second.</summary>
public static class Routes
{
    /// <summary>The REST API's prefix.</summary>
    public const string Api = "/api";

    /// <summary>Prometheus' scrape path.</summary>
    public const string Metrics = "/metrics";

    /// <summary>The OpenAPI description of the API.</summary>
    public const string OpenApi = "/openapi.json";

    /// <summary>Whether <paramref name="path"/> is read by programs rather than people.</summary>
    public static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments(Api, StringComparison.Ordinal) || path.StartsWithSegments(Metrics, StringComparison.Ordinal)
        || path.Equals(OpenApi, StringComparison.Ordinal);
}
