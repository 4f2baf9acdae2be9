using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;
using static Cradle.Studies.Tests.RequestWork.RequestWorkStudy;

namespace Cradle.Studies.Tests.RequestWork;

/// <summary>The figures of the per-request work are parameters: sampled, in the sensitivity analysis, and open to alternatives' conventions.</summary>
public sealed class RequestWorkUncertaintyTests
{
    [Fact]
    public void Sobol_indices_of_retrieval_calls_and_input_tokens_split_the_variance_as_the_closed_form()
    {
        // total = const + a·n + b·I, a = 1.5e-4 kWh × 0.75 = 1.125e-4 kg per call, n ~ U(1, 3): a² × 2²/12 = 4.21875e-9;
        // b = 1e-7 kWh × 0.75 = 7.5e-8 kg per token, I ~ U(500, 1500): b² × 1000²/12 = 4.6875e-10. S_n = 0.9, S_I = 0.1.
        var text = With("  input_tokens:\n    value: 1000 token/request\n    uncertainty: {distribution: uniform, min: 500 token/request, max: 1500 token/request}\n"
            + "  energy_per_input_token: 1e-7 kWh/token\n  retrieval:\n    calls_per_request:\n      value: 2 call/request\n"
            + "      uncertainty: {distribution: uniform, min: 1 call/request, max: 3 call/request}\n"
            + "    embedding: {energy_per_call: 0.1 Wh/call}\n    search: {energy_per_call: 0.05 Wh/call}");
        var compiled = StudyAssessor.Compile(text, TinyStudy.File, [], null).Alternatives[0];
        var result = SensitivityAnalysis.Run(compiled, 8192, 100, 3);
        var calls = result.Inputs.Single(i => i.Input == "inference.retrieval.calls_per_request");
        var tokens = result.Inputs.Single(i => i.Input == "inference.input_tokens");
        Assert.Equal(0.9, calls.First[0], 0.05);
        Assert.Equal(0.1, tokens.First[0], 0.05);
        // One at a time: the 5th and 95th percentiles of U(1, 3) are 1.1 and 2.9 calls, a swing of 1.8 × a = 2.025e-4 kg.
        Assert.Equal(1.8 * 1.125e-4, calls.Swing(0), 12);
    }

    [Fact]
    public void An_alternative_can_change_the_conventions_of_a_retrieval_energy()
    {
        var text = With("  retrieval:\n    calls_per_request: 2 call/request\n    search: {energy_per_call: 0.05 Wh/call}\n")
            + "alternatives:\n  as-written:\n    description: as written\n  it-only:\n    conventions:\n      inference.retrieval.search.energy_per_call.pue: ignore\n";
        var assessment = TinyStudy.Assess(text);
        // 2 × 5e-5 kWh = 1e-4 kWh IT: × PUE 1.5 as written, as it is with PUE ignored.
        Assert.Equal(1.5e-4, Scope(assessment.Alternatives[0], "inference-retrieval").GridElectricity, 15);
        Assert.Equal(1e-4, Scope(assessment.Alternatives[1], "inference-retrieval").GridElectricity, 15);
    }
}
