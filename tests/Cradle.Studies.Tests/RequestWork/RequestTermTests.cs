using Cradle.Studies.Definition;
using Cradle.Studies.Tests.Support;
using static Cradle.Studies.Tests.RequestWork.RequestWorkStudy;

namespace Cradle.Studies.Tests.RequestWork;

/// <summary>
/// Each per-request term on its own, computed by hand: its energy row (scope), its contribution in the composition of
/// one request, and what samples and refinement rounds multiply.
/// </summary>
public sealed class RequestTermTests
{
    [Fact]
    public void Prefill_is_input_tokens_times_the_energy_per_input_token_in_its_own_row()
    {
        var a = Assess(With("  input_tokens: 1000 token/request\n  energy_per_input_token: 1e-7 kWh/token"));
        // 1,000 tokens × 1e-7 kWh/token = 1e-4 kWh IT; × PUE 1.5 = 1.5e-4 kWh facility.
        var prefill = Scope(a, "inference-prefill");
        Assert.Equal("inference", prefill.Stage);
        Assert.Equal(1e-4, prefill.ItEnergy, 15);
        Assert.Equal(1.5e-4, prefill.FacilityEnergy, 15);
        // The decode row is the output tokens only: 200 × 2e-6 = 4e-4 kWh.
        Assert.Equal(4e-4, Scope(a, "inference").ItEnergy, 15);
        // gwp100: prefill 1e-4 × 0.75 = 7.5e-5 kg; decode 4e-4 × 0.75 = 3e-4 kg.
        Assert.Equal(7.5e-5, Term(a, "prefill").Values[0], 15);
        Assert.Equal(3e-4, Term(a, "decode").Values[0], 15);
    }

    [Fact]
    public void Prefill_energy_takes_joules_per_token_and_its_own_conventions()
    {
        // 0.36 J/token = 1e-7 kWh/token; a gpu-boundary prefill energy with PUE ignored draws 1e-4 kWh from the grid.
        var a = Assess(With("  input_tokens: 1000 token/request\n  energy_per_input_token: {value: 0.36 J/token, boundary: gpu, pue: ignore}"));
        var prefill = Scope(a, "inference-prefill");
        Assert.Equal(1e-4, prefill.ItEnergy, 15);
        Assert.Equal(1e-4, prefill.GridElectricity, 15);
        Assert.Equal(EnergyBoundary.Gpu, prefill.Convention.Boundary);
        Assert.False(prefill.Convention.PueApplied);
    }

    [Fact]
    public void Reasoning_tokens_have_their_own_row_at_the_decode_energy()
    {
        var a = Assess(With("  reasoning_tokens: 800 token/request"));
        // Reasoning: 800 × 2e-6 = 1.6e-3 kWh; decode: 200 × 2e-6 = 4e-4 kWh; together 2e-3 kWh, 1.5e-3 kg CO2e, as before.
        Assert.Equal(1.6e-3, Scope(a, "inference-reasoning").ItEnergy, 15);
        Assert.Equal(4e-4, Scope(a, "inference").ItEnergy, 15);
        Assert.Equal(1.5e-3, a.EquationOne!.MarginalInference[0], 15);
        Assert.Equal(1.6e-3 * KgPerItKwh, Term(a, "reasoning").Values[0], 15);
    }

    [Fact]
    public void Samples_and_refinement_rounds_multiply_prefill_and_decode()
    {
        var a = Assess(With("  input_tokens: 1000 token/request\n  energy_per_input_token: 1e-7 kWh/token\n  samples_per_request: 3\n  refinement_rounds: 2"));
        // Decode: 3 samples × (1 + 2 rounds) × 200 tokens × 2e-6 kWh = 3.6e-3 kWh.
        Assert.Equal(3.6e-3, Scope(a, "inference").ItEnergy, 15);
        // Prefill: 3 × (1,000 + 2 × (1,000 + 200)) tokens × 1e-7 kWh = 3 × 3,400 × 1e-7 = 1.02e-3 kWh.
        Assert.Equal(1.02e-3, Scope(a, "inference-prefill").ItEnergy, 15);
    }

    [Fact]
    public void Refinement_rounds_without_prefill_add_decode_only()
    {
        var a = Assess(With("  refinement_rounds: 1.5"));
        // (1 + 1.5) × 200 × 2e-6 = 1e-3 kWh; rounds are an average, so need not be whole.
        Assert.Equal(1e-3, Scope(a, "inference").ItEnergy, 15);
        Assert.DoesNotContain(a.Energy.Scopes, s => s.Scope == "inference-prefill");
    }

    [Fact]
    public void The_draft_model_proposes_for_every_decoded_token()
    {
        var a = Assess(With("  reasoning_tokens: 800 token/request\n  samples_per_request: 2\n  refinement_rounds: 1\n"
            + "  draft: {energy_per_token: 1e-7 kWh/token, tokens_per_output_token: 2}"));
        // Decoded tokens per sample: (1 + 1) × 200 + 800 = 1,200; × 2 samples × 2 draft tokens × 1e-7 kWh = 4.8e-4 kWh.
        Assert.Equal(4.8e-4, Scope(a, "inference-draft").ItEnergy, 15);
        Assert.Equal(4.8e-4 * KgPerItKwh, Term(a, "draft").Values[0], 15);
    }

    private const string Retrieval = "  samples_per_request: 3\n  retrieval:\n    calls_per_request: 2 call/request\n    model: e5-large\n"
        + "    embedding: {energy_per_call: 0.1 Wh}\n    search: {energy_per_call: 0.05 Wh}\n";

    [Fact]
    public void Retrieval_is_calls_times_embedding_and_search_once_per_request()
    {
        var a = Assess(With(Retrieval));
        // 2 calls × (1e-4 + 5e-5) kWh = 3e-4 kWh IT; samples (3) do not repeat the retrieval.
        var retrieval = Scope(a, "inference-retrieval");
        Assert.Equal(3e-4, retrieval.ItEnergy, 15);
        Assert.Equal(4.5e-4, retrieval.FacilityEnergy, 15);
        // Decode is 3 samples × 4e-4 kWh.
        Assert.Equal(1.2e-3, Scope(a, "inference").ItEnergy, 15);
    }

    [Fact]
    public void Retrieval_on_its_own_site_and_hardware_draws_there_and_carries_its_embodied_share()
    {
        var text = TinyStudy.With("    wue: 0.25 L/kWh\n", "    wue: 0.25 L/kWh\n  rag:\n    grid: g\n    pue: 1.2\n    wue: 0 L/kWh\n",
            With(Retrieval + "    site: rag\n    hardware: fleet\n    device_time_per_call: 0.5 s\n"));
        var a = Assess(text);
        var retrieval = Scope(a, "inference-retrieval");
        // 3e-4 kWh IT × PUE 1.2 of site rag = 3.6e-4 kWh.
        Assert.Equal(3.6e-4, retrieval.FacilityEnergy, 15);
        Assert.Equal("rag", retrieval.Convention.Site);
        // Embodied: 2 calls × 0.5 s = 1 s of fleet time; energy 3.6e-4 kWh × 0.5 kg/kWh = 1.8e-4 kg.
        Assert.Equal(1.8e-4 + EmbodiedPerSecond, Term(a, "retrieval").Values[0], 15);
        // The retrieval hardware's time is amortised embodied in equation (1): serving 3 samples × 1 s, plus 1 s.
        Assert.Equal(4 * EmbodiedPerSecond, a.EquationOne!.AmortisedEmbodied[0], 15);
        Assert.Contains(a.Hardware, h => h.Scope == "inference-retrieval" && h.Hardware == "fleet");
    }

    [Fact]
    public void Tool_calls_count_their_energy_and_their_declared_footprint()
    {
        var a = Assess(With("  samples_per_request: 2\n  tool_calls:\n    calls_per_request: 3 call/request\n    energy_per_call: 0.2 Wh\n"
            + "    footprint_per_call: {gwp100: 1 g CO2e, water: 0.1 L}\n    source: vendor figures"));
        // Energy: 3 calls × 2e-4 kWh = 6e-4 kWh IT (samples do not repeat the calls).
        Assert.Equal(6e-4, Scope(a, "inference-tools").ItEnergy, 15);
        // gwp100: 6e-4 × 0.75 = 4.5e-4 kg, plus 3 × 1 g = 3e-3 kg declared.
        Assert.Equal(4.5e-4 + 3e-3, Term(a, "tools").Values[0], 15);
        var figure = a.Inputs.Single(i => i.Name == "inference.tool_calls.footprint_per_call.gwp100");
        Assert.Equal("declared", figure.Origin);
        Assert.Equal("vendor figures", figure.Source);
    }

    [Fact]
    public void A_footprint_per_call_without_some_category_says_it_is_not_covered()
    {
        var assessment = TinyStudy.Assess(With("  tool_calls: {calls_per_request: 3 call/request, footprint_per_call: {gwp100: 1 g CO2e}}"));
        var a = assessment.Alternatives[0];
        Assert.Equal(3e-3, Term(a, "tools").Values[0], 15);
        Assert.Contains(a.NotCovered, c => c.Id == "water" && c.Stage == "inference");
        Assert.Contains(a.Warnings, w => w.Code == "missing-indicator-data" && w.Field == "inference.tool_calls.footprint_per_call");
    }

    [Fact]
    public void Retrieval_figures_are_parameters_an_alternative_can_override()
    {
        var text = With(Retrieval) + "alternatives:\n  as-written:\n    description: as written\n  more-retrieval:\n    parameters:\n      inference.retrieval.calls_per_request: 4 call/request\n";
        var assessment = TinyStudy.Assess(text);
        // 4 calls × 1.5e-4 kWh = 6e-4 kWh, twice the 2 calls as written.
        Assert.Equal(3e-4, Scope(assessment.Alternatives[0], "inference-retrieval").ItEnergy, 15);
        Assert.Equal(6e-4, Scope(assessment.Alternatives[1], "inference-retrieval").ItEnergy, 15);
    }
}
