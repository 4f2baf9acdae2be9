using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// The bundled reasoning-vs-training example (examples/reasoning-vs-training): `cradle assess` gives the hand-computed
/// development and per-request figures of its three alternatives, marks the one that misses the quality constraint,
/// and `cradle tradeoff` puts the break-even volume of the 70B model against the 8B model with self-consistency at
/// the closed form.
/// </summary>
/// <remarks>
/// The figures, from the study's inputs and the shipped catalog (US grid 0.369473 kg CO2e/kWh, industry-average PUE
/// 1.56, H100 164 kg CO2e over 4 × 8,760 h = 0.00468037 kg per GPU-hour):
/// <list type="bullet">
/// <item>8B training: 1.46e6 GPU-h × 0.7 kW × 0.7 = 715,400 kWh; × 1.56 × 0.369473 = 412,340.7 kg; embodied
/// 1.46e6 × 0.00468037 = 6,833.3 kg; with experimentation (× 1.5): D = 628,761.1 kg CO2e.</item>
/// <item>70B training: 7.0e6 × 0.7 × 0.7 = 3,430,000 kWh → 1,976,977.4 kg; embodied 32,762.6 kg; D = 3,014,608.0 kg.</item>
/// <item>8B energy per token 63.1227 J ÷ 483.135 = 0.130652 J; 8 samples × 270 tokens = 2,160 tokens = 282.21 J =
/// 7.8392e-5 kWh → × 0.576378 kg per IT kWh = 4.51831e-5 kg; serving hardware 8 × 270 ÷ 2,152.52 tok/s = 1.00348 GPU-s
/// → 1.3046e-6 kg: i = 4.64877e-5 kg per request.</item>
/// <item>70B: 443.211 J ÷ 462.212 = 0.958891 J per token × 270 = 258.90 J → 4.14512e-5 kg; 270 × 4 GPU ÷ 1,158.96 tok/s
/// = 0.93189 GPU-s → 1.2116e-6 kg: i = 4.26628e-5 kg per request.</item>
/// <item>N* = (3,014,608.0 − 628,761.1) ÷ (4.64877e-5 − 4.26628e-5) = 2,385,846.9 ÷ 3.82491e-6 = 6.2377e11 requests.</item>
/// </list>
/// </remarks>
public sealed class ReasoningVsTrainingExampleTests
{
    private static string Example => Path.Combine(Repository.Root, "examples", "reasoning-vs-training", "study.yaml");

    private static JsonElement Alternative(JsonElement root, string id) =>
        root.GetProperty("alternatives").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Assess_gives_the_hand_computed_development_and_per_request_figures()
    {
        var run = await CliRunner.InProcessAsync("assess", Example, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["small-self-consistency", "small-one-chain", "large-one-chain"],
            root.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var small = Alternative(root, "small-self-consistency").GetProperty("equation_1");
        var large = Alternative(root, "large-one-chain").GetProperty("equation_1");
        Assert.Equal(628_761.1, small.GetProperty("development_total").GetProperty("gwp100").GetDouble(), 0.1);
        Assert.Equal(3_014_608.0, large.GetProperty("development_total").GetProperty("gwp100").GetDouble(), 0.1);
        // Per 1,000 requests: marginal 4.51831e-5 × 1,000 = 0.0451831 kg (8B, eight samples).
        Assert.Equal(0.0451831, small.GetProperty("marginal_inference").GetProperty("gwp100").GetDouble(), 6);
        // One chain instead of eight: an eighth of the marginal, 0.0451831 ÷ 8 = 0.00564789 kg per 1,000 requests.
        var oneChain = Alternative(root, "small-one-chain").GetProperty("equation_1");
        Assert.Equal(0.00564789, oneChain.GetProperty("marginal_inference").GetProperty("gwp100").GetDouble(), 7);
        // The reasoning chain has its own row in the composition of a request: 250 of each sample's 270 tokens.
        var terms = Alternative(root, "small-self-consistency").GetProperty("request_composition").EnumerateArray()
            .ToDictionary(t => t.GetProperty("term").GetString()!, t => t.GetProperty("values").GetProperty("gwp100").GetDouble());
        Assert.Equal(250.0 / 20.0, terms["reasoning"] / terms["decode"], 9);
    }

    [Fact]
    public async Task The_one_chain_8B_alternative_is_marked_for_missing_the_quality_constraint()
    {
        var run = await CliRunner.InProcessAsync("assess", Example);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("[constraint-unmet] functional_unit.quality: alternative 'small-one-chain': GSM8K accuracy 0.845 < functional unit minimum 0.88",
            run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("alternative 'small-self-consistency': GSM8K", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("alternative 'large-one-chain': GSM8K", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_refuses_the_one_chain_8B_alternative_naming_the_constraint_and_the_figures()
    {
        var run = await CliRunner.InProcessAsync("compare", Example);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error [constraint-unmet] functional_unit.quality: alternative 'small-one-chain': GSM8K accuracy 0.845 < functional unit minimum 0.88",
            run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tradeoff_puts_the_break_even_and_the_budget_at_the_closed_form()
    {
        var run = await CliRunner.InProcessAsync("tradeoff", Example, "--between", "large-one-chain,small-self-consistency",
            "--budget", "1000 t CO2e", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Output).RootElement;
        var breakEven = root.GetProperty("break_even").GetProperty("gwp100");
        Assert.Equal("a-repays", breakEven.GetProperty("outcome").GetString());
        // N* = 2,385,846.9 ÷ 3.82491e-6 = 6.2377e11 requests (remarks above).
        Assert.Equal(6.2377e11, breakEven.GetProperty("requests").GetDouble(), 0.0005e11);
        // A budget of 1,000 t CO2e: the 70B model's development (3,014.6 t) alone spends it; the 8B model with
        // self-consistency serves (1,000,000 − 628,761.1) ÷ 4.64877e-5 = 7.9857e9 requests.
        var served = root.GetProperty("budget").GetProperty("requests_served");
        Assert.Equal("none", served.GetProperty("large-one-chain").GetProperty("gwp100").GetProperty("outcome").GetString());
        Assert.Equal(7.9857e9, served.GetProperty("small-self-consistency").GetProperty("gwp100").GetProperty("requests").GetDouble(), 0.0005e9);
    }

    [Fact]
    public async Task Tradeoff_with_Monte_Carlo_gives_a_band_around_the_break_even()
    {
        var run = await CliRunner.InProcessAsync("tradeoff", Example, "--between", "large-one-chain,small-self-consistency", "--mc", "500", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var breakEven = JsonDocument.Parse(run.Output).RootElement.GetProperty("break_even").GetProperty("gwp100");
        var requests = breakEven.GetProperty("requests").GetDouble();
        var bands = breakEven.GetProperty("bands");
        Assert.True(bands.GetProperty("p5").GetDouble() < requests && requests < bands.GetProperty("p95").GetDouble(), bands.ToString());
    }
}
