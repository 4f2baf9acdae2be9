using Microsoft.AspNetCore.Builder;

namespace Cradle.Server.Runs;

/// <summary>Routes of runs list and pages, a run's page, samples and live updates (being built: issue 15).</summary>
internal static class RunEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
