using Microsoft.AspNetCore.Builder;

namespace Cradle.Server.Runs;

/// <summary>Routes of the runs: the list and a run's page, its API (cradle.runs/1, cradle.run/1, cradle.samples/1,
/// cradle.run-footprint/1), its live updates (Server-Sent Events), and batch jobs (cradle.job/1). docs/serve.md, "Runs".</summary>
internal static class RunEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/runs", RunApi.ListAsync);
        app.MapGet("/api/runs/{run}", RunApi.ShowAsync);
        app.MapGet("/api/runs/{run}/samples", RunApi.SamplesAsync);
        app.MapGet("/api/runs/{run}/footprint", RunApi.FootprintAsync);
        app.MapGet("/api/runs/{run}/events", RunEvents.StreamAsync);
        app.MapGet("/api/jobs/{job}", RunApi.JobAsync);
        app.MapGet("/runs", RunPages.ListAsync);
        app.MapGet("/runs/{run}", RunPages.ShowAsync);
        app.MapGet("/jobs/{job}", RunPages.JobAsync);
    }
}
