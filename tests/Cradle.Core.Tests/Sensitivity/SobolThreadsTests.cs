using Cradle.Core.Sensitivity;

namespace Cradle.Core.Tests.Sensitivity;

/// <summary>
/// Sobol indices from runs the caller made (<see cref="SobolAnalysis.FromRuns"/>) are those of
/// <see cref="SobolAnalysis.Estimate"/>, bit for bit, at any number of threads.
/// </summary>
public class SobolThreadsTests
{
    private static readonly int[] ThreadCounts = [1, 2, 4];

    [Fact]
    public void Runs_made_by_the_caller_give_the_same_bits_as_the_model_at_1_2_and_4_threads()
    {
        // 1,001 samples: the four-lane sums end with a remainder.
        var (a, b) = SampleMatrices.Uniform(3, 1001, -Math.PI, Math.PI, seed: 8);
        var expected = SobolAnalysis.Estimate(a, b, x => TestModels.Ishigami(x), 120, seed: 4);
        var fA = TestModels.Ishigami(a);
        var fB = TestModels.Ishigami(b);
        foreach (var threads in ThreadCounts)
        {
            var actual = SobolAnalysis.FromRuns(fA, fB, 3, i => TestModels.Ishigami([.. a.Select((column, p) => p == i ? b[i] : column)]), 120, 4, threads);
            for (var j = 0; j < expected.Outputs.Count; j++)
            {
                Assert.Equal(expected.Outputs[j].Variance, actual.Outputs[j].Variance);
                Assert.Equal(expected.Outputs[j].First, actual.Outputs[j].First);
                Assert.Equal(expected.Outputs[j].Total, actual.Outputs[j].Total);
                Assert.Equal(expected.Outputs[j].FirstInterval, actual.Outputs[j].FirstInterval);
                Assert.Equal(expected.Outputs[j].TotalInterval, actual.Outputs[j].TotalInterval);
            }
            Assert.Equal(expected.ModelRuns, actual.ModelRuns);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(4099)]
    public void The_weighted_sums_are_the_four_accumulator_sums_bit_for_bit(int samples)
    {
        var random = new Random(samples);
        var fA = Enumerable.Range(0, samples).Select(_ => random.NextDouble() * 1e3).ToArray();
        var fB = Enumerable.Range(0, samples).Select(_ => random.NextDouble() * 1e3).ToArray();
        var fAB = Enumerable.Range(0, samples).Select(_ => random.NextDouble() * 1e3).ToArray();
        var weights = Enumerable.Range(0, samples).Select(_ => (double)random.Next(4)).ToArray();
        var estimator = new SobolEstimator(fA, fB, 1);
        estimator.AddParameter(0, fAB);
        var variance = estimator.PooledVariance(weights);
        var (first, total) = estimator.Indices(weights, variance, 0);

        // The scalar loop the vector lanes replace.
        var sum = 0.0;
        for (var k = 0; k < samples; k++)
        {
            sum += fA[k] + fB[k];
        }
        var shift = sum / (2.0 * samples);
        double f0 = 0, f1 = 0, f2 = 0, f3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        var n = 0;
        double FirstTerm(int k) => (fB[k] - shift) * (fAB[k] - fA[k]);
        double TotalTerm(int k) => (fAB[k] - fA[k]) * (fAB[k] - fA[k]);
        for (; n <= samples - 4; n += 4)
        {
            f0 += weights[n] * FirstTerm(n);
            f1 += weights[n + 1] * FirstTerm(n + 1);
            f2 += weights[n + 2] * FirstTerm(n + 2);
            f3 += weights[n + 3] * FirstTerm(n + 3);
            t0 += weights[n] * TotalTerm(n);
            t1 += weights[n + 1] * TotalTerm(n + 1);
            t2 += weights[n + 2] * TotalTerm(n + 2);
            t3 += weights[n + 3] * TotalTerm(n + 3);
        }
        for (; n < samples; n++)
        {
            f0 += weights[n] * FirstTerm(n);
            t0 += weights[n] * TotalTerm(n);
        }
        Assert.Equal((f0 + f1 + (f2 + f3)) / samples / variance, first);
        Assert.Equal((t0 + t1 + (t2 + t3)) / samples / (2 * variance), total);
    }
}
