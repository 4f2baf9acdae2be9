using System.Diagnostics;
using System.Text.Json;

namespace Cradle.ServeLoad;

/// <summary>
/// One dashboard reader: in turn the runs list (API and page), a run (API and page) and its samples, as fast as
/// answers come, until the time is up; or, as Prometheus does, <c>/metrics</c> once a second. Each answer must be 200.
/// </summary>
internal sealed class Reader(HttpClient client, LatencyLog log, int seed)
{
    private readonly Random random = new(seed);

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var runs = await GetAsync("GET /api/runs", "/api/runs", stop).ConfigureAwait(false);
            var ids = runs is null ? [] : Ids(runs);
            await GetAsync("GET /runs", "/runs", stop).ConfigureAwait(false);
            if (ids.Count > 0)
            {
                var id = Uri.EscapeDataString(ids[random.Next(ids.Count)]);
                await GetAsync("GET /api/runs/{run}", $"/api/runs/{id}", stop).ConfigureAwait(false);
                await GetAsync("GET /api/runs/{run}/samples", $"/api/runs/{id}/samples?after=0&limit=500", stop).ConfigureAwait(false);
                await GetAsync("GET /runs/{run}", $"/runs/{id}", stop).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Scrapes /metrics every <paramref name="period"/> (Prometheus' default is 15 s; once a second is harsher).</summary>
    public async Task ScrapeAsync(TimeSpan period, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            do
            {
                await GetAsync("GET /metrics", "/metrics", stop).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Time is up.
        }
    }

    private async Task<string?> GetAsync(string route, string path, CancellationToken stop)
    {
        if (stop.IsCancellationRequested)
        {
            return null;
        }
        var clock = Stopwatch.StartNew();
        try
        {
            using var answer = await client.GetAsync(new Uri(path, UriKind.Relative), CancellationToken.None).ConfigureAwait(false);
            var body = await answer.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
            log.Add(route, clock.Elapsed.TotalMilliseconds);
            if (!answer.IsSuccessStatusCode)
            {
                log.Fail(route, $"HTTP {(int)answer.StatusCode}");
                return null;
            }
            return body;
        }
        catch (HttpRequestException e)
        {
            log.Fail(route, e.Message);
            return null;
        }
    }

    private static List<string> Ids(string runs)
    {
        using var json = JsonDocument.Parse(runs);
        return [.. json.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
    }
}
