using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>Monte Carlo of a study: uncertainties as stated, reproducible, summarised per category and stage.</summary>
public sealed class MonteCarloStudyTests
{
    private static readonly string Uncertain = TinyStudy.With("    energy: 1000 kWh",
        "    energy:\n      value: 1000 kWh\n      uncertainty: {distribution: lognormal, gsd: 1.5}");

    private static StudyAssessment Run(string text, int iterations, ulong seed, int threads) =>
        StudyAssessor.Assess(text, TinyStudy.File, [], null, new MonteCarloOptions(iterations, seed, threads));

    [Fact]
    public void A_sampled_case_that_makes_an_amount_not_a_number_is_refused_naming_the_amount()
    {
        // x is drawn from a normal with a relative SD of 2: about 31 % of the draws are below 0, where sqrt gives NaN.
        // The deterministic value (x = 1) is fine, so only the Monte Carlo meets it; it must say so, not report NaN percentiles.
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: sqrt(x) * base_energy")
            + "\nparameters:\n  x:\n    value: 1\n    uncertainty: {distribution: normal, relative_sd: 2}\n  base_energy:\n    value: 1000 kWh\n";
        Assert.NotEmpty(TinyStudy.Assess(text).Alternatives);
        var error = Assert.Single(Assert.Throws<StudyException>(() => Run(text, 4096, 1, 2)).Problems);
        Assert.Equal("sample-not-finite", error.Code);
        Assert.Equal("stages.pre-training.energy", error.Field);
        Assert.Contains("is not a number in a Monte Carlo draw where x = -", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_are_the_same_with_one_thread_and_with_four()
    {
        var one = Run(Uncertain, 20_000, 5, 1).Alternatives[0].Uncertainty!;
        var four = Run(Uncertain, 20_000, 5, 4).Alternatives[0].Uncertainty!;
        Assert.Equal(one.Totals, four.Totals);
        Assert.NotEqual(one.Totals, Run(Uncertain, 20_000, 6, 4).Alternatives[0].Uncertainty!.Totals);
    }

    [Fact]
    public void The_mean_follows_the_lognormal_of_the_uncertain_input()
    {
        // Only the training energy E is uncertain: total = a + b·E with E lognormal (median 1,000 kWh, GSD 1.5), so
        // mean = a + b·1,000·exp(ln(1.5)²/2) = deterministic + b·1,000·(exp(0.0822) − 1). b·1,000 = 750 kg ÷ 10⁶ requests.
        var a = Run(Uncertain, 100_000, 9, 2).Alternatives[0];
        var expected = a.Totals[0] + (750e-6 * (Math.Exp(Math.Pow(Math.Log(1.5), 2) / 2) - 1));
        Assert.Equal(expected, a.Uncertainty!.Totals[0].Mean, 2e-3 * expected);
        Assert.Equal(a.Totals[0], a.Uncertainty.Totals[0].Median, 2e-3 * expected); // the median is unchanged
    }

    [Fact]
    public void Stage_means_add_up_to_the_mean_total()
    {
        var u = Run(Uncertain, 10_000, 2, 2).Alternatives[0].Uncertainty!;
        Assert.Equal(u.Totals[0].Mean, u.Stages.Sum(s => s.Values[0].Mean), 1e-12 * u.Totals[0].Mean);
    }

    [Fact]
    public void The_inputs_list_their_distributions_in_their_own_units()
    {
        var u = Run(Uncertain, 100, 1, 1).Alternatives[0].Uncertainty!;
        var (name, distribution) = Assert.Single(u.Inputs);
        Assert.Equal("stages.pre_training.energy", name);
        Assert.Equal("lognormal (median 1000, GSD 1.5) kWh", distribution);
    }

    [Fact]
    public void A_pedigree_becomes_a_lognormal_with_the_ecoinvent_variances()
    {
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      uncertainty: {distribution: pedigree, scores: [5, 5, 5, 5, 5]}");
        var (_, distribution) = Assert.Single(Run(text, 10, 1, 1).Alternatives[0].Uncertainty!.Inputs);
        Assert.Contains("GSD 1.581", distribution, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{distribution: lognormal}", "invalid-uncertainty")]
    [InlineData("{distribution: normal, sd: 10 kWh, relative_sd: 0.1}", "invalid-uncertainty")]
    [InlineData("{distribution: triangular, min: 1100 kWh, max: 1200 kWh}", "invalid-uncertainty")]
    [InlineData("{distribution: uniform, min: 900 kg, max: 1100 kg}", "invalid-uncertainty")]
    [InlineData("{distribution: pedigree, scores: [1, 2, 3]}", "invalid-uncertainty")]
    [InlineData("{distribution: gamma}", "unknown-choice")]
    public void An_uncertainty_that_does_not_fit_its_value_is_refused(string uncertainty, string code)
    {
        var text = TinyStudy.With("    energy: 1000 kWh", $"    energy:\n      value: 1000 kWh\n      uncertainty: {uncertainty}");
        Assert.Contains(TinyStudy.Errors(text), e => e.Code == code);
    }

    [Fact]
    public void A_computed_value_cannot_carry_its_own_uncertainty()
    {
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 500 kWh * 2\n      uncertainty: {distribution: lognormal, gsd: 1.2}")
            .Replace("500 kWh * 2", "stages.pre_training.device_time * devices.gpu.power", StringComparison.Ordinal);
        Assert.Contains(TinyStudy.Errors(text), e => e.Code == "uncertainty-on-expression");
    }

    [Fact]
    public void Without_any_uncertain_input_every_statistic_equals_the_deterministic_total()
    {
        var a = Run(TinyStudy.Text, 1000, 1, 2).Alternatives[0];
        Assert.Empty(a.Uncertainty!.Inputs);
        Assert.Equal(a.Totals[0], a.Uncertainty.Totals[0].P025, 12);
        Assert.Equal(a.Totals[0], a.Uncertainty.Totals[0].P975, 12);
    }
}
