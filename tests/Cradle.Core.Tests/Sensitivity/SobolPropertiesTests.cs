using Cradle.Core.Sensitivity;

namespace Cradle.Core.Tests.Sensitivity;

/// <summary>Properties of the analysis that hold whatever the model: determinism, units, run count, degenerate outputs.</summary>
public class SobolPropertiesTests
{
    private static (double[][] A, double[][] B) Ishigami(int samples) =>
        SampleMatrices.Uniform(3, samples, -Math.PI, Math.PI, seed: 5);

    [Fact]
    public void The_same_inputs_and_seed_give_identical_results()
    {
        var (a1, b1) = Ishigami(1000);
        var (a2, b2) = Ishigami(1000);

        var first = SobolAnalysis.Estimate(a1, b1, x => TestModels.Ishigami(x), 200, seed: 99).Outputs[0];
        var second = SobolAnalysis.Estimate(a2, b2, x => TestModels.Ishigami(x), 200, seed: 99).Outputs[0];

        Assert.Equal(first.Variance, second.Variance);
        Assert.Equal(first.First, second.First);
        Assert.Equal(first.Total, second.Total);
        Assert.Equal(first.FirstInterval, second.FirstInterval);
        Assert.Equal(first.TotalInterval, second.TotalInterval);
    }

    [Fact]
    public void Another_seed_moves_the_intervals_but_not_the_estimates()
    {
        var (a, b) = Ishigami(1000);

        var first = SobolAnalysis.Estimate(a, b, x => TestModels.Ishigami(x), 200, seed: 1).Outputs[0];
        var second = SobolAnalysis.Estimate(a, b, x => TestModels.Ishigami(x), 200, seed: 2).Outputs[0];

        Assert.Equal(first.First, second.First);
        Assert.Equal(first.Total, second.Total);
        Assert.NotEqual(first.FirstInterval, second.FirstInterval);
    }

    [Fact]
    public void Indices_do_not_depend_on_the_output_unit_or_an_offset()
    {
        // kg → g multiplies the output by 1000; a large background burden adds 10⁶ to every sample. Neither changes
        // which parameter drives the variance. The offset holds only because f(B) is centred in S_i: without it
        // the term 10⁶ · mean(f(AB_i) − f(A)) moves S_i by whole units.
        var (a, b) = Ishigami(2000);
        var reference = SobolAnalysis.Estimate(a, b, x => TestModels.Ishigami(x), 100, seed: 3).Outputs[0];

        var grams = SobolAnalysis.Estimate(a, b, x => [TestModels.Ishigami(x)[0].Select(y => y * 1000).ToArray()], 100, seed: 3).Outputs[0];
        var offset = SobolAnalysis.Estimate(a, b, x => [TestModels.Ishigami(x)[0].Select(y => y + 1e6).ToArray()], 100, seed: 3).Outputs[0];

        Assert.Equal(reference.Variance * 1e6, grams.Variance, reference.Variance * 1e-6);
        Assert.Equal(reference.Variance, offset.Variance, reference.Variance * 1e-6);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(reference.First[i], grams.First[i], 1e-9);
            Assert.Equal(reference.Total[i], grams.Total[i], 1e-9);
            Assert.Equal(reference.First[i], offset.First[i], 1e-6);
            Assert.Equal(reference.Total[i], offset.Total[i], 1e-6);
            Assert.Equal(reference.FirstInterval[i].Low, offset.FirstInterval[i].Low, 1e-6);
            Assert.Equal(reference.TotalInterval[i].High, offset.TotalInterval[i].High, 1e-6);
        }
    }

    [Fact]
    public void The_model_runs_k_plus_2_times_on_N_samples_and_the_bootstrap_adds_none()
    {
        var (a, b) = Ishigami(300);
        var calls = 0;
        var samples = 0;

        var result = SobolAnalysis.Estimate(a, b, x =>
        {
            calls++;
            samples += x[0].Length;
            return TestModels.Ishigami(x);
        }, bootstrapResamples: 50, seed: 1);

        Assert.Equal(5, calls);
        Assert.Equal(1500, samples);
        Assert.Equal(1500, result.ModelRuns);
        Assert.Equal(300, result.BaseSamples);
    }

    [Fact]
    public void A_constant_output_has_zero_variance_and_undefined_indices()
    {
        var (a, b) = Ishigami(200);

        var result = SobolAnalysis.Estimate(a, b, x => [TestModels.Ishigami(x)[0], Enumerable.Repeat(5.0, 200).ToArray()],
            bootstrapResamples: 20, seed: 1);

        var constant = result.Outputs[1];
        Assert.Equal(0, constant.Variance);
        Assert.All(constant.First, s => Assert.True(double.IsNaN(s)));
        Assert.All(constant.Total, s => Assert.True(double.IsNaN(s)));
        Assert.All(constant.FirstInterval, interval => Assert.True(double.IsNaN(interval.Low) && double.IsNaN(interval.High)));
        Assert.All(constant.TotalInterval, interval => Assert.True(double.IsNaN(interval.Low) && double.IsNaN(interval.High)));
        Assert.All(result.Outputs[0].Total, s => Assert.True(double.IsFinite(s)));
    }

    [Fact]
    public void Without_resamples_the_intervals_are_undefined_and_the_estimates_are_not()
    {
        var (a, b) = Ishigami(200);

        var output = SobolAnalysis.Estimate(a, b, x => TestModels.Ishigami(x), bootstrapResamples: 0, seed: 1).Outputs[0];

        Assert.All(output.First, s => Assert.True(double.IsFinite(s)));
        Assert.All(output.FirstInterval, interval => Assert.True(double.IsNaN(interval.Low) && double.IsNaN(interval.High)));
    }
}
