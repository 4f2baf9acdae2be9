using Cradle.Core.Uncertainty;

namespace Cradle.Core.Tests.Uncertainty;

/// <summary>Realisations drawn elsewhere, picked in step by every parameter of one group.</summary>
public sealed class SharedSampleDistributionTests
{
    private static readonly double[] Gwp = [1, 2, 3, 4];
    private static readonly double[] Water = [10, 20, 30, 40];

    private static double[] Draw(Distribution d, string parameter, int chunk = 0, ulong seed = 9)
    {
        var values = new double[500];
        d.Sample(new RandomDraws(seed, parameter, chunk), values);
        return values;
    }

    [Fact]
    public void Parameters_of_one_group_take_the_same_realisation_in_each_draw()
    {
        var gwp = new SharedSampleDistribution("db", Gwp, 2.5, "test");
        var water = new SharedSampleDistribution("db", Water, 25, "test");
        var g = Draw(gwp, "grids.a.per_kwh.gwp100");
        var w = Draw(water, "grids.a.per_kwh.water");

        Assert.All(g.Zip(w), p => Assert.Equal(10 * p.First, p.Second));
        Assert.Equal(Gwp, g.Distinct().Order()); // every realisation is picked in 500 draws of 4
        Assert.NotEqual(g, Draw(gwp, "x", chunk: 1)); // another chunk, other picks
        Assert.NotEqual(g, Draw(new SharedSampleDistribution("other", Gwp, 2.5, "test"), "grids.a.per_kwh.gwp100"));
    }

    [Fact]
    public void Sobols_two_matrices_pick_independently_and_each_keeps_the_group_in_step()
    {
        var gwp = new SharedSampleDistribution("db", Gwp, 2.5, "test");
        var water = new SharedSampleDistribution("db", Water, 25, "test");
        Assert.NotEqual(Draw(gwp, "g#A"), Draw(gwp, "g#B"));
        Assert.All(Draw(gwp, "g#B").Zip(Draw(water, "w#B")), p => Assert.Equal(10 * p.First, p.Second));
    }

    [Fact]
    public void Quantiles_interpolate_between_order_statistics_and_scaling_scales_every_realisation()
    {
        // Type 7: h = (n − 1) p; for [1, 2, 3, 4], p = 0.25 → h = 0.75 → 1 + 0.75 × (2 − 1) = 1.75; p = 0.5 → 2.5.
        var d = new SharedSampleDistribution("db", [4, 1, 3, 2], 2.5, "test");
        Assert.Equal(1.75, d.Quantile(0.25), 12);
        Assert.Equal(2.5, d.Quantile(0.5), 12);
        Assert.Equal(4, d.Quantile(1), 12);
        var scaled = (SharedSampleDistribution)d.Scaled(1000);
        Assert.Equal(2500, scaled.Central);
        Assert.Equal(1750, scaled.Quantile(0.25), 9);
        Assert.StartsWith("sampled: test (median 2.5, 2.5–97.5 % 1.075 to 3.925)", d.ToString(), StringComparison.Ordinal);
    }
}
