using Cradle.Core.Engine;
using Cradle.Core.Engine.Sparse;

namespace Cradle.Core.Tests.Engine.Sparse;

/// <summary>A singular technosphere is reported by the sparse engine, never solved into a wrong number.</summary>
public class SparseSingularityTests
{
    private static string Name(int j) => $"p{j}";

    [Fact]
    public void A_process_that_consumes_all_it_makes_is_a_zero_column_and_is_refused()
    {
        // p1 consumes one unit of its own product per unit made and nothing else: column 1 of A = I − N is zero.
        var inputs = new SparseColumns(3, 3);
        inputs.Add(1, 0, 0.5);
        inputs.Add(1, 1, 1.0);
        inputs.Add(0, 2, 0.3);

        var e = Assert.Throws<EngineException>(() => new SparseTechnosphere(inputs, Name));

        Assert.Contains("singular at process 'p1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_of_two_that_consume_all_they_make_is_refused_at_its_pivot()
    {
        // p0 needs one unit of p1 and p1 one unit of p0: A = [[1, −1], [−1, 1]], whose second pivot is 1 − 1 = 0.
        var inputs = new SparseColumns(2, 2);
        inputs.Add(1, 0, 1.0);
        inputs.Add(0, 1, 1.0);

        var e = Assert.Throws<EngineException>(() => new SparseTechnosphere(inputs, Name));

        Assert.Contains("singular at process 'p1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ring_that_consumes_all_it_makes_is_refused_as_not_converging()
    {
        // p0 needs 1 of p1, p1 needs 1 of p2, p2 needs 1 of p0: A = I − P (P a cyclic shift), det A = 1 − 1 = 0. ILU(0)
        // drops the fill that would expose it (its pivots are all 1), and A s = e₀ has no solution (every column of A
        // sums to 0, so 1ᵀ A s = 0 for any s, while 1ᵀ e₀ = 1): the iteration cannot reach the residual and is refused.
        var inputs = new SparseColumns(3, 3);
        inputs.Add(1, 0, 1.0);
        inputs.Add(2, 1, 1.0);
        inputs.Add(0, 2, 1.0);
        var technosphere = new SparseTechnosphere(inputs, Name);

        var e = Assert.Throws<EngineException>(() => technosphere.Solve([1, 0, 0]));

        Assert.Contains("did not converge", e.Message, StringComparison.Ordinal);
        Assert.Contains("singular or nearly so", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_amount_is_refused()
    {
        var inputs = new SparseColumns(2, 2);
        inputs.Add(1, 0, double.NaN);

        var e = Assert.Throws<EngineException>(() => new SparseTechnosphere(inputs, Name));

        Assert.Contains("'p0'", e.Message, StringComparison.Ordinal);
    }
}
