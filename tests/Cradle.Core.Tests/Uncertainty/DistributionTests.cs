using Cradle.Core.Uncertainty;

namespace Cradle.Core.Tests.Uncertainty;

public sealed class DistributionTests
{
    private static double[] Draw(Distribution distribution, int n = 100_000)
    {
        var sample = new double[n];
        distribution.Sample(new RandomDraws(11, "x", 0), sample);
        return sample;
    }

    [Fact]
    public void Triangular_draws_have_the_mean_and_bounds_of_the_distribution()
    {
        // Mean of a triangular = (a + c + b) / 3 = (1 + 2 + 6) / 3 = 3; variance = (a² + b² + c² − ab − ac − bc) / 18 = 13/18.
        var sample = Draw(new TriangularDistribution(1, 2, 6));
        Assert.InRange(sample.Average(), 3 - 0.01, 3 + 0.01);
        Assert.True(sample.Min() >= 1 && sample.Max() <= 6);
        Assert.Equal(2, new TriangularDistribution(1, 2, 6).Quantile(0.2), 12); // F(mode) = (2 − 1)/(6 − 1) = 0.2
    }

    [Fact]
    public void Uniform_and_normal_draws_have_their_moments()
    {
        Assert.InRange(Draw(new UniformDistribution(10, 20, 15)).Average(), 14.97, 15.03);
        var normal = Draw(new NormalDistribution(5, 2));
        Assert.InRange(normal.Average(), 4.98, 5.02);
        var sd = Math.Sqrt(normal.Select(x => (x - 5) * (x - 5)).Average());
        Assert.InRange(sd, 1.98, 2.02);
    }

    [Fact]
    public void Lognormal_quantiles_are_median_times_gsd_to_z()
    {
        var d = new LognormalDistribution(100, 2);
        Assert.Equal(100, d.Quantile(0.5), 9);
        Assert.Equal(100 * Math.Pow(2, 1.6448536269514722), d.Quantile(0.95), 6);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1, 1, 1 }, 1.0, 1.0)]
    // σ² = 0.04 + 0.008 + 0.04 + 0.002 + 0.12 = 0.21 ⇒ σ = 0.4582576 ⇒ GSD = exp(0.4582576) = 1.5813162
    [InlineData(new[] { 5, 5, 5, 5, 5 }, 1.0, 1.5813162)]
    // basic GSD 1.05: σ² = ln(1.05)² + 0.0006 + 0.0006 + 0.002 + 0.0001 + 0.008 = 0.0023805 + 0.0113 = 0.0136805
    // ⇒ σ = 0.1169636 ⇒ GSD = exp(0.1169636) = 1.1240785
    [InlineData(new[] { 2, 3, 3, 3, 3 }, 1.05, 1.1240785)]
    public void Pedigree_scores_add_the_ecoinvent_variances(int[] scores, double basic, double expected) =>
        Assert.Equal(expected, Pedigree.GeometricSd(scores, basic), 6);

    [Fact]
    public void Pedigree_scores_out_of_range_are_refused() =>
        Assert.Throws<ArgumentException>(() => Pedigree.GeometricSd([1, 2, 6, 1, 1]));

    [Fact]
    public void Draws_depend_on_seed_parameter_and_block_only()
    {
        var a = new double[10];
        var b = new double[10];
        new RandomDraws(1, "p", 3).Uniforms(a);
        new RandomDraws(1, "p", 3).Uniforms(b);
        Assert.Equal(a, b);
        new RandomDraws(1, "q", 3).Uniforms(b);
        Assert.NotEqual(a, b);
        new RandomDraws(1, "p", 4).Uniforms(b);
        Assert.NotEqual(a, b);
    }
}
