using Cradle.Core.Sensitivity;

namespace Cradle.Core.Tests.Sensitivity;

/// <summary>
/// Y = Σ c_i X_i with independent X_i ~ N(0, σ_i²): no interactions, so S_i = ST_i = c_i²σ_i² / Σ_j c_j²σ_j², and
/// V = Σ_j c_j²σ_j². Two outputs at once, as for two impact categories of one system.
/// </summary>
public class LinearModelTests
{
    private static readonly double[] Sigmas = [1, 2, 0.5, 3];

    // output 0: c²σ² = 1, 4, 4, 2.25 of V = 11.25 → S = ST = 0.0889, 0.3556, 0.3556, 0.2000
    // output 1: c²σ² = 4, 0, 0.25, 9 of V = 13.25 → S = ST = 0.3019, 0,      0.0189, 0.6792
    private static readonly double[][] Coefficients = [[1, 1, 4, 0.5], [2, 0, 1, 1]];
    private static readonly double[][] Shares =
    [
        [1 / 11.25, 4 / 11.25, 4 / 11.25, 2.25 / 11.25],
        [4 / 13.25, 0, 0.25 / 13.25, 9 / 13.25],
    ];
    private static readonly double[] Variances = [11.25, 13.25];

    // Over 100 seeds at N = 8192 the largest error was 0.036 (S) and 0.023 (ST) and the worst interval miss 0.013:
    // the same tolerances as for Ishigami hold.
    private const double Tolerance = 0.05;
    private const double Margin = 0.015;
    private const double MaxWidth = 0.1;

    [Fact]
    public void Each_output_gets_its_own_shares_of_variance()
    {
        var (a, b) = SampleMatrices.Normal(Sigmas, 8192, seed: 3);

        var result = SobolAnalysis.Estimate(a, b, x => TestModels.Linear(x, Coefficients), bootstrapResamples: 500, seed: 11);

        Assert.Equal(2, result.Outputs.Count);
        for (var j = 0; j < 2; j++)
        {
            var output = result.Outputs[j];
            // the variance of 2N = 16384 normal values has a relative standard error of about 1 %
            Assert.Equal(Variances[j], output.Variance, Variances[j] * 0.05);
            for (var i = 0; i < Sigmas.Length; i++)
            {
                AssertIndex.Matches(Shares[j][i], output.First[i], output.FirstInterval[i], $"output {j} S{i + 1}", Tolerance, Margin, MaxWidth);
                AssertIndex.Matches(Shares[j][i], output.Total[i], output.TotalInterval[i], $"output {j} ST{i + 1}", Tolerance, Margin, MaxWidth);
            }
        }
    }

    [Fact]
    public void A_parameter_with_a_zero_coefficient_gets_zero_indices_in_that_output_only()
    {
        var (a, b) = SampleMatrices.Normal(Sigmas, 512, seed: 4);

        var result = SobolAnalysis.Estimate(a, b, x => TestModels.Linear(x, Coefficients), bootstrapResamples: 50, seed: 11);

        Assert.Equal(0, result.Outputs[1].First[1]);
        Assert.Equal(0, result.Outputs[1].Total[1]);
        Assert.True(result.Outputs[0].Total[1] > 0.2);
    }
}
