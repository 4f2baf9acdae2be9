using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// `cradle assess` on the bundled OLMo 2 7B example reproduces the position paper's qualitative result: the
/// per-request cost falls toward the marginal inference cost as lifetime inferences grow, and training outweighs
/// inference until tens of billions of inferences with offline batching.
/// </summary>
public sealed class ExampleStudyTests
{
    private static readonly string[] Origins = ["measured", "declared", "modelled"];

    private static async Task<JsonElement> AssessJsonAsync()
    {
        var run = await CliRunner.InProcessAsync("assess", Repository.Example, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement;
    }

    private static JsonElement Alternative(JsonElement root, string id) =>
        root.GetProperty("alternatives").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Json_output_carries_its_schema_the_functional_unit_and_three_serving_modes()
    {
        var root = await AssessJsonAsync();
        Assert.Equal("cradle.assessment/2", root.GetProperty("schema").GetString());
        Assert.Equal("1000 request", root.GetProperty("study").GetProperty("functional_unit").GetProperty("amount").GetString());
        Assert.Equal(["offline-batching", "poisson-8rps", "poisson-1rps"],
            root.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Pre_training_matches_the_hand_computed_value()
    {
        // 131,000 kWh × PUE 1.2 × 0.332 kg/kWh = 52,190.4 kg CO2e per model; per 1,000 requests over 10⁹ requests: 0.0521904 kg.
        var offline = Alternative(await AssessJsonAsync(), "offline-batching");
        var pretraining = offline.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "pre-training");
        Assert.Equal(0.0521904, pretraining.GetProperty("values").GetProperty("gwp100").GetDouble(), 9);
        Assert.True(pretraining.GetProperty("significant").GetBoolean());
    }

    [Fact]
    public async Task Offline_batching_breaks_even_after_tens_of_billions_of_inferences()
    {
        // Development 52,190.4 × 1.5 + embodied share; inference 7.5e-6 kWh × 0.332 per request (no PUE) ⇒ N* ≈ 3.3e10.
        var root = await AssessJsonAsync();
        var offline = Alternative(root, "offline-batching").GetProperty("equation_1").GetProperty("break_even_requests").GetProperty("gwp100").GetDouble();
        Assert.InRange(offline, 1e10, 1e11);
        var slow = Alternative(root, "poisson-1rps").GetProperty("equation_1").GetProperty("break_even_requests").GetProperty("gwp100").GetDouble();
        Assert.True(slow < offline, "serving at 1 request/s costs more per request, so it catches up with training sooner");
    }

    [Fact]
    public async Task Per_request_cost_falls_toward_the_marginal_inference_cost_as_lifetime_grows()
    {
        foreach (var alternative in (await AssessJsonAsync()).GetProperty("alternatives").EnumerateArray())
        {
            var eq = alternative.GetProperty("equation_1");
            var grid = eq.GetProperty("lifetime_grid").EnumerateArray()
                .Select(g => g.GetProperty("per_functional_unit").GetProperty("gwp100").GetDouble()).ToList();
            Assert.True(grid.Zip(grid.Skip(1)).All(p => p.First > p.Second));
            var floor = eq.GetProperty("marginal_inference").GetProperty("gwp100").GetDouble() + eq.GetProperty("amortised_embodied").GetProperty("gwp100").GetDouble();
            Assert.InRange(grid[^1] / floor, 1.0, 1.05);
        }
    }

    [Fact]
    public async Task Equation_one_terms_add_up_to_the_total()
    {
        foreach (var alternative in (await AssessJsonAsync()).GetProperty("alternatives").EnumerateArray())
        {
            var eq = alternative.GetProperty("equation_1");
            double Term(string name) => eq.GetProperty(name).GetProperty("gwp100").GetDouble();
            var total = alternative.GetProperty("totals").GetProperty("gwp100").GetDouble();
            Assert.Equal(total, Term("marginal_inference") + Term("amortised_embodied") + Term("amortised_development"), 12);
        }
    }

    [Fact]
    public async Task Every_input_says_how_it_was_obtained_and_where_it_was_written()
    {
        var offline = Alternative(await AssessJsonAsync(), "offline-batching");
        var inputs = offline.GetProperty("inputs").EnumerateArray().ToList();
        Assert.NotEmpty(inputs);
        Assert.All(inputs, i => Assert.Contains(i.GetProperty("provenance").GetString(), Origins));
        Assert.All(inputs, i => Assert.True(i.GetProperty("location").GetProperty("line").GetInt32() > 0));
        var energy = inputs.Single(i => i.GetProperty("name").GetString() == "training_gpu_energy");
        Assert.Equal("measured", energy.GetProperty("provenance").GetString());
        Assert.Contains("Morrison", energy.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inference_convention_of_the_paper_is_stated_in_the_results()
    {
        var offline = Alternative(await AssessJsonAsync(), "offline-batching");
        var inference = offline.GetProperty("conventions").EnumerateArray().Single(c => c.GetProperty("scope").GetString() == "inference");
        Assert.False(inference.GetProperty("pue_applied").GetBoolean());
        Assert.Equal("gpu", inference.GetProperty("energy_boundary").GetString());
        Assert.Equal("site jupiter-serving", inference.GetProperty("offsite_water_from").GetString());
    }

    [Fact]
    public async Task Table_output_shows_totals_stages_equation_one_and_conventions()
    {
        var run = await CliRunner.InProcessAsync("assess", Repository.Example);
        Assert.Equal(0, run.ExitCode);
        foreach (var expected in new[] { "Summary per functional unit", "By life-cycle stage", "Equation (1)", "break-even lifetime", "Energy conventions", "PUE NOT applied", "Inputs" })
        {
            Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Output_file_receives_the_results()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cradle-{Guid.NewGuid():N}.json");
        try
        {
            var run = await CliRunner.InProcessAsync("assess", Repository.Example, "--format", "json", "--output", file);
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("cradle.assessment/2", JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("schema").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
