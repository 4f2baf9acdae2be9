using Cradle.Core.Engine;
using Cradle.Core.Engine.Sparse;
using Cradle.Core.Tests.Builders;

namespace Cradle.Core.Tests.Engine.Sparse;

/// <summary>The calculator's scaling solve hands loops of at least <see cref="SparseLoopSolver.MinimumSize"/> processes to the sparse engine.</summary>
public class SparseLoopSolverTests
{
    private static SparseColumns Ring(int n, double self, double next) => Rings.Ring(n, self, next);

    [Fact]
    public void A_ring_of_2000_processes_is_solved_sparse()
    {
        Assert.True(2000 >= SparseLoopSolver.MinimumSize);
        // A = 0.5 I − 0.4 P. One unit of every product: by symmetry every sⱼ is the same s, and s − 0.5 s − 0.4 s = 1
        // gives s = 1 / 0.1 = 10.
        var demand = Enumerable.Repeat(1.0, 2000).ToArray();

        var s = ScalingSolver.Solve(Ring(2000, 0.5, 0.4), demand, j => $"p{j}");

        AssertClose.Relative(Enumerable.Repeat(10.0, 2000).ToList(), s, 1e-10, "s");
    }

    [Fact]
    public void A_ring_of_2000_processes_with_a_supplier_and_a_consumer_outside_it_is_solved_sparse()
    {
        // Products 0–1999 form the ring above; process 2000 (outside) consumes 2 units of p0 per unit, and p1 consumes
        // 0.3 of product 2001, which nothing in turn needs. For one unit of product 2000: the ring must deliver 2 of p0,
        // so (0.5 I − 0.4 P) s_ring = 2 e₀. Its rows: 0.5 sᵢ − 0.4 sᵢ₋₁ = fᵢ, so sᵢ = 0.8 sᵢ₋₁ (i ≠ 0) and
        // s₀ = 4 + 0.8 s₁₉₉₉ = 4 + 0.8²⁰⁰⁰ s₀, i.e. s₀ = 4 / (1 − 0.8²⁰⁰⁰) = 4 (0.8²⁰⁰⁰ ≈ 1e-194), s₁ = 3.2;
        // s₂₀₀₁ = 0.3 s₁ = 0.96.
        var inputs = new SparseColumns(2002, 2002);
        for (var j = 0; j < 2000; j++)
        {
            inputs.Add(j, j, 0.5);
            inputs.Add((j + 1) % 2000, j, 0.4);
        }
        inputs.Add(0, 2000, 2);
        inputs.Add(2001, 1, 0.3);
        var demand = new double[2002];
        demand[2000] = 1;

        var s = ScalingSolver.Solve(inputs, demand, j => $"p{j}");

        AssertClose.Relative(1, s[2000], 1e-12, "s2000");
        AssertClose.Relative(4, s[0], 1e-10, "s0");
        AssertClose.Relative(3.2, s[1], 1e-10, "s1");
        AssertClose.Relative(0.96, s[2001], 1e-10, "s2001");
    }

    [Fact]
    public void A_ring_of_2000_processes_that_consume_all_they_make_is_refused()
    {
        // Each process consumes one unit of the next one's product per unit of its own: (I − P) 1 = 0, singular, and
        // A s = e₀ has no solution (1ᵀ A = 0 but 1ᵀ e₀ = 1).
        var demand = new double[2000];
        demand[0] = 1;

        var e = Assert.Throws<EngineException>(() => ScalingSolver.Solve(Ring(2000, 0, 1), demand, j => $"p{j}"));

        Assert.Contains("singular", e.Message, StringComparison.Ordinal);
    }
}
