using Microsoft.AspNetCore.Builder;

namespace Cradle.Server.Pages;

/// <summary>Routes of the trends dataset view (being built: issue 15).</summary>
internal static class TrendEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
