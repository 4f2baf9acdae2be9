using Cradle.Core.Engine;
using Cradle.Core.Tests.Builders;
using CsCheck;

namespace Cradle.Core.Tests.Properties;

public class LinearityProperties
{
    private static void ImpactsScaleWithDemand(RandomSystem spec, double alpha)
    {
        var units = RandomSystem.Units.Canonical(spec);
        var system = spec.Build(units);
        var method = RandomSystem.Method(units);

        var once = LcaCalculator.Calculate(system, method, spec.Demand(units));
        var scaled = LcaCalculator.Calculate(system, method, spec.Demand(units, alpha));

        AssertClose.Relative(once.Impacts.Select(h => alpha * h).ToList(), scaled.Impacts, 1e-12, "h(αf)");
        AssertClose.Relative(once.Scaling.Select(s => alpha * s).ToList(), scaled.Scaling, 1e-12, "s(αf)");
    }

    [Fact]
    public void Impacts_are_linear_in_the_demand_for_acyclic_systems()
    {
        Gen.Select(RandomSystem.Acyclic, Gen.Double[1e-3, 1e3]).Sample(ImpactsScaleWithDemand, iter: 300);
    }

    [Fact]
    public void Impacts_are_linear_in_the_demand_for_cyclic_systems()
    {
        Gen.Select(RandomSystem.Cyclic, Gen.Double[1e-3, 1e3]).Sample(ImpactsScaleWithDemand, iter: 300);
    }

    [Fact]
    public void Impacts_of_two_demands_add_up()
    {
        // h(f1 + f2) = h(f1) + h(f2) for two amounts of the demanded product, loops included
        Gen.Select(Gen.OneOf(RandomSystem.Acyclic, RandomSystem.Cyclic), Gen.Double[0.1, 10], Gen.Double[0.1, 10]).Sample((spec, a, b) =>
        {
            var units = RandomSystem.Units.Canonical(spec);
            var system = spec.Build(units);
            var method = RandomSystem.Method(units);

            var first = LcaCalculator.Calculate(system, method, spec.Demand(units, a));
            var second = LcaCalculator.Calculate(system, method, spec.Demand(units, b));
            var both = LcaCalculator.Calculate(system, method, spec.Demand(units, a + b));

            AssertClose.Relative(first.Impacts.Zip(second.Impacts, (x, y) => x + y).ToList(), both.Impacts, 1e-12, "h(f1 + f2)");
        }, iter: 300);
    }
}
