using Cradle.Core.Engine;
using Cradle.Core.Model;
using Cradle.Core.Tests.Builders;
using Cradle.Core.Tests.Engine;
using Cradle.Core.Uncertainty;

namespace Cradle.Core.Tests.Uncertainty;

public sealed class MonteCarloTests
{
    private static readonly ImpactMethod Gwp = Methods.Of(Methods.Gwp100());

    /// <summary>
    /// One kWh of IT energy per request, 'energy' kWh, each emitting 'intensity' kg CO2 per kWh: h = energy × intensity,
    /// a product of two parameters.
    /// </summary>
    private static ProductSystem EnergyTimesIntensity() => new SystemBuilder()
        .Product("request", "request").Product("electricity", "kWh").Flow("co2", "kg")
        .Parameter("energy", "2 kWh/request").Parameter("intensity", "0.4 kg/kWh")
        .Process("serve", makes: "request", p => p.Consumes("electricity", "energy"))
        .Process("grid", makes: "electricity", p => p.Emits("co2", "intensity"))
        .Build();

    private static UncertainInput Input(ProductSystem system, string name, Distribution distribution) =>
        new(name, system.Parameters.Find(name)!.Slot, distribution);

    [Fact]
    public void A_product_of_lognormals_matches_the_analytic_mean_and_variance()
    {
        // ln h = ln E + ln I ~ N(ln 2 + ln 0.4, σE² + σI²) with σ = ln GSD; mean = 0.8 exp(σ²/2), var = mean² (exp(σ²) − 1).
        var system = EnergyTimesIntensity();
        var inputs = new[]
        {
            Input(system, "energy", new LognormalDistribution(2 * 3.6e6, 1.3)),      // base units: J per request
            Input(system, "intensity", new LognormalDistribution(0.4 / 3.6e6, 1.2)),  // kg per J
        };
        const int n = 200_000;
        var result = MonteCarlo.Run(new VectorisedModel(system, Gwp), [new Demand("request", 1)], inputs, n, seed: 42, maxThreads: 2);
        var sigma2 = Math.Pow(Math.Log(1.3), 2) + Math.Pow(Math.Log(1.2), 2);
        var mean = 0.8 * Math.Exp(sigma2 / 2);
        var variance = mean * mean * (Math.Exp(sigma2) - 1);
        var stats = result.Statistics(0);
        var standardError = Math.Sqrt(variance / n);
        Assert.InRange(stats.Mean, mean - (4 * standardError), mean + (4 * standardError));
        Assert.InRange(stats.StandardDeviation * stats.StandardDeviation, variance * 0.97, variance * 1.03);
        Assert.InRange(stats.Median, 0.8 * 0.995, 0.8 * 1.005); // the median of a product of lognormals is the product of medians
    }

    [Fact]
    public void The_same_seed_gives_identical_results_with_one_thread_and_with_several()
    {
        var system = EnergyTimesIntensity();
        var inputs = new[] { Input(system, "energy", new LognormalDistribution(7.2e6, 1.5)), Input(system, "intensity", new TriangularDistribution(1e-7, 1.1e-7, 1.5e-7)) };
        var model = new VectorisedModel(system, Gwp);
        var one = MonteCarlo.Run(model, [new Demand("request", 1)], inputs, 10_000, 7, 1);
        var many = MonteCarlo.Run(model, [new Demand("request", 1)], inputs, 10_000, 7, 4);
        Assert.Equal(one.Impacts[0][0], many.Impacts[0][0]);
        var other = MonteCarlo.Run(model, [new Demand("request", 1)], inputs, 10_000, 8, 4);
        Assert.NotEqual(one.Impacts[0][0], other.Impacts[0][0]);
    }

    [Fact]
    public void Without_uncertain_inputs_every_sample_equals_the_deterministic_result()
    {
        var system = TrainingRunSystem.Build();
        var method = Methods.Of(Methods.Gwp100(), Methods.WaterUse());
        var product = system.Products[0].Id;
        var expected = LcaCalculator.Calculate(system, method, new Demand(product, 1));
        var result = MonteCarlo.Run(new VectorisedModel(system, method), [new Demand(product, 1)], [], 3000, 1, 2);
        for (var k = 0; k < expected.Impacts.Count; k++)
        {
            Assert.All(result.Impacts[0][k], v => Assert.Equal(expected.Impacts[k], v, 1e-12 * Math.Abs(expected.Impacts[k])));
        }
        // Stage contributions add up to the total in every sample.
        for (var i = 0; i < 3000; i += 499)
        {
            Assert.Equal(result.Impacts[0][0][i], result.StageImpacts.Sum(s => s[0][i]), 1e-12 * Math.Abs(result.Impacts[0][0][i]));
        }
    }

    [Fact]
    public void A_system_with_a_loop_is_solved_sample_by_sample_and_agrees_with_the_engine()
    {
        var system = CyclicSystems.GridWithCoalAndSteel();
        var product = system.Products[0].Id;
        var expected = LcaCalculator.Calculate(system, Gwp, new Demand(product, 1));
        var result = MonteCarlo.Run(new VectorisedModel(system, Gwp), [new Demand(product, 1)], [], 50, 1, 1);
        Assert.All(result.Impacts[0][0], v => Assert.Equal(expected.Impacts[0], v, 1e-9 * Math.Abs(expected.Impacts[0])));
    }

    [Fact]
    public void Common_random_numbers_give_two_systems_sharing_a_parameter_name_the_same_draws()
    {
        var system = EnergyTimesIntensity();
        var model = new VectorisedModel(system, Gwp);
        var a = MonteCarlo.Run(model, [new Demand("request", 1)], [Input(system, "intensity", new LognormalDistribution(1.1e-7, 1.4))], 5000, 3, 2);
        var b = MonteCarlo.Run(model, [new Demand("request", 2)], [Input(system, "intensity", new LognormalDistribution(1.1e-7, 1.4))], 5000, 3, 1);
        // Twice the demand on the same draws: every sample exactly doubles, so P(A < B) = 1.
        Assert.All(Enumerable.Range(0, 5000), i => Assert.Equal(2 * a.Impacts[0][0][i], b.Impacts[0][0][i], 1e-12 * b.Impacts[0][0][i]));
    }
}
