using Cradle.Studies.Tests.Support;
using static Cradle.Studies.Tests.RequestWork.RequestWorkStudy;

namespace Cradle.Studies.Tests.RequestWork;

/// <summary>
/// One study with every per-request term: the composition of one request by hand, its shares adding up to 1, and
/// equation (1) still adding up to the total.
/// </summary>
public sealed class FullRequestTests
{
    private static readonly string Full = With("""
          reasoning_tokens: 800 token/request
          input_tokens: 1000 token/request
          energy_per_input_token: 1e-7 kWh/token
          samples_per_request: 2
          refinement_rounds: 1
          draft: { energy_per_token: 1e-7 kWh/token, tokens_per_output_token: 2 }
          retrieval:
            calls_per_request: 2 call/request
            embedding: { energy_per_call: 0.1 Wh/call }
            search: { energy_per_call: 0.05 Wh }
            hardware: fleet
            device_time_per_call: 0.5 s/call
          tool_calls: { calls_per_request: 3 call/request, energy_per_call: 0.2 Wh, footprint_per_call: { gwp100: 1 g CO2e/call, water: 0.1 L/call } }
          idle: { power: 100 W, occupancy: 0.5 }
        """);

    // IT energy per request (kWh), by term:
    private const double Decode = 2 * (1 + 1) * 200 * 2e-6;           // 2 samples × (1 + 1 round) × 200 × 2e-6 = 1.6e-3
    private const double Reasoning = 2 * 800 * 2e-6;                 // 2 × 800 × 2e-6 = 3.2e-3
    private const double Prefill = 2 * (1000 + (1 * (1000 + 200))) * 1e-7; // 2 × 2,200 × 1e-7 = 4.4e-4
    private const double Draft = 2 * ((2 * 200) + 800) * 2 * 1e-7;   // 2 × 1,200 decoded × 2 proposed × 1e-7 = 4.8e-4
    private const double Retrieval = 2 * (1e-4 + 5e-5);              // 2 calls × 1.5e-4 = 3e-4
    private const double Tools = 3 * 2e-4;                           // 3 calls × 2e-4 = 6e-4
    private const double Idle = 2 * 1 * (1 - 0.5) / 0.5 * 100 / 3.6e6; // 2 × 1 s × 1 idle s per busy s × 100 W = 200 J = 5.5556e-5

    [Fact]
    public void Every_term_has_its_row_and_its_hand_computed_contribution()
    {
        var a = Assess(Full);
        Assert.Equal(Decode, Scope(a, "inference").ItEnergy, 15);
        Assert.Equal(Reasoning, Scope(a, "inference-reasoning").ItEnergy, 15);
        Assert.Equal(Prefill, Scope(a, "inference-prefill").ItEnergy, 15);
        Assert.Equal(Draft, Scope(a, "inference-draft").ItEnergy, 15);
        Assert.Equal(Retrieval, Scope(a, "inference-retrieval").ItEnergy, 15);
        Assert.Equal(Tools, Scope(a, "inference-tools").ItEnergy, 15);
        Assert.Equal(Idle, Scope(a, "inference-idle").ItEnergy, 15);

        // gwp100 (kg CO2e) per term: IT energy × 0.75, plus the declared 3 × 1 g per request for the tools; embodied
        // shares of 2 samples × 1 s of serving and 2 calls × 0.5 s of retrieval device time.
        Assert.Equal(
            ["prefill", "decode", "reasoning", "draft", "retrieval", "tools", "idle", "serving hardware", "trained model"],
            a.RequestComposition.Select(t => t.Term));
        Assert.Equal(Prefill * KgPerItKwh, Term(a, "prefill").Values[0], 15);
        Assert.Equal(Decode * KgPerItKwh, Term(a, "decode").Values[0], 15);
        Assert.Equal(Reasoning * KgPerItKwh, Term(a, "reasoning").Values[0], 15);
        Assert.Equal(Draft * KgPerItKwh, Term(a, "draft").Values[0], 15);
        Assert.Equal((Retrieval * KgPerItKwh) + EmbodiedPerSecond, Term(a, "retrieval").Values[0], 15);
        Assert.Equal((Tools * KgPerItKwh) + 3e-3, Term(a, "tools").Values[0], 15);
        Assert.Equal(Idle * KgPerItKwh, Term(a, "idle").Values[0], 15);
        Assert.Equal(2 * EmbodiedPerSecond, Term(a, "serving hardware").Values[0], 15);
        Assert.Equal(DevelopmentPerRequest, Term(a, "trained model").Values[0], 15);

        var total = ((Decode + Reasoning + Prefill + Draft + Retrieval + Tools + Idle) * KgPerItKwh) + 3e-3 + (3 * EmbodiedPerSecond) + DevelopmentPerRequest;
        Assert.Equal(total, a.Totals[0], 15);
    }

    [Fact]
    public void The_shares_of_the_composition_add_up_to_one_in_every_category()
    {
        var a = Assess(Full);
        for (var k = 0; k < a.Categories.Count; k++)
        {
            Assert.Equal(1, a.RequestComposition.Sum(t => t.Shares[k]), 12);
            Assert.Equal(a.Totals[k], a.RequestComposition.Sum(t => t.Values[k]), 15);
        }
        // Water: the tool calls' declared 3 × 0.1 L is part of the tools' share.
        var water = a.Categories.Select(c => c.Id).ToList().IndexOf("water");
        Assert.True(Term(a, "tools").Values[water] > 0.3 - 1e-12);
    }

    [Fact]
    public void Equation_one_counts_the_terms_as_marginal_and_the_retrieval_hardware_as_embodied()
    {
        var a = Assess(Full);
        var eq = a.EquationOne!;
        Assert.Equal(((Decode + Reasoning + Prefill + Draft + Retrieval + Tools + Idle) * KgPerItKwh) + 3e-3, eq.MarginalInference[0], 15);
        Assert.Equal(3 * EmbodiedPerSecond, eq.AmortisedEmbodied[0], 15);
        for (var k = 0; k < a.Categories.Count; k++)
        {
            Assert.Equal(a.Totals[k], eq.MarginalInference[k] + eq.AmortisedEmbodied[k] + eq.AmortisedDevelopment[k], 12);
        }
    }

    [Fact]
    public void Break_even_without_draws_agrees_with_equation_one()
    {
        var compiled = Cradle.Studies.Assessment.StudyAssessor.Compile(Full, TinyStudy.File, [], null).Alternatives[0];
        var curve = Cradle.Studies.Assessment.BreakEvenAnalysis.RunOnDraws(compiled, [1e6], 0.1, null);
        // At the study's own lifetime (10⁶ requests) the curve's point is the total.
        Assert.Equal(Assess(Full).Totals[0], curve.Curve[0].Values[0], 15);
    }

    [Fact]
    public void A_functional_unit_of_tokens_has_the_same_composition_scaled()
    {
        // 1e6 tokens at 200 token/request are 5,000 requests: each term × 5,000, the shares unchanged.
        var text = TinyStudy.With("  amount: 1 request", "  amount: 1e6 token", Full) + "\n  service_per_request: 200 token/request";
        var tokens = Assess(text);
        var request = Assess(Full);
        Assert.Equal(request.RequestComposition.Select(t => t.Term), tokens.RequestComposition.Select(t => t.Term));
        foreach (var (perToken, perRequest) in tokens.RequestComposition.Zip(request.RequestComposition))
        {
            Assert.Equal(5000 * perRequest.Values[0], perToken.Values[0], 9);
            Assert.Equal(perRequest.Shares[0], perToken.Shares[0], 12);
        }
        Assert.Null(tokens.EquationOne);
    }

    [Fact]
    public void A_request_of_one_generation_energy_has_no_composition()
    {
        // The tiny study as written (and the shipped example): equation (1) already splits it.
        Assert.Empty(TinyStudy.Assess().Alternatives[0].RequestComposition);
        Assert.Empty(Assess(PerToken).RequestComposition);
    }

    [Fact]
    public void With_an_energy_per_request_the_request_energy_is_the_generation_term()
    {
        var text = TinyStudy.With("  device_time_per_request: 1 s/request",
            "  device_time_per_request: 1 s/request\n  tool_calls: {calls_per_request: 1 call/request, energy_per_call: 0.2 Wh}");
        var a = Assess(text);
        // 0.002 kWh × 0.75 = 1.5e-3 kg CO2e.
        Assert.Equal(1.5e-3, Term(a, "generation").Values[0], 15);
        Assert.Equal(2e-4 * KgPerItKwh, Term(a, "tools").Values[0], 15);
    }
}
