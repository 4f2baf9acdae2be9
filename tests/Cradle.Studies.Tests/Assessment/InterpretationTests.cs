using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>Break-even, comparisons and sensitivity on TinyStudy, against closed forms.</summary>
public sealed class InterpretationTests
{
    // TinyStudy per request: marginal m = 0.0015, serving embodied e = 3.17098e-6; development D = 772.83105 kg, of which
    // its hardware Ed = 2,000 h × 100 kg ÷ 8,760 h = 22.83105 kg (see EquationOneTests).
    private const double M = 0.0015, E = 1.0 / 3600 * 100 / 8760, D = 750 + (2000 * 100.0 / 8760), Ed = 2000 * 100.0 / 8760;

    private static Cradle.Studies.Compilation.CompiledStudy Compile(string text) =>
        StudyAssessor.Compile(text, TinyStudy.File, [], null).Alternatives[0];

    [Fact]
    public void Break_even_and_the_curve_follow_the_closed_form()
    {
        var r = BreakEvenAnalysis.Run(Compile(TinyStudy.Text), [1e6, 1e9], 0.01, null);
        Assert.Equal(D / (M + E), r.BreakEven[0]!.Value, 6);
        Assert.Equal(M + E + (D / 1e6), r.Curve[0].Values[0], 12);  // one request at a lifetime of 10⁶ = the assess total
        Assert.Equal(M + E + (D / 1e9), r.Curve[1].Values[0], 12);
    }

    [Fact]
    public void The_embodied_share_lifetime_solves_the_share_equation()
    {
        // (e + Ed/N) / (m + e + D/N) = 0.01 ⇒ N = (Ed − 0.01 D) / (0.01 (m + e) − e)
        //   = (22.8310502 − 7.7283105) / (1.50317098e-5 − 3.17098e-6) = 15.1027397 / 1.18607306e-5 ≈ 1,273,340.
        var n = BreakEvenAnalysis.Run(Compile(TinyStudy.Text), [1e6], 0.01, null).EmbodiedBelow[0]!.Value;
        Assert.Equal(1_273_340, n, 0);
        Assert.Equal(0.01, (E + (Ed / n)) / (M + E + (D / n)), 12);
        // The limit of the share for endless lifetimes is e/(m + e) ≈ 0.0021, so 0.001 is never reached.
        Assert.Null(BreakEvenAnalysis.EmbodiedBelow(M, E, D, Ed, 0.001));
        Assert.Equal(0, BreakEvenAnalysis.EmbodiedBelow(M, E, D, Ed, 0.5)); // below half at every lifetime
    }

    [Fact]
    public void Break_even_is_refused_for_a_functional_unit_of_models()
    {
        var text = TinyStudy.With("  amount: 1 request", "  amount: 1 model");
        Assert.Contains(Assert.Throws<StudyException>(() => BreakEvenAnalysis.Run(Compile(text), [1e6], 0.1, null)).Problems, p => p.Code == "not-per-request");
    }

    private static readonly string TwoServings = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  serving:\n    value: 0.002 kWh/request\n    uncertainty: {distribution: uniform, min_factor: 0.5, max_factor: 1.5}\n")
        .Replace("energy_per_request: 0.002 kWh/request", "energy_per_request: serving", StringComparison.Ordinal)
        + "\nalternatives:\n  lean:\n    description: as measured\n  heavy:\n    parameters:\n      serving:\n        value: 0.003 kWh/request\n        uncertainty: {distribution: uniform, min_factor: 0.5, max_factor: 1.5}\n";

    [Fact]
    public void A_dominated_alternative_loses_in_every_draw_on_common_random_numbers()
    {
        var (_, alternatives, _) = StudyAssessor.Compile(TwoServings, TinyStudy.File, [], null);
        var result = ComparisonAnalysis.Compare(alternatives.Select(a => (a.Alternative!.Id, a)).ToList(), new MonteCarloOptions(5000, 4, 2));
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(1.0, pair.ProbabilityALower[0]);
        // The same uniform draw u scales both servings: heavy − lean = 0.001 × u × 0.75 kg per request, u in [0.5, 1.5].
        Assert.InRange(pair.Difference[0].Mean, -0.001 * 0.75 * 1.01, -0.001 * 0.75 * 0.99);
    }

    [Fact]
    public void Alternatives_with_different_functional_units_are_refused()
    {
        var a = Compile(TinyStudy.Text);
        var b = Compile(TinyStudy.With("  amount: 1 request", "  amount: 1000 request"));
        var error = Assert.Single(Assert.Throws<StudyException>(() => ComparisonAnalysis.Compare([("a", a), ("b", b)], new MonteCarloOptions(10, 1, 1))).Problems);
        Assert.Equal("fu-mismatch", error.Code);
        Assert.Contains("'a' delivers 1 request, 'b' delivers 1000 request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_service_written_in_another_unit_is_the_same_functional_unit()
    {
        var a = Compile(TinyStudy.With("  amount: 1 request", "  amount: 1000 request"));
        var b = Compile(TinyStudy.With("  amount: 1 request", "  amount: 1 krequest"));
        Assert.Single(ComparisonAnalysis.Compare([("a", a), ("b", b)], new MonteCarloOptions(10, 1, 1)).Pairs);
    }

    [Fact]
    public void Sobol_indices_of_an_additive_study_split_the_variance_as_the_closed_form()
    {
        // total = const + α·E + β·S with E ~ U(500, 1500) kWh (α = 0.75e-6 kg/kWh per request) and S ~ U(0.001, 0.003)
        // kWh/request (β = 0.75 kg/kWh): variances α²·1000²/12 = 4.6875e-8 and β²·0.002²/12 = 1.875e-7 ⇒ S_E = 0.2, S_S = 0.8.
        var text = TwoServings[..TwoServings.IndexOf("\nalternatives:", StringComparison.Ordinal)]
            .Replace("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      uncertainty: {distribution: uniform, min: 500 kWh, max: 1500 kWh}", StringComparison.Ordinal);
        var result = SensitivityAnalysis.Run(Compile(text), 8192, 100, 3);
        var energy = result.Inputs.Single(i => i.Input == "stages.pre_training.energy");
        var serving = result.Inputs.Single(i => i.Input == "serving");
        Assert.Equal(0.2, energy.First[0], 0.05);
        Assert.Equal(0.8, serving.First[0], 0.05);
        Assert.Equal(0.2, energy.Total[0], 0.05);
        Assert.Equal(0.8, serving.Total[0], 0.05);
        // One at a time: the 5th and 95th percentiles of U(500, 1500) are 550 and 1450 kWh: a swing of 900 × α.
        Assert.Equal(900 * 0.75e-6, energy.Swing(0), 12);
        Assert.Equal("serving", result.Inputs[0].Input); // sorted by swing: serving swings 0.0018 × 0.75, more than 0.000675
    }
}
