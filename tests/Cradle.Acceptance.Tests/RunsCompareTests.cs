using System.Text.Json;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Acceptance.Tests;

/// <summary><c>cradle runs compare</c> over runs written directly into a real SQLite store, so every energy is exact.</summary>
public sealed class RunsCompareTests
{
    // Germany's default gwp100 in the shipped catalog: 380.95 g CO2e/kWh (owid-ember-2024, 2023).
    private const double GermanyGramsPerKwh = 380.95;

    /// <summary>
    /// fp16: llama-2-7b, 7e9 parameters, 100 requests; GPU (measured) 0 → 36,000 J, CPU (modelled) 0 → 3,600 J.
    ///   energy 39,600 J → 396 J/request; measured share 36,000 / 39,600 = 0.90909…
    ///   CO2e/request = 396 / 3.6e6 kWh × 380.95 = 1.1e-4 × 380.95 = 0.0419045 g
    ///   ESS = (7e9 / 1e6) / 0.0419045 = 7,000 / 0.0419045 ≈ 167,046
    /// int4: same model and parameters, 100 requests; GPU only 0 → 18,000 J → 180 J/request, measured share 1.
    ///   CO2e/request = 180 / 3.6e6 × 380.95 = 5e-5 × 380.95 = 0.0190475 g; ESS = 7,000 / 0.0190475 ≈ 367,502
    ///   with --qf int4=0.25: ESS(QF) = 7,000 × 0.25 / 0.0190475 ≈ 91,876
    /// gpt2: no parameter count, fp32, 50 requests; CPU (modelled) 0 → 1,000 J → 20 J/request, measured share 0;
    ///   CO2e/request = 20 / 3.6e6 × 380.95 ≈ 0.00211639 g; ESS unavailable (no parameter count).
    /// no-requests: complete, but without a request count: left out unless named.
    /// </summary>
    private static string Seed(TempDirectory dir)
    {
        var path = dir.File("runs.db");
        using var store = SqliteRunStore.Open(path);
        Add(store, "fp16", new InferenceMetadata(100, "llama-2-7b", 7e9, "fp16", "text-generation"),
            [("gpu0", "NVIDIA H100 #0", SensorProvenance.Measured, 36_000), ("cpu", "Xeon 8480", SensorProvenance.Modelled, 3_600)]);
        Add(store, "int4", new InferenceMetadata(100, "llama-2-7b", 7e9, "int4", "text-generation"),
            [("gpu0", "NVIDIA H100 #0", SensorProvenance.Measured, 18_000)]);
        Add(store, "gpt2", new InferenceMetadata(50, "gpt2", null, "fp32", "text-generation"),
            [("cpu", "Xeon 8480", SensorProvenance.Modelled, 1_000)]);
        Add(store, "no-requests", new InferenceMetadata(null, "bert", 1.1e8, "fp32", null),
            [("cpu", "Xeon 8480", SensorProvenance.Modelled, 500)]);
        return path;
    }

    private static void Add(SqliteRunStore store, string name, InferenceMetadata inference,
        (string Id, string Device, SensorProvenance Provenance, double Joules)[] sensors)
    {
        var run = store.CreateRun(new NewRun(name, "serve " + name, "node-1", "/tmp", Environment.ProcessId, null, inference));
        store.AddSensors(run.Id, sensors.Select(s => new Sensor(s.Id, s.Id, s.Device, s.Provenance, "test sensor")).ToList());
        // Cumulative energy since the start: 0 at 0 s, half at 5 s, all at 10 s; the run's energy is the last reading.
        store.AppendSamples(sensors.SelectMany(s => new[]
        {
            new Sample(run.Id, s.Id, 0, 0, null, null, null),
            new Sample(run.Id, s.Id, 5, s.Joules / 2, null, null, null),
            new Sample(run.Id, s.Id, 10, s.Joules, null, null, null),
        }).ToList());
        store.FinishRun(run.Id, RunStatus.Complete, 0);
    }

    private static async Task<List<JsonElement>> CompareJsonAsync(params string[] args)
    {
        var result = await CliRunner.InProcessAsync(["runs", "compare", .. args, "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("cradle.runs-compare/1", json.RootElement.GetProperty("schema").GetString());
        return json.RootElement.GetProperty("runs").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static string Name(JsonElement run) => run.GetProperty("name").GetString()!;

    private static double? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    [Fact]
    public async Task Per_request_energy_co2e_ess_and_measured_share_are_exact()
    {
        using var dir = new TempDirectory();
        var store = Seed(dir);
        var runs = await CompareJsonAsync("--store", store, "--site", "DE", "--qf", "int4=0.25");

        // Default: complete runs with a request count, by energy per request ascending (20 < 180 < 396 J).
        Assert.Equal(["gpt2", "int4", "fp16"], runs.Select(Name));

        var fp16 = runs.Single(r => Name(r) == "fp16");
        Assert.Equal(39_600, Number(fp16, "energy_j")!.Value, 9);
        Assert.Equal(396, Number(fp16, "energy_per_request_j")!.Value, 9);
        Assert.Equal(36_000.0 / 39_600, Number(fp16, "measured_share")!.Value, 12);
        var fp16Co2e = 396 / 3.6e6 * GermanyGramsPerKwh;
        Assert.Equal(0.0419045, fp16Co2e, 12);
        Assert.Equal(fp16Co2e, Number(fp16, "co2e_per_request_g")!.Value, 12);
        Assert.Equal(7_000 / 0.0419045, Number(fp16.GetProperty("ess"), "millions_of_parameters_per_g_co2e")!.Value, 6);
        Assert.Equal("NVIDIA H100 #0 + Xeon 8480", fp16.GetProperty("hardware").GetString());
        // No QF given for fp16: the QF variant is unavailable with a reason, not 0.
        Assert.Null(Number(fp16.GetProperty("ess_qf"), "millions_of_parameters_per_g_co2e"));
        Assert.Contains("no quantisation factor", fp16.GetProperty("ess_qf").GetProperty("unavailable").GetString(), StringComparison.Ordinal);

        var int4 = runs.Single(r => Name(r) == "int4");
        Assert.Equal(1, Number(int4, "measured_share")!.Value, 12);
        Assert.Equal(0.0190475, Number(int4, "co2e_per_request_g")!.Value, 12);
        Assert.Equal(7_000 / 0.0190475, Number(int4.GetProperty("ess"), "millions_of_parameters_per_g_co2e")!.Value, 6);
        Assert.Equal(0.25, Number(int4.GetProperty("ess_qf"), "quantisation_factor"));
        Assert.Equal(1_750 / 0.0190475, Number(int4.GetProperty("ess_qf"), "millions_of_parameters_per_g_co2e")!.Value, 6);

        var gpt2 = runs.Single(r => Name(r) == "gpt2");
        Assert.Equal(20, Number(gpt2, "energy_per_request_j")!.Value, 12);
        Assert.Equal(0, Number(gpt2, "measured_share")!.Value, 12);
        Assert.Null(Number(gpt2.GetProperty("ess"), "millions_of_parameters_per_g_co2e"));
        Assert.Contains("no parameter count", gpt2.GetProperty("ess").GetProperty("unavailable").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("energy", new[] { "gpt2", "int4", "fp16" })]
    [InlineData("co2e", new[] { "gpt2", "int4", "fp16" })]
    // ESS descending (367,502 > 167,046), the unavailable gpt2 last.
    [InlineData("ess", new[] { "int4", "fp16", "gpt2" })]
    // By model name: gpt2 < llama-2-7b; the two llama runs keep the store's order (newest first: int4 then fp16).
    [InlineData("model", new[] { "gpt2", "int4", "fp16" })]
    public async Task Sorting_orders_the_rows(string by, string[] expected)
    {
        using var dir = new TempDirectory();
        var store = Seed(dir);
        var runs = await CompareJsonAsync("--store", store, "--site", "DE", "--sort", by);
        Assert.Equal(expected, runs.Select(Name));
    }

    [Fact]
    public async Task Without_a_site_co2e_and_ess_are_dashes_with_footnotes_never_zero()
    {
        using var dir = new TempDirectory();
        var store = Seed(dir);
        var result = await CliRunner.InProcessAsync("runs", "compare", "--store", store);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("– [1]", result.Output, StringComparison.Ordinal);
        Assert.Contains("no grid factor (runs compare --site ID)", result.Output, StringComparison.Ordinal);
        Assert.Contains("CO2e: no grid factor", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("no-requests", result.Output, StringComparison.Ordinal);

        var runs = await CompareJsonAsync("--store", store);
        Assert.All(runs, r => Assert.Null(Number(r, "co2e_per_request_g")));
        Assert.All(runs, r => Assert.Null(Number(r.GetProperty("ess"), "millions_of_parameters_per_g_co2e")));
    }

    [Fact]
    public async Task The_table_names_the_grid_factor_and_its_source()
    {
        using var dir = new TempDirectory();
        var store = Seed(dir);
        var result = await CliRunner.InProcessAsync("runs", "compare", "--store", store, "--site", "DE");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("grid de, 380.95 g CO2e/kWh (2023; owid-ember-2024", result.Output, StringComparison.Ordinal);
        // gpt2's ESS: a dash with the reason in a footnote.
        Assert.Contains("no parameter count (cradle measure --params)", result.Output, StringComparison.Ordinal);
        // fp16: 396 J/request; 0.0419045 g rounds to 0.0419 (4 significant digits).
        Assert.Contains("396", result.Output, StringComparison.Ordinal);
        Assert.Contains("0.0419", result.Output, StringComparison.Ordinal);
        // int4's ESS 7,000 / 0.0190475 = 367,502.3: whole numbers from 10,000 up, not "3.675E+05".
        Assert.Contains(" 367502 ", result.Output, StringComparison.Ordinal);
        Assert.Contains("gpt2: no parameter count", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_run_without_requests_is_shown_with_the_reason()
    {
        using var dir = new TempDirectory();
        var store = Seed(dir);
        var run = Assert.Single(await CompareJsonAsync("no-requests", "--store", store, "--site", "DE"));
        Assert.Null(Number(run, "energy_per_request_j"));
        Assert.Equal(500, Number(run, "energy_j"));
        Assert.Contains("no request count", run.GetProperty("energy_per_request_unavailable").GetString(), StringComparison.Ordinal);
        Assert.Contains("no request count", run.GetProperty("ess").GetProperty("unavailable").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--sort", "co2e")]
    [InlineData("--site", "atlantis")]
    [InlineData("--qf", "int8")]
    [InlineData("--qf", "int8=0")]
    [InlineData("missing-run")]
    public async Task Bad_options_are_exit_code_1(params string[] args)
    {
        using var dir = new TempDirectory();
        var store = Seed(dir);
        var result = await CliRunner.InProcessAsync(["runs", "compare", "--store", store, .. args]);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("cradle: ", result.Error, StringComparison.Ordinal);
    }
}
