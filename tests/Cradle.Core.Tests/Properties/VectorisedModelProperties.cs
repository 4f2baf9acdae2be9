using Cradle.Core.Engine;
using Cradle.Core.Tests.Builders;
using Cradle.Core.Uncertainty;
using CsCheck;

namespace Cradle.Core.Tests.Properties;

/// <summary>
/// The vectorised Monte Carlo model (columns of samples, its own consumers-first solve) against the main engine
/// (<see cref="LcaCalculator"/>, one sample at a time) on random systems: every exchange amount is drawn, and each
/// sample's totals and stage contributions must equal the engine's result for that sample's parameter values.
/// </summary>
public class VectorisedModelProperties
{
    private const int Samples = 24;

    private static void ModelEqualsEngine(RandomSystem spec, RandomSystem.Units units, int demandedToo, ulong seed)
    {
        var system = spec.Build(units);
        var method = RandomSystem.Method(units);
        // Every amount uniform within ±10 % of its value. In cyclic systems each process consumes at most 0.9 units per
        // unit made, so at most 0.99 with the draws: every sample's loop stays productive (spectral radius < 1); a
        // self-loop of an acyclic system is at most 0.3, so at most 0.33.
        var inputs = system.Parameters.Parameters
            .Select(p => (p, value: p.Definition.Value!.Value.BaseValue))
            .Select(x => new UncertainInput(x.p.Name, x.p.Slot, new UniformDistribution(0.9 * x.value, 1.1 * x.value, x.value)))
            .ToList();
        // A second demand on another product, so that the model's demand indexing is checked too.
        var demands = new[] { spec.Demand(units), new Demand($"p{demandedToo % spec.ProcessCount}", 3) };
        var result = MonteCarlo.Run(new VectorisedModel(system, method), demands, inputs, Samples, seed, maxThreads: 1, trackedSlots: [.. inputs.Select(i => i.Slot)]);

        for (var sample = 0; sample < Samples; sample++)
        {
            var overrides = inputs.ToDictionary(i => i.Name, i => result.Tracked[i.Slot][sample]);
            var values = system.Parameters.Evaluate(overrides);
            for (var d = 0; d < demands.Length; d++)
            {
                var expected = LcaCalculator.Calculate(system, method, demands[d], values);
                for (var k = 0; k < method.Categories.Count; k++)
                {
                    AssertClose.Relative(expected.Impacts[k], result.Impacts[d][k][sample], 1e-10, $"sample {sample}, demand {d}, category {k}");
                }
                if (d > 0)
                {
                    continue;
                }
                var stages = expected.StageContributions();
                Assert.Equal(stages.Select(s => s.Stage), result.Stages);
                for (var s = 0; s < stages.Count; s++)
                {
                    for (var k = 0; k < method.Categories.Count; k++)
                    {
                        AssertClose.Relative(stages[s].Values[k], result.StageImpacts[s][k][sample], 1e-10, $"sample {sample}, stage {stages[s].Stage}, category {k}");
                    }
                }
            }
        }
    }

    [Fact]
    public void The_vectorised_model_equals_the_engine_on_random_acyclic_systems_in_any_units()
    {
        RandomSystem.Acyclic.SelectMany(spec => spec.OtherUnits().Select(units => (spec, units)))
            .Select(Gen.Int[0, 100], Gen.ULong, (x, other, seed) => (x.spec, x.units, other, seed))
            .Sample(x => ModelEqualsEngine(x.spec, x.units, x.other, x.seed), iter: 150);
    }

    [Fact]
    public void The_vectorised_model_equals_the_engine_on_random_acyclic_systems_with_self_loops_in_any_units()
    {
        RandomSystem.AcyclicWithSelfLoops.SelectMany(spec => spec.OtherUnits().Select(units => (spec, units)))
            .Select(Gen.Int[0, 100], Gen.ULong, (x, other, seed) => (x.spec, x.units, other, seed))
            .Sample(x => ModelEqualsEngine(x.spec, x.units, x.other, x.seed), iter: 150);
    }

    [Fact]
    public void The_vectorised_model_equals_the_engine_on_random_systems_with_loops_in_any_units()
    {
        RandomSystem.Cyclic.SelectMany(spec => spec.OtherUnits().Select(units => (spec, units)))
            .Select(Gen.Int[0, 100], Gen.ULong, (x, other, seed) => (x.spec, x.units, other, seed))
            .Sample(x => ModelEqualsEngine(x.spec, x.units, x.other, x.seed), iter: 150);
    }
}
