using Microsoft.AspNetCore.Builder;

namespace Cradle.Server.Api;

/// <summary>Routes of the OpenAPI description (being built: issue 15).</summary>
internal static class OpenApiEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
