using System.Net;
using Cradle.Store;

namespace Cradle.Server.Tests;

/// <summary>/metrics on the real server: parsed with Prometheus' own parser, the run series equal the store's latest
/// figures, a missing figure has no series, finished runs drop out, and requests are timed by route pattern.</summary>
public sealed class MetricsTests
{
    private const string Token = "0123456789abcdef-test-token";

    private static readonly Sensor Gpu = new("gpu0", "nvml-gpu", "NVIDIA H100 80GB HBM3 #0", SensorProvenance.Measured, "measured: NVML total-energy counter");
    private static readonly Sensor Cpu = new("cpu", "modelled-cpu", "package-0", SensorProvenance.Modelled, "modelled: CPU time × TDP (RAPL unreadable)");

    [Fact]
    public async Task A_running_runs_series_equal_its_latest_stored_figures_and_vanish_when_it_finishes()
    {
        await using var server = await ServerHost.StartAsync();
        var run = server.Store.CreateRun(new NewRun(null, "python train.py", Environment.MachineName, "/tmp", Environment.ProcessId, null,
            new InferenceMetadata(null, null, null, null, null)));
        server.Store.AddSensors(run.Id, [Gpu, Cpu]);
        // Cumulative energies: the GPU's latest is 150.5 J, the CPU's 20.25 J; the CPU gives no temperature or utilisation.
        server.Store.AppendSamples([
            new Sample(run.Id, "gpu0", 0, 0, 100, 40, 0.5),
            new Sample(run.Id, "cpu", 0, 0, 20, null, null),
        ]);
        server.Store.AppendSamples([
            new Sample(run.Id, "gpu0", 1, 150.5, 301, 55.25, 0.75),
            new Sample(run.Id, "cpu", 1, 20.25, 20.5, null, null),
        ]);

        using (var api = await server.Client.GetAsync(new Uri("/api", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        }
        var scraped = await ScrapeAsync(server.Client);

        Assert.Equal(1, Single(scraped, "cradle_runs_in_progress").Value);
        var gpu = Labels(run.Id, "gpu0", "nvml-gpu", "NVIDIA H100 80GB HBM3 #0", "measured");
        var cpu = Labels(run.Id, "cpu", "modelled-cpu", "package-0", "modelled");
        Assert.Equal(150.5, Single(scraped, "cradle_run_energy_joules_total", gpu).Value);
        Assert.Equal(301, Single(scraped, "cradle_run_power_watts", gpu).Value);
        Assert.Equal(55.25, Single(scraped, "cradle_run_temperature_celsius", gpu).Value);
        Assert.Equal(0.75, Single(scraped, "cradle_run_utilisation_ratio", gpu).Value);
        Assert.Equal(20.25, Single(scraped, "cradle_run_energy_joules_total", cpu).Value);
        Assert.Equal(20.5, Single(scraped, "cradle_run_power_watts", cpu).Value);
        // No temperature or utilisation stored for the CPU: no series, not a 0.
        Assert.DoesNotContain(scraped, s => s.Name is "cradle_run_temperature_celsius" or "cradle_run_utilisation_ratio" && s.Has(("sensor", "cpu")));
        // 2 batches × 2 sensors = 4 samples.
        Assert.Equal(4, Single(scraped, "cradle_run_samples_total", ("run", run.Id)).Value);
        // The request to /api made before the scrape is timed under its route pattern.
        Assert.Equal(1, Single(scraped, "cradle_http_request_duration_seconds_count", ("method", "GET"), ("route", "/api"), ("code", "200")).Value);

        server.Store.FinishRun(run.Id, RunStatus.Complete, 0);
        var after = await ScrapeAsync(server.Client);
        Assert.Equal(0, Single(after, "cradle_runs_in_progress").Value);
        Assert.DoesNotContain(after, s => s.Name.StartsWith("cradle_run_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_server_has_its_own_series()
    {
        await using var busy = await ServerHost.StartAsync();
        await using var idle = await ServerHost.StartAsync();
        var run = busy.Store.CreateRun(new NewRun(null, "sleep 1", Environment.MachineName, "/tmp", Environment.ProcessId, null,
            new InferenceMetadata(null, null, null, null, null)));
        busy.Store.AddSensors(run.Id, [Gpu]);
        busy.Store.AppendSamples([new Sample(run.Id, "gpu0", 0, 12.5, 50, null, null)]);

        Assert.Equal(1, Single(await ScrapeAsync(busy.Client), "cradle_runs_in_progress").Value);
        var other = await ScrapeAsync(idle.Client);
        Assert.Equal(0, Single(other, "cradle_runs_in_progress").Value);
        Assert.DoesNotContain(other, s => s.Name.StartsWith("cradle_run_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_ask_for_the_token_off_loopback_and_parse_with_it()
    {
        await using var server = await ServerHost.StartAsync(o => o with { Urls = ["http://0.0.0.0:0"], Token = Token });
        using (var refused = await server.Client.GetAsync(new Uri("/metrics", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        using var client = server.ClientWithToken(Token);
        Assert.Equal(0, Single(await ScrapeAsync(client), "cradle_runs_in_progress").Value);
    }

    [Fact]
    public async Task An_unmatched_path_is_timed_under_one_route_label_not_its_raw_path()
    {
        await using var server = await ServerHost.StartAsync();
        foreach (var path in new[] { "/api/no-such-thing-1", "/api/no-such-thing-2" })
        {
            using var missing = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        var scraped = await ScrapeAsync(server.Client);
        Assert.Equal(2, Single(scraped, "cradle_http_request_duration_seconds_count", ("route", "unmatched"), ("code", "404")).Value);
        Assert.DoesNotContain(scraped, s => s.Labels.TryGetValue("route", out var r) && r.Contains("no-such-thing", StringComparison.Ordinal));
    }

    private static (string, string)[] Labels(string run, string sensor, string kind, string device, string provenance) =>
        [("run", run), ("sensor", sensor), ("kind", kind), ("device", device), ("provenance", provenance)];

    private static PrometheusSample Single(IReadOnlyList<PrometheusSample> samples, string name, params (string, string)[] labels) =>
        Assert.Single(samples, s => s.Name == name && s.Has(labels));

    private static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(HttpClient client)
    {
        using var answer = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.StartsWith("text/plain", answer.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return PrometheusText.Parse(await answer.Content.ReadAsStringAsync());
    }
}
