using Cradle.Core.Sensitivity;

namespace Cradle.Core.Tests.Sensitivity;

/// <summary>
/// The Ishigami function, Y = sin X1 + a sin² X2 + b X3⁴ sin X1 with a = 7, b = 0.1 and X_i ~ U(−π, π): the standard
/// check for Sobol estimators, with a parameter (X3) that acts only through an interaction.
/// </summary>
public class IshigamiTests
{
    // Analytic decomposition (Ishigami and Homma 1990; Sobol' and Levitan 1999):
    //   V   = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 6.125 + 1.94818 + 5.27141 + 0.5 = 13.84459
    //   V1  = ½(1 + bπ⁴/5)²                = ½ · 2.94818²                    =  4.34588
    //   V2  = a²/8                                                            =  6.125
    //   V13 = b²π⁸(1/18 − 1/50)            = 94.8853 · 0.0355556             =  3.37370
    //   V3 = V12 = V23 = V123 = 0, and V1 + V2 + V13 = V.
    // Hence S1 = V1/V = 0.3139, S2 = V2/V = 0.4424, S3 = 0,
    //       ST1 = (V1 + V13)/V = 0.5576, ST2 = V2/V = 0.4424, ST3 = V13/V = 0.2437.
    private const double A = 7;
    private const double B = 0.1;
    private static readonly double V = (A * A / 8) + (B * Math.Pow(Math.PI, 4) / 5) + (B * B * Math.Pow(Math.PI, 8) / 18) + 0.5;
    private static readonly double V1 = 0.5 * Math.Pow(1 + (B * Math.Pow(Math.PI, 4) / 5), 2);
    private static readonly double V2 = A * A / 8;
    private static readonly double V13 = B * B * Math.Pow(Math.PI, 8) * ((1.0 / 18) - (1.0 / 50));
    private static readonly double[] First = [V1 / V, V2 / V, 0];
    private static readonly double[] Total = [(V1 + V13) / V, V2 / V, V13 / V];

    // Tolerances, from 100 seeds at N = 8192 with 500 resamples: the estimates are unbiased with standard errors
    // 0.012, 0.010, 0.010 (S1..S3) and 0.016, 0.007, 0.005 (ST1..ST3); the largest error seen was 0.040 (ST1), so
    // 0.05 is 3 standard errors of the noisiest index (0.03 would be under 2 of ST1's, and fail for some seeds).
    // The bootstrap half-widths (0.021, 0.019, 0.020, 0.030, 0.014, 0.009) match 1.96 standard errors; about a
    // quarter of seeds have one of the six 95 % intervals just miss, by at most 0.011, hence the 0.015 margin.
    // The width cap keeps "inside the interval" from being satisfied by an interval that says nothing.
    private const int Samples = 8192;
    private const double Tolerance = 0.05;
    private const double Margin = 0.015;
    private const double MaxWidth = 0.1;

    [Fact]
    public void The_analytic_indices_follow_from_the_variance_decomposition()
    {
        Assert.Equal(V, V1 + V2 + V13, 12);
        Assert.Equal([0.3139, 0.4424, 0], First.Select(s => Math.Round(s, 4)));
        Assert.Equal([0.5576, 0.4424, 0.2437], Total.Select(s => Math.Round(s, 4)));
    }

    [Fact]
    public void Estimates_at_8192_samples_match_the_analytic_indices_and_their_intervals_cover_them()
    {
        // Provoked: with S_i and ST_i swapped, S1 came out 0.55 and ST3 0.00; with ST_i divided by V instead of 2V,
        // ST1 came out 1.1. Both failed here on the tolerance and on the interval.
        var (a, b) = SampleMatrices.Uniform(3, Samples, -Math.PI, Math.PI, seed: 1);

        var result = SobolAnalysis.Estimate(a, b, x => TestModels.Ishigami(x), bootstrapResamples: 500, seed: 7);

        var output = Assert.Single(result.Outputs);
        Assert.Equal(V, output.Variance, V * 0.05);
        for (var i = 0; i < 3; i++)
        {
            AssertIndex.Matches(First[i], output.First[i], output.FirstInterval[i], $"S{i + 1}", Tolerance, Margin, MaxWidth);
            AssertIndex.Matches(Total[i], output.Total[i], output.TotalInterval[i], $"ST{i + 1}", Tolerance, Margin, MaxWidth);
        }
    }

    [Fact]
    public void A_parameter_the_model_ignores_gets_indices_of_exactly_zero()
    {
        // X4 is drawn but never read: f(AB_4) = f(A) sample by sample, so every term of S4 and ST4 is zero.
        var (a, b) = SampleMatrices.Uniform(4, 1024, -Math.PI, Math.PI, seed: 2);

        var output = SobolAnalysis.Estimate(a, b, x => TestModels.Ishigami(x), bootstrapResamples: 100, seed: 7).Outputs[0];

        Assert.Equal(0, output.First[3]);
        Assert.Equal(0, output.Total[3]);
        Assert.Equal((0.0, 0.0), output.FirstInterval[3]);
        Assert.Equal((0.0, 0.0), output.TotalInterval[3]);
        // X3 does act, but only with X1: no first-order effect, a total one.
        Assert.True(output.FirstInterval[2].Low < 0 && output.FirstInterval[2].High > 0, "S3's interval should straddle 0");
        Assert.True(output.TotalInterval[2].Low > 0.1, "ST3's interval should stay well above 0");
    }
}
