using System.Text.Json;
using Cradle.Catalog;
using Cradle.Runs;
using Cradle.Server.Api;
using Cradle.Server.Hosting;
using Cradle.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cradle.Server.Runs;

/// <summary>The runs' REST API: the same documents as <c>cradle runs … --format json</c> (Cradle.Runs writes both).</summary>
internal static class RunApi
{
    /// <summary><c>GET /api/runs</c>: cradle.runs/1, filtered by job, host, model, tag and status.</summary>
    public static Task ListAsync(HttpContext context)
    {
        var store = State(context).Store;
        if (RunQuery.Filter(context.Request.Query, out var problem) is not { } filter)
        {
            return BadQueryAsync(context, problem!);
        }

        // As the CLI does before reading: runs whose writer is gone are stored as interrupted.
        store.MarkInterruptedRuns();
        return DocumentAsync(context, w => RunJson.ListJson(store.ListRuns(filter), w));
    }

    /// <summary><c>GET /api/runs/{run}</c>: cradle.run/1.</summary>
    public static async Task ShowAsync(HttpContext context)
    {
        var store = State(context).Store;
        store.MarkInterruptedRuns();
        if (await RunLookup.FindAsync(context, store).ConfigureAwait(false) is not { } run)
        {
            return;
        }

        var sensors = store.GetSensors(run.Id);
        var samples = store.GetSamples(run.Id);
        var idle = store.GetIdleBaseline(run.Id);
        await DocumentAsync(context, w => RunJson.ShowJson(run, sensors, samples, idle, w)).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/runs/{run}/samples?after=S&amp;limit=N</c>: cradle.samples/1, the samples after offset S.</summary>
    public static async Task SamplesAsync(HttpContext context)
    {
        var store = State(context).Store;
        var query = context.Request.Query;
        if (RunQuery.Offset(query, "after", out var problem) is not { } after
            || RunQuery.Limit(query, "limit", RunQuery.DefaultSampleLimit, RunQuery.MaxSampleLimit, out problem) is not { } limit)
        {
            await BadQueryAsync(context, problem!).ConfigureAwait(false);
            return;
        }

        if (await RunLookup.FindAsync(context, store).ConfigureAwait(false) is not { } run)
        {
            return;
        }

        var samples = store.GetSamplesAfter(run.Id, after, limit);
        await DocumentAsync(context, w => RunJson.SamplesJson(samples, w)).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/runs/{run}/footprint?site=ID</c>: cradle.run-footprint/1.</summary>
    public static async Task FootprintAsync(HttpContext context)
    {
        var store = State(context).Store;
        store.MarkInterruptedRuns();
        var siteAsked = RunQuery.Value(context.Request.Query, "site");
        if (siteAsked is { Length: > 256 })
        {
            await BadQueryAsync(context, "site is a catalog id of at most 256 characters.").ConfigureAwait(false);
            return;
        }

        if (await RunLookup.FindAsync(context, store).ConfigureAwait(false) is not { } run)
        {
            return;
        }

        var site = RunFootprintJson.Site(CatalogLoader.Shipped, run, siteAsked);
        if (siteAsked is not null && site.Site is null)
        {
            await ApiResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-query", $"site: {site.Unavailable}").ConfigureAwait(false);
            return;
        }

        var sensors = store.GetSensors(run.Id);
        var samples = store.GetSamples(run.Id);
        await ApiResponses.JsonAsync(context, StatusCodes.Status200OK, w => RunFootprintJson.Write(w, run, sensors, samples, site)).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/jobs/{job}?nodes=N</c>: cradle.job/1, the job's runs across nodes summed.</summary>
    public static async Task JobAsync(HttpContext context)
    {
        var store = State(context).Store;
        int? nodes = null;
        if (RunQuery.Value(context.Request.Query, "nodes") is not null)
        {
            if (RunQuery.Limit(context.Request.Query, "nodes", 1, 100_000, out var problem) is not { } n)
            {
                await BadQueryAsync(context, problem!).ConfigureAwait(false);
                return;
            }
            nodes = n;
        }

        store.MarkInterruptedRuns();
        var jobId = context.Request.RouteValues["job"] as string ?? "";
        if (MeasuredRuns.Job(store, jobId) is not { } job)
        {
            await ApiResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "job-not-found",
                $"No run of job '{jobId}' is stored (cradle measure --job ID records one per node).").ConfigureAwait(false);
            return;
        }

        await ApiResponses.JsonAsync(context, StatusCodes.Status200OK, w => JobJson.Write(job, nodes, w)).ConfigureAwait(false);
    }

    /// <summary>400 <c>bad-query</c>: the problem names the parameter and its valid values.</summary>
    public static Task BadQueryAsync(HttpContext context, string problem) =>
        ApiResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, "bad-query", problem);

    public static ServerState State(HttpContext context) => context.RequestServices.GetRequiredService<ServerState>();

    // The run documents are written by Cradle.Runs to a TextWriter (as the CLI prints them): served as they are.
    private static Task DocumentAsync(HttpContext context, Action<TextWriter> write)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(text);
        return ApiResponses.JsonTextAsync(context, StatusCodes.Status200OK, text.ToString());
    }
}
