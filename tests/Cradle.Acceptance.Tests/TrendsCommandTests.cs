using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary><c>cradle trends</c> over the real Epoch AI notable-models file (884 rows).</summary>
public sealed class TrendsCommandTests
{
    private static readonly string Dataset = Path.Combine(Repository.Root, "tests", "data", "epoch-notable-ai-models", "notable_ai_models.csv");

    [Fact]
    public async Task The_table_counts_every_row_and_gives_each_scenarios_trends()
    {
        var run = await CliRunner.InProcessAsync("trends", Dataset, "--draws", "200");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("cradle trends: notable_ai_models.csv — 884 rows, 119 assessed, 765 skipped", run.Output, StringComparison.Ordinal);
        Assert.Contains("skipped, by first reason: no-hardware 621, no-quantity 104, no-training-time 32, several-devices 8", run.Output, StringComparison.Ordinal);
        foreach (var scenario in new[] { "baseline", "shift-lowest-of-se-no-is-fr", "carbon-aware-30", "hardware-x0.5" })
        {
            Assert.Contains($"scenario {scenario}:", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("gwp total (kg CO2 eq)", run.Output, StringComparison.Ordinal);
        Assert.Contains("card production GWP (mlca) against release year: ×", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lists_every_skipped_row_with_reasons_and_every_model_per_scenario()
    {
        var run = await CliRunner.InProcessAsync("trends", Dataset, "--draws", "200", "--scenario", "shift:se", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        var root = doc.RootElement;
        Assert.Equal("cradle.trends/1", root.GetProperty("schema").GetString());
        var selection = root.GetProperty("selection");
        Assert.Equal(884, root.GetProperty("dataset").GetProperty("rows").GetInt32());
        Assert.Equal(884, selection.GetProperty("assessed").GetInt32() + selection.GetProperty("skipped").GetInt32());
        var skipped = selection.GetProperty("skipped_rows").EnumerateArray().ToList();
        Assert.Equal(selection.GetProperty("skipped").GetInt32(), skipped.Count);
        Assert.All(skipped, s => Assert.NotEqual(0, s.GetProperty("reasons").GetArrayLength()));
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["baseline", "shift-se"], scenarios.Select(s => s.GetProperty("id").GetString()));
        Assert.All(scenarios, s => Assert.Equal(selection.GetProperty("assessed").GetInt32(), s.GetProperty("models").GetArrayLength()));

        // Llama 2-70B, Epoch basis: 884,796.6 W × 1,728 h ÷ 1000 = 1,528,928.5 kWh in every scenario; moving it from the
        // US grid to Sweden lowers use-phase GWP and leaves production as it is.
        var llama = scenarios.Select(s => s.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "Llama 2-70B")).ToList();
        Assert.All(llama, m => Assert.Equal(1_528_928.5, Indicator(m, "energy").GetProperty("use").GetProperty("central").GetDouble(), 0.1));
        Assert.Equal("epoch-power-draw", llama[0].GetProperty("energy_basis").GetString());
        var (us, se) = (Indicator(llama[0], "gwp"), Indicator(llama[1], "gwp"));
        Assert.True(se.GetProperty("use").GetProperty("central").GetDouble() < us.GetProperty("use").GetProperty("central").GetDouble());
        Assert.Equal(us.GetProperty("production").GetProperty("central").GetDouble(), se.GetProperty("production").GetProperty("central").GetDouble());

        var cards = root.GetProperty("card_production");
        Assert.Equal("mlca", cards.GetProperty("estimator").GetString());
        Assert.True(cards.GetProperty("trend").GetProperty("growth_per_year").GetDouble() > 1);
        Assert.Contains(cards.GetProperty("cards").EnumerateArray(), c => c.GetProperty("gwp100_kg").ValueKind == JsonValueKind.Null
            && c.GetProperty("unavailable").GetString()!.Length > 0);
    }

    private static JsonElement Indicator(JsonElement model, string key) =>
        model.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetString() == key);

    [Fact]
    public async Task Csv_has_one_row_per_model_and_scenario()
    {
        using var dir = new TempDirectory();
        var csv = dir.File("models.csv");
        var run = await CliRunner.InProcessAsync("trends", Dataset, "--draws", "200", "--scenario", "hardware:0.5", "--csv", csv);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(csv);
        Assert.StartsWith("scenario,model,organization,line,publication_date,device,device_count,training_hours,energy_basis,grid,energy_use_central", lines[0], StringComparison.Ordinal);
        Assert.Equal(2 * 119, lines.Length - 1);
    }

    [Fact]
    public async Task One_models_breakdown_becomes_a_study_that_cradle_assesses_to_the_same_total()
    {
        using var dir = new TempDirectory();
        var study = dir.File("llama.yaml");
        var run = await CliRunner.InProcessAsync("trends", Dataset, "--draws", "200", "--scenario", "baseline", "--model", "llama 2-70b", "--write-study", study);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Llama 2-70B (Meta AI, published 2023-07-18", run.Output, StringComparison.Ordinal);
        Assert.Contains("energy basis epoch-power-draw: Epoch power draw 884,797 W × 1,728 h ÷ 1000", run.Output, StringComparison.Ordinal);

        var assessed = await CliRunner.InProcessAsync("assess", study, "--format", "json");
        Assert.Equal(0, assessed.ExitCode);
        var json = await CliRunner.InProcessAsync("trends", Dataset, "--draws", "200", "--scenario", "baseline", "--model", "Llama 2-70B", "--format", "json");
        using var model = JsonDocument.Parse(json.Output);
        var gwp = Indicator(model.RootElement.GetProperty("scenarios")[0].GetProperty("model"), "gwp");
        // The study counts the same electricity on the same grid and the same card production share (1,000 cards ×
        // 1,728 h ÷ 44,676 service hours of the MLCA estimate), so its GWP total is the trend's central total
        // (564,898 kg use + 330.0622 kg per card × 1,000 × 1,728 h ÷ 44,676 h = 12,766.2 kg production = 577,664 kg CO2e;
        // the study's lifespan is written in 8,760-hour years, as the trend counts them).
        using var result = JsonDocument.Parse(assessed.Output);
        var total = result.RootElement.GetProperty("alternatives")[0].GetProperty("totals").GetProperty("gwp100").GetDouble();
        var expected = gwp.GetProperty("total").GetProperty("central").GetDouble();
        Assert.Equal(expected, total, expected * 1e-9);
        Assert.Equal(577_664, total, 0.5);
    }

    [Fact]
    public async Task A_skipped_row_says_why_and_an_unknown_name_gets_the_closest()
    {
        var skipped = await CliRunner.InProcessAsync("trends", Dataset, "--draws", "200", "--scenario", "baseline", "--model", "AlphaZero");
        Assert.Equal(1, skipped.ExitCode);
        Assert.Contains("'AlphaZero' (line", skipped.Error, StringComparison.Ordinal);
        Assert.Contains("(several-devices)", skipped.Error, StringComparison.Ordinal);

        var unknown = await CliRunner.InProcessAsync("trends", Dataset, "--draws", "200", "--scenario", "baseline", "--model", "Llama 2-70");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no model is named 'Llama 2-70'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("closest: Llama 2-70B", unknown.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--scenario", "moon", "is not a scenario; expected one of: baseline, shift:GRID")]
    [InlineData("--scenario", "carbon-aware:1.5", "carbon-aware needs the reduction")]
    [InlineData("--scenario", "shift:atlantis", "atlantis")]
    [InlineData("--estimator", "mcla", "mlca")]
    public async Task Bad_scenarios_and_estimators_are_refused_with_what_is_valid(string option, string value, string expected)
    {
        var run = await CliRunner.InProcessAsync("trends", Dataset, "--draws", "100", option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", run.Error, StringComparison.Ordinal); // .NET's parameter name is not the user's
    }

    [Fact]
    public async Task A_file_that_is_not_the_epoch_csv_is_refused_with_its_line()
    {
        using var dir = new TempDirectory();
        var bad = dir.File("bad.csv");
        File.WriteAllText(bad, "Model,Organization\nx,y\n");

        var run = await CliRunner.InProcessAsync("trends", bad);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad.csv", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 1", run.Error, StringComparison.Ordinal);
    }
}
