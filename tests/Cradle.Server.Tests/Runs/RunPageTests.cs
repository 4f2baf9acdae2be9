using System.Net;
using Cradle.Store;

namespace Cradle.Server.Tests.Runs;

/// <summary>The runs' pages: what they show, escaped, and the hooks the page script draws its charts in.</summary>
public sealed class RunPageTests
{
    private const string Hostile = "python -c \"print('<script>alert(1)</script>')\" && echo <b>&amp;";

    private static Run Seed(IRunStore store, string command, string? job = null, params string[] tags)
    {
        var run = store.CreateRun(new NewRun("r-" + Guid.NewGuid().ToString("N")[..8], command, SystemProcessLiveness.Instance.HostName, "/work",
            Environment.ProcessId, "ga", InferenceMetadata.None) { Tags = tags, JobId = job });
        store.AddSensors(run.Id, [new Sensor("gpu0", "nvml-gpu", "<GPU> #0", SensorProvenance.Measured, "NVML total-energy counter")]);
        store.AppendSamples([new(run.Id, "gpu0", 1, 1800, 300, 60, 0.9), new(run.Id, "gpu0", 2, 3600, 300, 61, 0.9)]);
        return store.FinishRun(run.Id, RunStatus.Complete, 0);
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(ServerHost server, string path)
    {
        using var answer = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_run_page_escapes_the_stored_command_and_shows_facts_sensors_footprint_and_chart_hooks()
    {
        await using var server = await StartAsync();
        var run = Seed(server.Store, Hostile, null, "team=<nlp>");
        var (status, html) = await GetAsync(server, "/runs/" + run.Id);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;GPU&gt; #0", html, StringComparison.Ordinal);
        Assert.Contains("team=&lt;nlp&gt;", html, StringComparison.Ordinal);
        Assert.Contains($"data-run=\"{run.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"power-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"temperature-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("3600 J", html, StringComparison.Ordinal); // the sensor's last cumulative reading
        // 3600 J = 0.001 kWh × 491.597 g/kWh (catalog grid "ga", owid-ember-2024, 2022) = 0.491597 g = 0.000492 kg (6 places).
        Assert.Contains("0.000492 kg", html, StringComparison.Ordinal);
        Assert.Contains("owid-ember-2024", html, StringComparison.Ordinal);
        Assert.Contains("no request count", html, StringComparison.Ordinal); // per request: unavailable, with why
        Assert.DoesNotContain("<script>", html.Replace("<script src=\"/assets/cradle.js\" defer></script>", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_runs_list_filters_by_tag_and_escapes_what_it_echoes()
    {
        await using var server = await StartAsync();
        var tagged = Seed(server.Store, "train.py", null, "baseline");
        var other = Seed(server.Store, "other.py");
        var (status, html) = await GetAsync(server, "/runs?tag=baseline&host=%3Cx%3E");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("value=\"&lt;x&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("0 run(s)", html, StringComparison.Ordinal); // no run on host "<x>"

        (_, html) = await GetAsync(server, "/runs?tag=baseline");
        Assert.Contains($"href=\"/runs/{tagged.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id, html, StringComparison.Ordinal);
        Assert.Contains("3600 J", html, StringComparison.Ordinal);

        (status, html) = await GetAsync(server, "/runs?status=done");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("status must be one of", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_page_lists_the_nodes_and_an_unknown_run_is_a_404_page()
    {
        await using var server = await StartAsync();
        var one = Seed(server.Store, "a", "77");
        var two = Seed(server.Store, "b", "77");
        var (status, html) = await GetAsync(server, "/jobs/77");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(one.Id, html, StringComparison.Ordinal);
        Assert.Contains(two.Id, html, StringComparison.Ordinal);
        Assert.Contains("7200 J", html, StringComparison.Ordinal); // 2 nodes × 3600 J

        (status, html) = await GetAsync(server, "/runs/%3Cnope%3E");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("&lt;nope&gt;", html, StringComparison.Ordinal);
    }

    private static Task<ServerHost> StartAsync() => ServerHost.StartAsync();
}
