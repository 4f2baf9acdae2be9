using Cradle.Core.Engine;
using Cradle.Core.Tests.Builders;
using CsCheck;

namespace Cradle.Core.Tests.Properties;

public class ResidualProperties
{
    /// <summary>
    /// (I − N) s = f. Back-substitution (acyclic systems) is exact to rounding in every row, relative to the size of
    /// the row's terms. LU with partial pivoting (loops) is backward stable in norm only: a row whose terms are tiny next
    /// to another row's (kWh beside J) may carry a residual of rounding size relative to the largest row.
    /// </summary>
    private static void ScalingSolvesTheTechnosphere(RandomSystem spec, RandomSystem.Units units, bool rowWise)
    {
        var system = spec.Build(units);
        var demand = spec.Demand(units);
        var matrices = MatrixSet.Evaluate(system, system.Parameters.Evaluate());
        var s = LcaCalculator.Calculate(system, RandomSystem.Method(units), demand).Scaling;
        var f = new double[spec.ProcessCount];
        f[system.ProductIndex[demand.ProductId]] = demand.Amount;

        var residual = s.ToArray();
        var size = s.Select(Math.Abs).ToArray();
        for (var i = 0; i < f.Length; i++)
        {
            residual[i] -= f[i];
            size[i] += Math.Abs(f[i]);
        }
        for (var j = 0; j < spec.ProcessCount; j++)
        {
            foreach (var (i, value) in matrices.Inputs.Column(j))
            {
                residual[i] -= value * s[j];
                size[i] += Math.Abs(value * s[j]);
            }
        }
        var largest = size.Max();
        for (var i = 0; i < f.Length; i++)
        {
            Assert.True(Math.Abs(residual[i]) <= 1e-12 * (rowWise ? size[i] : largest), $"row {i}: residual {residual[i]} against terms of size {size[i]}");
            Assert.True(s[i] >= 0, $"s[{i}] = {s[i]} is negative for a non-negative demand and inputs");
        }
    }

    [Fact]
    public void Scaling_satisfies_A_s_equals_f_for_cyclic_systems()
    {
        RandomSystem.Cyclic.Sample(spec => ScalingSolvesTheTechnosphere(spec, RandomSystem.Units.Canonical(spec), rowWise: false), iter: 500);
    }

    [Fact]
    public void Scaling_satisfies_A_s_equals_f_for_cyclic_systems_in_any_units()
    {
        RandomSystem.Cyclic.SelectMany(spec => spec.OtherUnits().Select(units => (spec, units)))
            .Sample((spec, units) => ScalingSolvesTheTechnosphere(spec, units, rowWise: false), iter: 300);
    }

    [Fact]
    public void Scaling_satisfies_A_s_equals_f_row_by_row_for_acyclic_systems_in_any_units()
    {
        RandomSystem.Acyclic.SelectMany(spec => spec.OtherUnits().Select(units => (spec, units)))
            .Sample((spec, units) => ScalingSolvesTheTechnosphere(spec, units, rowWise: true), iter: 300);
    }
}
