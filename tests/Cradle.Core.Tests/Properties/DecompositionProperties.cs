using Cradle.Core.Engine;
using Cradle.Core.Tests.Builders;
using CsCheck;

namespace Cradle.Core.Tests.Properties;

public class DecompositionProperties
{
    [Fact]
    public void Direct_input_parts_sum_to_the_total()
    {
        RandomSystem.Acyclic.Sample(spec =>
        {
            var units = RandomSystem.Units.Canonical(spec);
            var system = spec.Build(units);
            var method = RandomSystem.Method(units);
            var demand = spec.Demand(units);
            var matrices = MatrixSet.Evaluate(system, system.Parameters.Evaluate());

            var total = LcaCalculator.Calculate(system, method, demand, matrices);
            var parts = DirectInputDecomposition.Decompose(system, method, demand, matrices);

            Assert.Null(parts[0].InputProductId);
            Assert.Equal(parts.Count - 1, parts.Skip(1).Select(p => p.InputProductId).Distinct().Count());
            for (var k = 0; k < total.Impacts.Count; k++)
            {
                var category = k;
                AssertClose.Relative(total.Impacts[k], parts.Sum(p => p.Impacts[category]), 1e-12, "sum of parts");
            }
        }, iter: 300);
    }
}
