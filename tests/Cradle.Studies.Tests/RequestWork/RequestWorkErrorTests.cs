using Cradle.Studies.Tests.Support;
using static Cradle.Studies.Tests.RequestWork.RequestWorkStudy;

namespace Cradle.Studies.Tests.RequestWork;

/// <summary>
/// Wrong combinations and out-of-range values of the per-request terms, each located where it is written (at the
/// value of the key, as every reader error is).
/// </summary>
public sealed class RequestWorkErrorTests
{
    private static void AssertAt(string text, string needle, Cradle.Syntax.InputProblem error) =>
        Assert.Equal(TinyStudy.Find(text, needle), (error.Location!.Line, error.Location.Column));

    [Fact]
    public void Prefill_energy_with_an_energy_per_request_is_refused_at_the_key()
    {
        var text = TinyStudy.With("  device_time_per_request: 1 s/request",
            "  device_time_per_request: 1 s/request\n  input_tokens: 1000 token/request\n  energy_per_input_token: 1e-7 kWh/token");
        var error = TinyStudy.Error(text, "per-token-only");
        Assert.Equal("inference.energy_per_input_token", error.Field);
        AssertAt(text, "1e-7 kWh/token", error);
        Assert.StartsWith($"{TinyStudy.File}:{error.Location!.Line}:{error.Location.Column}: error [per-token-only]", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Refinement_rounds_and_a_draft_with_an_energy_per_request_are_refused()
    {
        var text = TinyStudy.With("  device_time_per_request: 1 s/request",
            "  device_time_per_request: 1 s/request\n  refinement_rounds: 1\n  draft: {energy_per_token: 1e-7 kWh/token, tokens_per_output_token: 2}");
        var errors = TinyStudy.Errors(text).Where(e => e.Code == "per-token-only").ToList();
        Assert.Equal(["inference.refinement_rounds", "inference.draft"], errors.Select(e => e.Field));
        AssertAt(text, "{energy_per_token", errors[1]);
    }

    [Fact]
    public void Prefill_energy_without_input_tokens_is_a_missing_field()
    {
        var error = TinyStudy.Error(With("  energy_per_input_token: 1e-7 kWh/token"), "missing-field");
        Assert.Equal("inference.input_tokens", error.Field);
    }

    [Fact]
    public void Input_tokens_without_prefill_energy_are_refused_at_the_tokens()
    {
        var text = With("  input_tokens: 1000 token/request");
        var error = TinyStudy.Error(text, "tokens-without-energy");
        AssertAt(text, "1000 token/request", error);
    }

    [Theory]
    [InlineData("  refinement_rounds: -1", "inference.refinement_rounds", ": -1")]
    [InlineData("  input_tokens: -5 token/request\n  energy_per_input_token: 1e-7 kWh/token", "inference.input_tokens", "-5 token")]
    [InlineData("  input_tokens: 5 token/request\n  energy_per_input_token: -1e-7 kWh/token", "inference.energy_per_input_token", "-1e-7")]
    [InlineData("  draft: {energy_per_token: 1e-7 kWh/token, tokens_per_output_token: -2}", "inference.draft.tokens_per_output_token", "-2}")]
    [InlineData("  retrieval: {calls_per_request: -1 call/request, search: {energy_per_call: 0.05 Wh}}", "inference.retrieval.calls_per_request", "-1 call")]
    [InlineData("  retrieval: {calls_per_request: 1 call/request, search: {energy_per_call: -0.05 Wh}}", "inference.retrieval.search.energy_per_call", "-0.05")]
    [InlineData("  tool_calls: {calls_per_request: -3 call/request, energy_per_call: 0.2 Wh}", "inference.tool_calls.calls_per_request", "-3 call")]
    [InlineData("  tool_calls: {calls_per_request: 3 call/request, energy_per_call: -0.2 Wh}", "inference.tool_calls.energy_per_call", "-0.2")]
    public void Negative_values_are_out_of_range(string lines, string field, string value)
    {
        var text = With(lines);
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Equal(field, error.Field);
        Assert.Equal(TinyStudy.Find(text, value).Line, error.Location!.Line);
    }

    [Fact]
    public void Retrieval_needs_an_energy_and_its_hardware_needs_device_time()
    {
        var none = TinyStudy.Error(With("  retrieval: {calls_per_request: 2 call/request}"), "missing-field");
        Assert.Equal("inference.retrieval.embedding", none.Field);
        var time = TinyStudy.Error(With("  retrieval: {calls_per_request: 2 call/request, hardware: fleet, search: {energy_per_call: 0.05 Wh}}"), "missing-field");
        Assert.Equal("inference.retrieval.device_time_per_call", time.Field);
        var unused = TinyStudy.Error(With("  retrieval: {calls_per_request: 2 call/request, device_time_per_call: 1 s, search: {energy_per_call: 0.05 Wh}}"), "unused-field");
        Assert.Equal("inference.retrieval.device_time_per_call", unused.Field);
    }

    [Fact]
    public void Retrieval_energies_with_different_pue_choices_are_refused()
    {
        var text = With("  retrieval:\n    calls_per_request: 2 call/request\n    embedding: {energy_per_call: 0.1 Wh}\n    search: {energy_per_call: {value: 0.05 Wh, pue: ignore}}");
        var error = TinyStudy.Error(text, "retrieval-conventions");
        Assert.Equal("inference.retrieval.search.energy_per_call", error.Field);
    }

    [Fact]
    public void Retrieval_without_hardware_warns_that_its_embodied_share_is_not_counted()
    {
        var a = Assess(With("  retrieval: {calls_per_request: 2 call/request, search: {energy_per_call: 0.05 Wh}}"));
        Assert.Contains(a.Warnings, w => w.Code == "missing-device-time" && w.Field == "inference.retrieval.hardware");
    }

    [Fact]
    public void Tool_calls_need_an_energy_or_a_footprint_and_a_site_needs_the_energy()
    {
        Assert.Equal("inference.tool_calls.energy_per_call", TinyStudy.Error(With("  tool_calls: {calls_per_request: 3 call/request}"), "missing-field").Field);
        var site = TinyStudy.Error(With("  tool_calls: {calls_per_request: 3 call/request, site: s, footprint_per_call: {gwp100: 1 g CO2e}}"), "site-without-energy");
        Assert.Equal("inference.tool_calls.site", site.Field);
        var unknown = TinyStudy.Error(With("  tool_calls: {calls_per_request: 3 call/request, footprint_per_call: {gwp10: 1 g CO2e}}"), "unknown-indicator");
        Assert.Equal("inference.tool_calls.footprint_per_call.gwp10", unknown.Field);
    }

    [Fact]
    public void A_misspelt_retrieval_key_names_the_closest()
    {
        var error = TinyStudy.Error(With("  retrieval: {calls_per_request: 2 call/request, serch: {energy_per_call: 0.05 Wh}}"), "unknown-key");
        Assert.Equal("inference.retrieval.serch", error.Field);
        Assert.Contains("search", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_call_energy_from_a_run_is_refused_in_words_about_calls()
    {
        var error = TinyStudy.Error(With("  tool_calls: {calls_per_request: 3 call/request, energy_per_call: {from_run: r1}}"), "from-run-per-token");
        Assert.Equal("inference.tool_calls.energy_per_call.from_run", error.Field);
        Assert.Contains("not retrieval or tool calls", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_draft_needs_both_its_figures()
    {
        var error = TinyStudy.Error(With("  draft: {energy_per_token: 1e-7 kWh/token}"), "missing-field");
        Assert.Equal("inference.draft.tokens_per_output_token", error.Field);
    }
}
