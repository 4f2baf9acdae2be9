using Cradle.Store;
using Cradle.Testing.Browser;

namespace Cradle.Server.Tests.Browser;

/// <summary>
/// The runs' pages in headless Chromium: the list and its tag filter, a finished run's charts drawn from the samples
/// API (one series per sensor that has the figure, one point per sample that has it), and a running run's chart and
/// status following the store while the page is open. Every page loads cleanly and asks nothing of another origin.
/// </summary>
public sealed class RunPagesInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Rows = "document.querySelectorAll('#runs tbody tr').length";

    [Fact]
    public async Task The_runs_list_shows_both_runs_and_its_tag_filter_keeps_the_tagged_one()
    {
        await using var server = await ServerHost.StartAsync();
        var tagged = PageSetups.StartRun(server.Store, "train.py", ["gpu0"], "baseline");
        server.Store.FinishRun(tagged.Id, RunStatus.Complete, 0);
        var other = PageSetups.StartRun(server.Store, "other.py", ["gpu0"]);
        server.Store.FinishRun(other.Id, RunStatus.Complete, 0);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await using var page = await chromium.Browser.OpenPageAsync(new Uri(server.Address, "/runs"), 1200, 800, limit.Token);
        var listed = await page.EvaluateAsync("[...document.querySelectorAll('#runs tbody tr td:first-child a')].map(a => a.textContent).sort()", limit.Token);
        var check = await page.CheckAsync(limit.Token);
        // The filter form, as a person uses it: type the tag, submit; the list reloads with only the tagged run.
        await page.EvaluateAsync(
            "(() => { const f = document.querySelector('form.filters'); f.querySelector('input[name=tag]').value = 'baseline'; f.submit(); return true; })()",
            limit.Token);
        await page.WaitForAsync($"location.search.includes('tag=baseline') && document.readyState === 'complete' && {Rows} === 1", PageSetups.DrawTimeout, limit.Token);
        var filtered = await page.EvaluateAsync("document.querySelector('#runs tbody tr td:first-child a').textContent", limit.Token);
        var filteredCheck = await page.CheckAsync(limit.Token);

        Assert.True(check.IsClean, check.Describe());
        Assert.Empty(check.RequestsOutside(server.Address));
        Assert.Equal(new[] { tagged.Id, other.Id }.Order(StringComparer.Ordinal), listed.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(tagged.Id, filtered.GetString());
        Assert.True(filteredCheck.IsClean, filteredCheck.Describe());
        Assert.Empty(filteredCheck.RequestsOutside(server.Address));
        Assert.Contains(filteredCheck.Requests, r => r.ResourceType == "Document" && new Uri(r.Url).PathAndQuery.StartsWith("/runs?", StringComparison.Ordinal)
                                                     && r.Url.Contains("tag=baseline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_finished_run_draws_one_series_per_sensor_with_a_point_per_sample_that_has_the_figure()
    {
        await using var server = await ServerHost.StartAsync();
        var run = PageSetups.StartRun(server.Store, "train.py --steps 4", ["gpu0", "gpu1"]);
        // gpu0: 4 samples with power, 3 of them with temperature (the one at 3 s has none);
        // gpu1: 3 samples with power and no temperature at all, so it draws no temperature series.
        server.Store.AppendSamples([
            new(run.Id, "gpu0", 1, 250, 250, 55, 0.9),
            new(run.Id, "gpu0", 2, 550, 300, 58, 0.95),
            new(run.Id, "gpu0", 3, 830, 280, null, 0.92),
            new(run.Id, "gpu0", 4, 1140, 310, 61, 0.97),
            new(run.Id, "gpu1", 1, 120, 120, null, 0.4),
            new(run.Id, "gpu1", 2, 300, 180, null, 0.6),
            new(run.Id, "gpu1", 3, 460, 160, null, 0.5),
        ]);
        server.Store.FinishRun(run.Id, RunStatus.Complete, 0);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await using var page = await chromium.Browser.OpenPageAsync(new Uri(server.Address, "/runs/" + run.Id), 1200, 800, limit.Token);
        await page.WaitForAsync("document.querySelectorAll('#power-chart .series').length === 2 && document.querySelectorAll('#temperature-chart .series').length === 1",
            PageSetups.DrawTimeout, limit.Token);
        var power = await PageSetups.SeriesAsync(page, "power-chart", limit.Token);
        var temperature = await PageSetups.SeriesAsync(page, "temperature-chart", limit.Token);
        // The screenshot shows the charts (below the facts and the sensors), so its content check covers what was drawn.
        await page.EvaluateAsync("document.getElementById('power-chart').closest('figure').scrollIntoView({ block: 'start' })", limit.Token);
        var check = await page.CheckAsync(limit.Token);
        PageSetups.WriteScreenshotIfAsked(check, "serve-run.png");

        Assert.Equal([("gpu0", 4), ("gpu1", 3)], power);
        Assert.Equal([("gpu0", 3)], temperature);
        Assert.True(check.IsClean, check.Describe());
        Assert.Empty(check.RequestsOutside(server.Address));
        Assert.Contains(check.Requests, r => r.ResourceType == "Fetch" && new Uri(r.Url).AbsolutePath == $"/api/runs/{run.Id}/samples");
        // A finished run is not followed: no event stream is opened.
        Assert.DoesNotContain(check.Requests, r => r.Url.Contains("/events", StringComparison.Ordinal));
        Assert.True(check.ScreenshotHasContent(), check.Describe());
    }

    [Fact]
    public async Task A_running_run_page_follows_new_samples_and_the_finish_while_open()
    {
        await using var server = await ServerHost.StartAsync();
        var run = PageSetups.StartRun(server.Store, "serve.py", ["gpu0"]);
        server.Store.AppendSamples([new(run.Id, "gpu0", 1, 200, 200, 50, 0.8), new(run.Id, "gpu0", 2, 420, 220, 52, 0.85)]);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        const string PowerPoints = "(document.querySelector('#power-chart polyline.series')?.getAttribute('points').trim().split(/\\s+/).length ?? 0)";

        await using var page = await chromium.Browser.OpenPageAsync(new Uri(server.Address, "/runs/" + run.Id), 1200, 800, limit.Token);
        await page.WaitForAsync($"{PowerPoints} === 2", PageSetups.DrawTimeout, limit.Token);
        var before = (await page.EvaluateAsync("document.getElementById('run-status').textContent", limit.Token)).GetString();

        // Three more samples while the page is open: the event stream (polling the store about once a second) brings them.
        server.Store.AppendSamples([
            new(run.Id, "gpu0", 3, 650, 230, 53, 0.86), new(run.Id, "gpu0", 4, 890, 240, 54, 0.88), new(run.Id, "gpu0", 5, 1140, 250, 55, 0.9),
        ]);
        await page.WaitForAsync($"{PowerPoints} === 5", PageSetups.DrawTimeout, limit.Token);
        var temperature = await PageSetups.SeriesAsync(page, "temperature-chart", limit.Token);

        server.Store.FinishRun(run.Id, RunStatus.Complete, 0);
        await page.WaitForAsync("document.getElementById('run-status').textContent === 'complete' && document.getElementById('run').dataset.status === 'complete'",
            PageSetups.DrawTimeout, limit.Token);
        var check = await page.CheckAsync(limit.Token);

        Assert.Equal("running", before);
        Assert.Equal([("gpu0", 5)], temperature); // 2 fetched + 3 streamed, each with a temperature
        Assert.True(check.IsClean, check.Describe());
        Assert.Empty(check.RequestsOutside(server.Address));
        Assert.Contains(check.Requests, r => r.ResourceType == "EventSource" && new Uri(r.Url).AbsolutePath == $"/api/runs/{run.Id}/events");
    }
}
