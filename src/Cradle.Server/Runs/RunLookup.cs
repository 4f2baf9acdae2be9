using Cradle.Core;
using Cradle.Server.Api;
using Cradle.Store;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Runs;

/// <summary>The run a route names (<c>{run}</c>: its id or its name), or the 404 that says which runs are close.</summary>
internal static class RunLookup
{
    // Suggestions compare against the newest runs only: the work per unknown name stays bounded however big the store.
    private const int SuggestionPool = 1000;

    /// <summary>The run named by route value <c>run</c>; null after answering 404 <c>run-not-found</c>.</summary>
    public static async Task<Run?> FindAsync(HttpContext context, IRunStore store)
    {
        var wanted = context.Request.RouteValues["run"] as string ?? "";
        if (store.FindRun(wanted) is { } run)
        {
            return run;
        }

        await ErrorAsync(context, store, wanted).ConfigureAwait(false);
        return null;
    }

    /// <summary>Answers 404 <c>run-not-found</c> with the closest run ids and names.</summary>
    public static Task ErrorAsync(HttpContext context, IRunStore store, string wanted)
    {
        var candidates = store.ListRuns(new RunFilter(Limit: SuggestionPool))
            .SelectMany(r => r.Name is null ? [r.Id] : new[] { r.Id, r.Name });
        var closest = NameSuggestions.Closest(wanted, candidates);
        var hint = closest.Count == 0 ? "" : $" Did you mean {string.Join(", ", closest)}?";
        return ApiResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "run-not-found",
            $"No run has the id or name '{wanted}'.{hint} GET /api/runs lists the runs.",
            closest.Count == 0 ? null : w =>
            {
                foreach (var c in closest)
                {
                    w.WriteStartObject();
                    w.WriteString("suggestion", c);
                    w.WriteEndObject();
                }
            });
    }
}
