using Cradle.Core.Engine;
using Cradle.Core.Engine.Sparse;
using Cradle.Core.Tests.Builders;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Cradle.Core.Tests.Engine.Sparse;

/// <summary>The sparse engine on ecoinvent-shaped systems, checked against a dense LU and against its own residual.</summary>
public class SparseTechnosphereTests
{
    private static string Name(int j) => $"p{j}";

    [Fact]
    public void A_2000_process_system_solves_as_a_dense_LU_does()
    {
        var system = EcoinventShapedSystem.Generate(2000, seed: 16);
        var demand = Enumerable.Repeat(1.0, 2000).ToArray();
        var dense = DenseMatrix.CreateIdentity(2000);
        for (var j = 0; j < 2000; j++)
        {
            foreach (var (row, value) in system.Inputs.Column(j))
            {
                dense[row, j] -= value;
            }
        }
        var expected = dense.LU().Solve(DenseVector.OfArray(demand)).ToArray();

        var s = new SparseTechnosphere(system.Inputs, Name).Solve(demand);

        // N ≥ 0 and f = 1, so every sⱼ ≥ 1: an element-wise relative comparison is meaningful for all of them.
        AssertClose.Relative(expected, s, 1e-9, "s");
    }

    [Fact]
    public void A_20000_process_system_solves_to_a_relative_residual_of_1e_10()
    {
        var system = EcoinventShapedSystem.Generate(20_000, seed: 16);
        var demand = new double[20_000];
        demand[123] = 1;
        demand[17_000] = 2.5;

        var s = new SparseTechnosphere(system.Inputs, Name).Solve(demand);

        // The residual f − (I − N) s, computed here from N's columns, not from the engine's own matrix.
        var residual = demand.ToArray();
        for (var j = 0; j < s.Length; j++)
        {
            residual[j] -= s[j];
            foreach (var (row, value) in system.Inputs.Column(j))
            {
                residual[row] += value * s[j];
            }
        }
        var relative = Math.Sqrt(residual.Sum(r => r * r)) / Math.Sqrt(demand.Sum(f => f * f));
        Assert.True(relative <= 1e-10, $"relative residual {relative}");
        Assert.True(s[123] >= 1 && s[17_000] >= 2.5, "the demanded products are made at least in the amount demanded");
    }

    [Fact]
    public void A_draw_solved_with_the_reused_structure_equals_a_fresh_solve()
    {
        var system = EcoinventShapedSystem.Generate(2000, seed: 7);
        var demand = new double[2000];
        demand[5] = 1;
        var technosphere = new SparseTechnosphere(system.Inputs, Name);
        var before = technosphere.Solve(demand);
        var draw = system.DrawInputs(new Random(42));

        technosphere.Update(draw);
        var reused = technosphere.Solve(demand);
        var fresh = new SparseTechnosphere(draw, Name).Solve(demand);

        AssertClose.Relative(fresh, reused, 1e-12, "s");
        // The draw moved the answer, so the update did take effect.
        Assert.True(Math.Abs(reused[0] - before[0]) > 1e-6 * Math.Abs(before[0]), "the draw changes s");
    }

    [Fact]
    public void A_draw_with_a_different_pattern_is_refused()
    {
        var system = EcoinventShapedSystem.Generate(50, seed: 1);
        var technosphere = new SparseTechnosphere(system.Inputs, Name);

        Assert.Throws<ArgumentException>(() => technosphere.Update(EcoinventShapedSystem.Generate(50, seed: 2).Inputs));
    }

    [Fact]
    public void A_hand_computed_three_process_loop_solves_exactly()
    {
        // p0 consumes 0.5 of p1, p1 consumes 0.25 of p2, p2 consumes 0.5 of p0 (per unit of their own product): a cycle.
        // For 1 unit of p0: s1 = 0.5 s0, s2 = 0.25 s1 = 0.125 s0, and s0 = 1 + 0.5 s2 = 1 + 0.0625 s0,
        // so s0 = 1 / 0.9375 = 16/15, s1 = 8/15, s2 = 2/15.
        var inputs = new SparseColumns(3, 3);
        inputs.Add(1, 0, 0.5);
        inputs.Add(2, 1, 0.25);
        inputs.Add(0, 2, 0.5);

        var s = new SparseTechnosphere(inputs, Name).Solve([1, 0, 0]);

        AssertClose.Relative([16.0 / 15, 8.0 / 15, 2.0 / 15], s, 1e-14, "s");
    }
}
