using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// <c>cradle import mlenergy</c> over the real ML.ENERGY leaderboard v2 records (tests/data/zeus-mlenergy, README there)
/// into a real SQLite store, and <c>cradle runs compare</c> ranking them: the comparison ML-EcoLyzer makes, on data
/// nobody here produced.
/// </summary>
public sealed class ImportMlEnergyCommandTests
{
    private static readonly string Data = Path.Combine(Repository.Root, "tests", "data", "zeus-mlenergy", "mlenergy-leaderboard-v2_2024-09", "llm_text_generation");

    // Germany's default gwp100 in the shipped catalog: 380.95 g CO2e/kWh (owid-ember-2024, 2023).
    private const double GermanyGramsPerKwh = 380.95;

    private const string A100 = "mlenergy:chat/Meta-Llama-3.1-8B-Instruct/A100-SXM4-40GB/";
    private const string H100 = "mlenergy:chat/Meta-Llama-3.1-8B-Instruct/H100-80GB-HBM3/";

    private static async Task<string> ImportAllAsync(TempDirectory dir)
    {
        var store = dir.File("runs.db");
        var import = await CliRunner.InProcessAsync("import", "mlenergy", Data, "--store", store);
        Assert.True(import.ExitCode == 0, import.Error);
        return store;
    }

    private static async Task<List<JsonElement>> CompareAsync(string store, params string[] runs)
    {
        var result = await CliRunner.InProcessAsync(["runs", "compare", .. runs, "--store", store, "--site", "DE", "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("runs").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static double PerRequest(JsonElement run) => run.GetProperty("energy_per_request_j").GetDouble();

    private static double Ess(JsonElement run) => run.GetProperty("ess").GetProperty("millions_of_parameters_per_g_co2e").GetDouble();

    [Fact]
    public async Task The_folder_imports_314_runs_and_a_second_import_is_refused()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var import = await CliRunner.InProcessAsync("import", "mlenergy", Data, "--store", store);
        Assert.Equal(0, import.ExitCode);
        // Counted independently: every record file is named bs<N>+tp<N>+pp<N>.json.
        var files = Directory.GetFiles(Data, "bs*+tp*+pp*.json", SearchOption.AllDirectories).Length;
        Assert.Equal(314, files);
        Assert.Contains($"Imported {files} run(s) into ", import.Output, StringComparison.Ordinal);
        Assert.Contains($": {files} ML.ENERGY leaderboard v2 record(s);", import.Output, StringComparison.Ordinal);
        Assert.Contains("no CPU, memory, network or PUE", import.Output, StringComparison.Ordinal);

        // One record again, as a file: refused as already imported, nothing added.
        var again = await CliRunner.InProcessAsync("import", "mlenergy",
            Path.Combine(Data, "chat", "H100 80GB HBM3", "meta-llama", "Meta-Llama-3.1-8B-Instruct", "bs64+tp1+pp1.json"), "--store", store);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already-imported", again.Error, StringComparison.Ordinal);
        Assert.Contains("data/llm_text_generation/chat/H100 80GB HBM3/meta-llama/Meta-Llama-3.1-8B-Instruct/bs64+tp1+pp1.json", again.Error, StringComparison.Ordinal);
        var list = await CliRunner.InProcessAsync("runs", "list", "--store", store, "--format", "json");
        using var doc = JsonDocument.Parse(list.Output);
        Assert.Equal(314, doc.RootElement.GetProperty("runs").GetArrayLength());
    }

    /// <summary>
    /// Llama 3.1 8B (models.json: 8 → N = 8·10^9), chat, max batch 128, one GPU each:
    ///   A100: Energy/req 59.60256566375536 J; CO2e = 59.60256566375536 / 3.6e6 kWh × 380.95
    ///         = 1.6556268e-5 kWh × 380.95 = 0.0063071104 g; ESS = 8,000 M / 0.0063071104 g ≈ 1,268,410
    ///   H100: Energy/req 63.122728432700505 J; CO2e = 1.7534091e-5 × 380.95 = 0.0066796121 g; ESS ≈ 1,197,674
    /// The bigger accelerator spends more per request on this light model at the same batch size.
    /// </summary>
    [Fact]
    public async Task The_same_model_on_A100_and_H100_is_ranked_by_energy_co2e_and_ess()
    {
        using var dir = new TempDirectory();
        var store = await ImportAllAsync(dir);
        var runs = await CompareAsync(store, H100 + "bs128+tp1+pp1", A100 + "bs128+tp1+pp1");
        Assert.Equal([A100 + "bs128+tp1+pp1", H100 + "bs128+tp1+pp1"], runs.Select(r => r.GetProperty("name").GetString()));
        var (a100, h100) = (runs[0], runs[1]);

        // Per-request energy is exactly the record's Energy/req (J): one nominal request each.
        Assert.Equal(59.60256566375536, PerRequest(a100));
        Assert.Equal(63.122728432700505, PerRequest(h100));
        Assert.Equal(1, a100.GetProperty("requests").GetInt64());
        Assert.Equal(0.0063071104, a100.GetProperty("co2e_per_request_g").GetDouble(), 10);
        Assert.Equal(59.60256566375536 / 3.6e6 * GermanyGramsPerKwh, a100.GetProperty("co2e_per_request_g").GetDouble(), 15);
        Assert.Equal(1_268_409.70, Ess(a100), 2);
        Assert.Equal(0.0066796121, h100.GetProperty("co2e_per_request_g").GetDouble(), 10);
        Assert.Equal(1_197_674.35, Ess(h100), 2);
        Assert.True(Ess(a100) > Ess(h100));

        Assert.Equal("1 × NVIDIA A100-SXM4-40GB", a100.GetProperty("hardware").GetString());
        Assert.Equal("gpu", a100.GetProperty("covers").GetString());
        Assert.Equal(1, a100.GetProperty("measured_share").GetDouble());
        Assert.Equal(8e9, a100.GetProperty("parameters").GetDouble());
        Assert.StartsWith("ML.ENERGY leaderboard v2, ml-energy/benchmark 76bf85e9ae15: data/llm_text_generation/chat/A100-SXM4-40GB/",
            a100.GetProperty("origin").GetString(), StringComparison.Ordinal);
        // No precision in the records: the QF variant says why, never 0.
        Assert.Equal("no precision recorded, so no quantisation factor applies",
            a100.GetProperty("ess_qf").GetProperty("unavailable").GetString());
    }

    /// <summary>
    /// Batching: Llama 3.1 8B on one H100, max batch 64 → 82.58581692374547 J/request, max batch 1024 → 53.931404195254245 J
    /// (−34.7 %); on one A100, max batch 32 → 102.65286690513797 J, max batch 320 → 51.11715349063466 J (−50.2 %).
    /// ESS goes the other way: the same N over a smaller CO2e.
    /// </summary>
    [Fact]
    public async Task A_larger_max_batch_lowers_the_energy_per_request()
    {
        using var dir = new TempDirectory();
        var store = await ImportAllAsync(dir);
        var runs = await CompareAsync(store, H100 + "bs64+tp1+pp1", H100 + "bs1024+tp1+pp1", A100 + "bs32+tp1+pp1", A100 + "bs320+tp1+pp1");
        var byName = runs.ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(82.58581692374547, PerRequest(byName[H100 + "bs64+tp1+pp1"]));
        Assert.Equal(53.931404195254245, PerRequest(byName[H100 + "bs1024+tp1+pp1"]));
        Assert.Equal(102.65286690513797, PerRequest(byName[A100 + "bs32+tp1+pp1"]));
        Assert.Equal(51.11715349063466, PerRequest(byName[A100 + "bs320+tp1+pp1"]));
        // Sorted by energy per request, ascending: 51.1 < 53.9 < 82.6 < 102.7 J.
        Assert.Equal([A100 + "bs320+tp1+pp1", H100 + "bs1024+tp1+pp1", H100 + "bs64+tp1+pp1", A100 + "bs32+tp1+pp1"],
            runs.Select(r => r.GetProperty("name").GetString()));
        var ess = await CliRunner.InProcessAsync("runs", "compare", H100 + "bs64+tp1+pp1", H100 + "bs1024+tp1+pp1", "--store", store,
            "--site", "DE", "--sort", "ess", "--format", "json");
        using var doc = JsonDocument.Parse(ess.Output);
        Assert.Equal(H100 + "bs1024+tp1+pp1", doc.RootElement.GetProperty("runs")[0].GetProperty("name").GetString());
    }

    /// <summary>
    /// Llama 3.1 405B on TP 8 × PP 2 = 16 H100s, max batch 256: 2178.218700770685 J/request over all 16 GPUs;
    /// CO2e = 2178.218700770685 / 3.6e6 × 380.95 = 6.0506075e-4 × 380.95 = 0.2304979 g; ESS = 405,000 M / 0.2304979 ≈ 1,757,066.
    /// </summary>
    [Fact]
    public async Task A_multi_gpu_record_counts_every_gpu_and_the_table_says_what_is_covered()
    {
        using var dir = new TempDirectory();
        var store = await ImportAllAsync(dir);
        const string Run = "mlenergy:chat/Meta-Llama-3.1-405B-Instruct/H100-80GB-HBM3/bs128+tp8+pp2";
        var run = Assert.Single(await CompareAsync(store, Run));
        Assert.Equal(2178.218700770685, PerRequest(run));
        Assert.Equal("16 × NVIDIA H100 80GB HBM3", run.GetProperty("hardware").GetString());
        Assert.Equal(0.2304979, run.GetProperty("co2e_per_request_g").GetDouble(), 7);
        Assert.Equal(1_757_065.95, Ess(run), 2);

        var table = await CliRunner.InProcessAsync("runs", "compare", Run, "--store", store, "--site", "DE");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains(" gpu ", table.Output, StringComparison.Ordinal);
        Assert.Contains("IMPORTED: 1 of 1 run(s) were measured by another tool", table.Output, StringComparison.Ordinal);
        Assert.Contains("ML.ENERGY leaderboard v2, ml-energy/benchmark 76bf85e9ae15: 1 run(s), covering gpu", table.Output, StringComparison.Ordinal);
        Assert.Contains(" 1757066 ", table.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The 2023 (v1) files, one run per row. BAIR/koala-13b (params 13 → N = 1.3·10^10), chat:
    ///   A100 2144.8338435191445 J/response → 2144.8338 / 3.6e6 × 380.95 = 5.9578718e-4 kWh × 380.95 = 0.2269651 g;
    ///        ESS = 13,000 M / 0.2269651 g ≈ 57,277.52
    ///   V100 2299.2539251175217 J → 0.2433058 g → ESS ≈ 53,430.71
    /// </summary>
    [Fact]
    public async Task The_2023_files_import_one_run_per_row_and_compare_the_same_way()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var legacy = Path.Combine(Repository.Root, "tests", "data", "zeus-mlenergy", "mlenergy-leaderboard-v1_2023");
        var import = await CliRunner.InProcessAsync("import", "mlenergy", legacy, "--store", store);
        Assert.True(import.ExitCode == 0, import.Error);
        // 12 files: A100 and V100 with 21 rows each, A40 with 23, four tasks each: 4 × (21 + 23 + 21) = 260.
        Assert.Contains("260 row(s) of 12 leaderboard v1 (2023) file(s)", import.Output, StringComparison.Ordinal);
        var runs = await CompareAsync(store, "mlenergy-v1:chat/BAIR/koala-13b/V100", "mlenergy-v1:chat/BAIR/koala-13b/A100");
        Assert.Equal(["mlenergy-v1:chat/BAIR/koala-13b/A100", "mlenergy-v1:chat/BAIR/koala-13b/V100"], runs.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(2144.8338435191445, PerRequest(runs[0]));
        Assert.Equal(0.2269651, runs[0].GetProperty("co2e_per_request_g").GetDouble(), 7);
        Assert.Equal(57_277.52, Ess(runs[0]), 2);
        Assert.Equal(2299.2539251175217, PerRequest(runs[1]));
        Assert.Equal(53_430.71, Ess(runs[1]), 2);
        Assert.Equal("gpu", runs[1].GetProperty("covers").GetString());
    }

    [Fact]
    public async Task A_malformed_record_imports_nothing_and_names_file_line_column_and_key()
    {
        using var dir = new TempDirectory();
        var model = Path.Combine("chat", "H100 80GB HBM3", "meta-llama", "Meta-Llama-3.1-8B-Instruct");
        Directory.CreateDirectory(dir.File(model));
        File.Copy(Path.Combine(Data, "chat", "models.json"), dir.File(Path.Combine("chat", "models.json")));
        File.Copy(Path.Combine(Data, model, "bs64+tp1+pp1.json"), dir.File(Path.Combine(model, "bs64+tp1+pp1.json")));
        var bad = dir.Write(Path.Combine(model, "bs128+tp1+pp1.json"),
            File.ReadAllText(Path.Combine(Data, model, "bs128+tp1+pp1.json")).Replace("63.122728432700505", "-63.1", StringComparison.Ordinal));
        var store = dir.File("runs.db");
        var import = await CliRunner.InProcessAsync("import", "mlenergy", dir.File("chat"), "--store", store);
        Assert.Equal(1, import.ExitCode);
        Assert.Contains($"{bad}:6:21: $[\"Energy/req (J)\"]: found -63.1; expected a number above 0", import.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", import.Error, StringComparison.Ordinal);
        // The good record beside it was not stored either: the store was never opened.
        Assert.False(File.Exists(store));
    }
}
