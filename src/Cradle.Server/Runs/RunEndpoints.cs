using Microsoft.AspNetCore.Builder;

namespace Cradle.Server.Runs;

/// <summary>Routes of the runs: the list and a run's page, its API (cradle.runs/1, cradle.run/1, cradle.samples/1,
/// cradle.run-footprint/1), its live updates (Server-Sent Events), and batch jobs (cradle.job/1). docs/serve.md, "Runs".</summary>
internal static class RunEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/runs", context => RunApi.ListAsync(context));
        app.MapGet("/api/runs/{run}", context => RunApi.ShowAsync(context));
        app.MapGet("/api/runs/{run}/samples", context => RunApi.SamplesAsync(context));
        app.MapGet("/api/runs/{run}/footprint", context => RunApi.FootprintAsync(context));
        app.MapGet("/api/runs/{run}/events", context => RunEvents.StreamAsync(context));
        app.MapGet("/api/jobs/{job}", context => RunApi.JobAsync(context));
        app.MapGet("/runs", context => RunPages.ListAsync(context));
        app.MapGet("/runs/{run}", context => RunPages.ShowAsync(context));
        app.MapGet("/jobs/{job}", context => RunPages.JobAsync(context));
    }
}
