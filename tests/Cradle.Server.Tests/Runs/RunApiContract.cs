using System.Net;
using System.Text.Json;
using Cradle.Store;

namespace Cradle.Server.Tests.Runs;

/// <summary>
/// The runs' API over a real server and store: runs, sensors and samples written through the store API, then read
/// back by GET, every figure hand-computed. Runs against SQLite (<see cref="SqliteRunApiTests"/>) and PostgreSQL
/// (<see cref="PostgresRunApiTests"/>).
/// </summary>
public abstract class RunApiContract
{
    private static readonly Sensor Gpu = new("gpu0", "nvml-gpu", "NVIDIA H100 #0", SensorProvenance.Measured, "NVML total-energy counter");
    private static readonly Sensor Cpu = new("cpu", "modelled-cpu", "Xeon 8480", SensorProvenance.Modelled, "modelled: CPU time × TDP");
    private static readonly Sensor NoDram = new("dram", "rapl-dram", "dram", SensorProvenance.Unavailable, "unavailable: RAPL permission denied");

    /// <summary>Starts the server over a new, empty store of the adapter under test.</summary>
    private protected abstract Task<ServerHost> StartAsync();

    private static NewRun New(string name, params string[] tags) =>
        new(name, "python infer.py", SystemProcessLiveness.Instance.HostName, "/work", Environment.ProcessId, null, InferenceMetadata.None) { Tags = tags };

    /// <summary>A complete run: gpu0 ends at 3 000 000 J, cpu at 600 000 J (total 3.6 MJ = 1 kWh), dram none.</summary>
    private static Run Seed(IRunStore store, NewRun run)
    {
        var created = store.CreateRun(run);
        store.AddSensors(created.Id, [Gpu, Cpu, NoDram]);
        store.AppendSamples([new(created.Id, "gpu0", 1, 1_000_000, 300, 60, 0.9), new(created.Id, "cpu", 1, 200_000, 50, null, null)]);
        store.AppendSamples([new(created.Id, "gpu0", 2, 3_000_000, 320, 65, 0.95), new(created.Id, "cpu", 2, 600_000, 55, null, null)]);
        return store.FinishRun(created.Id, RunStatus.Complete, 0);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(ServerHost server, string path)
    {
        using var answer = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await answer.Content.ReadAsStringAsync();
        Assert.StartsWith("application/json", answer.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return (answer.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task The_list_is_cradle_runs_1_filtered_by_tag_status_host_and_limited()
    {
        await using var server = await StartAsync();
        var a = Seed(server.Store, New("a", "baseline", "team=nlp"));
        var b = Seed(server.Store, New("b", "team=nlp"));
        var running = server.Store.CreateRun(New("c"));

        var (status, all) = await GetAsync(server, "/api/runs");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cradle.runs/1", all.GetProperty("schema").GetString());
        // Newest first, by start time: a, b, then c were started, each after the store call before it returned.
        Assert.Equal([running.Id, b.Id, a.Id],
            all.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var first = all.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("id").GetString() == a.Id);
        Assert.Equal(["baseline", "team=nlp"], first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("complete", first.GetProperty("status").GetString());
        Assert.Equal(0, first.GetProperty("exit_code").GetInt32());
        Assert.Equal("python infer.py", first.GetProperty("command").GetString());

        var (_, tagged) = await GetAsync(server, "/api/runs?tag=baseline");
        Assert.Equal([a.Id], tagged.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var (_, nlp) = await GetAsync(server, "/api/runs?tag=team%3Dnlp&status=complete&limit=1");
        Assert.Equal([b.Id], nlp.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var (_, live) = await GetAsync(server, "/api/runs?status=running");
        Assert.Equal([running.Id], live.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Empty(live.GetProperty("runs")[0].GetProperty("tags").EnumerateArray());
        var (_, none) = await GetAsync(server, "/api/runs?host=elsewhere");
        Assert.Empty(none.GetProperty("runs").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/runs?status=done", "status", "running, complete, interrupted, failed")]
    [InlineData("/api/runs?limit=0", "limit", "1 to 1000")]
    [InlineData("/api/runs?limit=1001", "limit", "1 to 1000")]
    [InlineData("/api/runs?limit=ten", "limit", "1 to 1000")]
    [InlineData("/api/runs/any/samples?limit=50001", "limit", "1 to 50000")]
    [InlineData("/api/runs/any/samples?after=soon", "after", "offset in seconds")]
    public async Task A_bad_query_is_400_bad_query_naming_the_parameter_and_valid_values(string path, string parameter, string valid)
    {
        await using var server = await StartAsync();
        var (status, json) = await GetAsync(server, path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = json.GetProperty("error");
        Assert.Equal("bad-query", error.GetProperty("code").GetString());
        Assert.StartsWith(parameter, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(valid, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_is_cradle_run_1_by_id_or_name_with_energy_per_sensor()
    {
        await using var server = await StartAsync();
        var run = Seed(server.Store, New("llama-fp16", "baseline"));
        foreach (var key in new[] { run.Id, "llama-fp16" })
        {
            var (status, json) = await GetAsync(server, "/api/runs/" + key);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("cradle.run/1", json.GetProperty("schema").GetString());
            Assert.Equal(run.Id, json.GetProperty("run").GetProperty("id").GetString());
            Assert.Equal(["baseline"], json.GetProperty("run").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            var sensors = json.GetProperty("sensors").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
            Assert.Equal(["cpu", "dram", "gpu0"], sensors.Keys); // ordered by id
            Assert.Equal(3_000_000, sensors["gpu0"].GetProperty("energy_j").GetDouble()); // the last cumulative reading
            Assert.Equal(600_000, sensors["cpu"].GetProperty("energy_j").GetDouble());
            Assert.Equal(JsonValueKind.Null, sensors["dram"].GetProperty("energy_j").ValueKind); // never 0 for unknown
            Assert.Equal("unavailable", sensors["dram"].GetProperty("provenance").GetString());
            Assert.Equal(2, sensors["gpu0"].GetProperty("samples").GetInt32());
        }
    }

    [Fact]
    public async Task An_unknown_run_is_404_run_not_found_with_the_closest_names()
    {
        await using var server = await StartAsync();
        Seed(server.Store, New("llama-fp16"));
        foreach (var path in new[] { "/api/runs/llama-fp61", "/api/runs/llama-fp61/samples", "/api/runs/llama-fp61/footprint", "/api/runs/llama-fp61/events" })
        {
            var (status, json) = await GetAsync(server, path);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("run-not-found", json.GetProperty("error").GetProperty("code").GetString());
            Assert.Contains("llama-fp16", json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal("llama-fp16", json.GetProperty("error").GetProperty("problems")[0].GetProperty("suggestion").GetString());
        }
    }

    [Fact]
    public async Task Samples_are_cradle_samples_1_after_an_offset_and_limited()
    {
        await using var server = await StartAsync();
        var run = Seed(server.Store, New("s"));
        var (_, all) = await GetAsync(server, $"/api/runs/{run.Id}/samples");
        Assert.Equal("cradle.samples/1", all.GetProperty("schema").GetString());
        Assert.Equal(4, all.GetProperty("samples").GetArrayLength());
        var (_, later) = await GetAsync(server, $"/api/runs/{run.Id}/samples?after=1&limit=1");
        var only = Assert.Single(later.GetProperty("samples").EnumerateArray());
        // After offset 1, ordered by offset then sensor id: cpu at 2 s comes before gpu0 at 2 s.
        Assert.Equal("cpu", only.GetProperty("sensor_id").GetString());
        Assert.Equal(2, only.GetProperty("offset_s").GetDouble());
        Assert.Equal(600_000, only.GetProperty("energy_j").GetDouble());
        Assert.Equal(55, only.GetProperty("power_w").GetDouble());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("temperature_c").ValueKind);
    }

    [Fact]
    public async Task The_footprint_prices_the_energy_with_the_catalog_grid()
    {
        await using var server = await StartAsync();
        var run = Seed(server.Store, New("priced") with
        {
            Inference = new InferenceMetadata(Requests: 1000, Model: "llama", ParameterCount: 8e9, Precision: "fp16", Task: null),
        });
        var (status, json) = await GetAsync(server, $"/api/runs/{run.Id}/footprint?site=ga");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cradle.run-footprint/1", json.GetProperty("schema").GetString());
        // 3 000 000 J (gpu0) + 600 000 J (cpu) = 3 600 000 J = 1 kWh.
        Assert.Equal(3_600_000, json.GetProperty("total_energy_j").GetDouble());
        var components = json.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("component").GetString()!);
        Assert.Equal(600_000, components["cpu"].GetProperty("energy_j").GetDouble());
        Assert.Equal("modelled", components["cpu"].GetProperty("provenance").GetString());
        Assert.Equal(3_000_000, components["gpu"].GetProperty("energy_j").GetDouble());
        Assert.Equal("measured", components["gpu"].GetProperty("provenance").GetString());
        Assert.Equal(JsonValueKind.Null, components["memory"].GetProperty("energy_j").ValueKind);
        Assert.Equal("unavailable", components["memory"].GetProperty("provenance").GetString());

        // Catalog grids-countries.yaml, entry "ga" (Gabon): gwp100 491.597 g CO2e/kWh (owid-ember-2024, 2022), no PUE
        // (a grid), no water factor. CO2e = 1 kWh × 0.491597 kg/kWh = 0.491597 kg.
        var site = json.GetProperty("site");
        Assert.Equal("ga", site.GetProperty("id").GetString());
        Assert.Equal(0.491597, site.GetProperty("co2e_kg").GetDouble(), 9);
        Assert.False(site.GetProperty("pue_applied").GetBoolean());
        Assert.Equal("owid-ember-2024", site.GetProperty("factors").GetProperty("gwp100").GetProperty("source").GetString());
        Assert.Equal(2022, site.GetProperty("factors").GetProperty("gwp100").GetProperty("year").GetInt32());
        Assert.Equal(JsonValueKind.Null, site.GetProperty("water_l").ValueKind);
        Assert.False(string.IsNullOrEmpty(site.GetProperty("water_unavailable_reason").GetString()));

        // Per request: 3 600 000 J ÷ 1000 = 3600 J; CO2e = 3600 / 3.6e6 kWh × 491.597 g/kWh = 0.491597 g;
        // ESS = (8e9 / 1e6) / 0.491597 = 8000 / 0.491597 = 16273.4842…
        var perRequest = json.GetProperty("per_request");
        Assert.Equal(3600, perRequest.GetProperty("energy_j").GetDouble(), 9);
        Assert.Equal(0.491597, perRequest.GetProperty("co2e_g").GetDouble(), 9);
        Assert.Equal(8000 / 0.491597, perRequest.GetProperty("ess").GetDouble(), 6);
        Assert.Equal(491.597, perRequest.GetProperty("grid_factor").GetProperty("g_co2e_per_kwh").GetDouble(), 9);
    }

    [Fact]
    public async Task Without_a_site_or_requests_the_footprint_says_why_each_figure_is_missing()
    {
        await using var server = await StartAsync();
        var run = Seed(server.Store, New("plain"));
        var (_, json) = await GetAsync(server, $"/api/runs/{run.Id}/footprint");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("site").ValueKind);
        Assert.Contains("no site", json.GetProperty("site_unavailable_reason").GetString(), StringComparison.Ordinal);
        var perRequest = json.GetProperty("per_request");
        Assert.Equal(JsonValueKind.Null, perRequest.GetProperty("energy_j").ValueKind);
        Assert.Contains("request count", perRequest.GetProperty("energy_unavailable_reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, perRequest.GetProperty("ess").ValueKind);
        Assert.False(string.IsNullOrEmpty(perRequest.GetProperty("ess_unavailable_reason").GetString()));

        var (status, bad) = await GetAsync(server, $"/api/runs/{run.Id}/footprint?site=gaa-nowhere");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("bad-query", bad.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_job_is_cradle_job_1_summed_over_its_nodes()
    {
        await using var server = await StartAsync();
        var one = Seed(server.Store, New("node1") with { JobId = "4242" });
        var two = Seed(server.Store, New("node2") with { JobId = "4242" });
        var (status, json) = await GetAsync(server, "/api/jobs/4242?nodes=3");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cradle.job/1", json.GetProperty("schema").GetString());
        Assert.Equal(2, json.GetProperty("nodes").GetInt32());
        Assert.Equal(1, json.GetProperty("missing_nodes").GetInt32()); // 3 expected − 2 stored
        Assert.Equal(2 * 3_600_000, json.GetProperty("energy_j").GetDouble()); // each node 3.6 MJ
        Assert.Equal(new[] { one.Id, two.Id }.Order(StringComparer.Ordinal), json.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Order(StringComparer.Ordinal));

        var (missing, error) = await GetAsync(server, "/api/jobs/9999");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("job-not-found", error.GetProperty("error").GetProperty("code").GetString());
        var (bad, _) = await GetAsync(server, "/api/jobs/4242?nodes=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
    }

    [Fact]
    public async Task The_event_stream_sends_new_samples_then_the_status_and_ends()
    {
        await using var server = await StartAsync();
        var run = server.Store.CreateRun(New("live"));
        server.Store.AddSensors(run.Id, [Gpu]);
        server.Store.AppendSamples([new(run.Id, "gpu0", 1, 100, 100, 40, 0.5)]);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/runs/{run.Id}/events?after=1", UriKind.Relative));
        using var answer = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/event-stream", answer.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await answer.Content.ReadAsStreamAsync());
        // The answer has begun (its opening comment): the client is listening while the run is written.
        Assert.StartsWith(":", await reader.ReadLineAsync(), StringComparison.Ordinal);

        server.Store.AppendSamples([new(run.Id, "gpu0", 2, 350, 250, 45, 0.9)]);
        var samples = await NextEventAsync(reader);
        Assert.Equal("samples", samples.Name);
        var sample = Assert.Single(JsonDocument.Parse(samples.Data).RootElement.EnumerateArray()); // only the one after 1 s
        Assert.Equal(2, sample.GetProperty("offset_s").GetDouble());
        Assert.Equal(350, sample.GetProperty("energy_j").GetDouble());
        Assert.Equal(250, sample.GetProperty("power_w").GetDouble());

        server.Store.AppendSamples([new(run.Id, "gpu0", 3, 600, 250, 46, 0.9)]);
        server.Store.FinishRun(run.Id, RunStatus.Failed, 3);
        var next = await NextEventAsync(reader);
        if (next.Name == "samples")
        {
            Assert.Equal(3, JsonDocument.Parse(next.Data).RootElement[0].GetProperty("offset_s").GetDouble());
            next = await NextEventAsync(reader);
        }
        Assert.Equal("status", next.Name);
        var status = JsonDocument.Parse(next.Data).RootElement;
        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal(3, status.GetProperty("exit_code").GetInt32());
        Assert.Null(await reader.ReadLineAsync()); // the stream ends
    }

    private static async Task<(string Name, string Data)> NextEventAsync(StreamReader reader)
    {
        string? name = null, data = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0 && name is not null)
            {
                return (name, data ?? "");
            }
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
        throw new InvalidOperationException("The stream ended before the next event.");
    }
}

/// <summary>The runs' API over a SQLite store.</summary>
public sealed class SqliteRunApiTests : RunApiContract
{
    private protected override Task<ServerHost> StartAsync() => ServerHost.StartAsync();
}

/// <summary>The runs' API over PostgreSQL: a fresh database for each test of the class.</summary>
public sealed class PostgresRunApiTests : RunApiContract, IDisposable
{
    private readonly Lazy<PostgresDatabase> database = new(() => new PostgresDatabase());

    private protected override Task<ServerHost> StartAsync() => ServerHost.StartAsync(storeLocation: database.Value.Uri);

    public void Dispose()
    {
        if (database.IsValueCreated)
        {
            database.Value.Dispose();
        }
    }
}
