using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// A value or draw that overflows is reported as the study's error, naming the parameter as the study writes it and
/// its line, never the compiler's generated processes and amounts.
/// </summary>
public sealed class NonFiniteCaseTests
{
    private const string KilowattHour = "  kwh: 1 kWh\n";

    private static StudyException RunMonteCarlo(string text, int iterations = 1000) =>
        Assert.Throws<StudyException>(() => StudyAssessor.Assess(text, TinyStudy.File, [], null, new MonteCarloOptions(iterations, 1, 2)));

    [Fact]
    public void Samples_per_request_that_overflow_an_amount_name_the_inference_field()
    {
        var text = TinyStudy.With("  device_time_per_request: 1 s/request", "  device_time_per_request: 1 s/request\n  samples_per_request: 1e308");
        var error = TinyStudy.Error(text, "not-finite");
        Assert.Equal("inference.samples_per_request", error.Field);
        Assert.Contains("inference.samples_per_request = 1e308", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("served-request", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "1e308"), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void An_expression_that_overflows_is_refused_at_the_expression()
    {
        var text = TinyStudy.With("energy: 1000 kWh", "energy: exp(x) * kwh") + $"\nparameters:\n  x: 1000\n{KilowattHour}";
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Equal("stages.pre-training.energy", error.Field);
        Assert.Contains("= infinity is not a finite number", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "exp(x) * kwh"), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void A_user_parameter_that_overflows_is_refused_once_where_it_starts()
    {
        var text = TinyStudy.With("energy: 1000 kWh", "energy: big * kwh") + $"\nparameters:\n  big: exp(1000)\n{KilowattHour}";
        var error = Assert.Single(TinyStudy.Errors(text));
        Assert.Equal("big", error.Field);
        Assert.Equal(TinyStudy.Find(text, "exp(1000)"), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void A_draw_that_overflows_through_an_expression_names_the_expression_and_the_drawn_input()
    {
        var text = TinyStudy.With("energy: 1000 kWh", "energy: exp(x) * kwh")
            + $"\nparameters:\n  x:\n    value: 300\n    uncertainty: {{distribution: normal, sd: 300}}\n{KilowattHour}";
        Assert.NotEmpty(TinyStudy.Assess(text).Alternatives);
        var error = Assert.Single(RunMonteCarlo(text).Problems);
        Assert.Equal("sample-not-finite", error.Code);
        Assert.Equal("stages.pre-training.energy", error.Field);
        Assert.Contains($"where x = ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(line {TinyStudy.Find(text, "value: 300").Line})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stage:pre-training", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "exp(x) * kwh").Line, error.Location!.Line);
    }

    [Fact]
    public void A_lognormal_with_a_huge_gsd_names_the_input_at_its_line()
    {
        var text = TinyStudy.With("    pue: 1.5\n", "    pue:\n      value: 1.5\n      uncertainty: {distribution: lognormal, gsd: 1e300}\n");
        var error = Assert.Single(RunMonteCarlo(text).Problems);
        Assert.Equal("sample-not-finite", error.Code);
        Assert.Equal("sites.s.pue", error.Field);
        Assert.Contains("a Monte Carlo draw of sites.s.pue is infinity", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "value: 1.5").Line, error.Location!.Line);
    }

    [Fact]
    public void The_sensitivity_analysis_names_the_input_too()
    {
        var text = TinyStudy.With("    pue: 1.5\n", "    pue:\n      value: 1.5\n      uncertainty: {distribution: lognormal, gsd: 1e300}\n");
        var compiled = StudyAssessor.Compile(text, TinyStudy.File, [], null).Alternatives[0];
        var error = Assert.Single(Assert.Throws<StudyException>(() => SensitivityAnalysis.Run(compiled, 256, 10, 1)).Problems);
        Assert.Equal("sample-not-finite", error.Code);
        Assert.Equal("sites.s.pue", error.Field);
    }
}
