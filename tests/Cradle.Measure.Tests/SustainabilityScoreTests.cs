using Cradle.Measure.Efficiency;

namespace Cradle.Measure.Tests;

public sealed class SustainabilityScoreTests
{
    [Fact]
    public void Plain_score_is_millions_of_parameters_per_gram()
    {
        // 7e9 parameters = 7,000 M; 2 g CO2e → 7,000 / 2 = 3,500.
        var score = SustainabilityScore.Compute(7e9, 2);
        Assert.Equal(3_500, score.Value!.Value, 9);
        Assert.Null(score.Unavailable);
    }

    [Fact]
    public void Quantisation_factor_scales_the_parameters()
    {
        // 7,000 M × 0.25 = 1,750 M effective; 0.5 g → 1,750 / 0.5 = 3,500.
        Assert.Equal(3_500, SustainabilityScore.Compute(7e9, 0.5, 0.25).Value!.Value, 9);
        // 124e6 (gpt2) = 124 M × 1; 0.04 g → 124 / 0.04 = 3,100.
        Assert.Equal(3_100, SustainabilityScore.Compute(124e6, 0.04).Value!.Value, 9);
    }

    [Theory]
    [InlineData(null, 1.0, 1.0, "no parameter count")]
    [InlineData(0.0, 1.0, 1.0, "parameter count is not a positive")]
    [InlineData(7e9, null, 1.0, "no CO2e")]
    [InlineData(7e9, 0.0, 1.0, "not above 0 g")]
    [InlineData(7e9, -1.0, 1.0, "not above 0 g")]
    [InlineData(7e9, 1.0, null, "no quantisation factor")]
    [InlineData(7e9, 1.0, 0.0, "quantisation factor is not a positive")]
    [InlineData(7e9, double.NaN, 1.0, "not above 0 g")]
    public void Missing_or_degenerate_inputs_give_a_reason_not_zero(double? parameters, double? grams, double? qf, string reason)
    {
        var score = SustainabilityScore.Compute(parameters, grams, qf);
        Assert.Null(score.Value);
        Assert.Contains(reason, score.Unavailable, StringComparison.Ordinal);
    }
}
