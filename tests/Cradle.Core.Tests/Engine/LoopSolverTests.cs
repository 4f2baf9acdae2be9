using Cradle.Core.Engine;
using Cradle.Core.Tests.Builders;

namespace Cradle.Core.Tests.Engine;

/// <summary>Singularity of loops is judged from pivots and the condition number, relative to the matrix's scale.</summary>
public class LoopSolverTests
{
    private static SparseColumns Ring(int n, double self, double next) => Rings.Ring(n, self, next);

    [Fact]
    public void A_well_conditioned_ring_of_200_processes_with_a_tiny_determinant_solves()
    {
        // A = (1 − 0.5) I − 0.4 P (P the cyclic shift): det A = 0.5²⁰⁰ − 0.4²⁰⁰ ≈ 6e-61, which the old fixed threshold
        // (|det| < 1e-12) refused, though κ₁ = ‖A‖₁ ‖A⁻¹‖₁ ≤ 0.9 × 1 / (0.5 − 0.4) = 9.
        // One unit of every product: by symmetry every sⱼ is the same s, and s − 0.5 s − 0.4 s = 1 gives s = 1 / 0.1 = 10.
        var demand = Enumerable.Repeat(1.0, 200).ToArray();

        var s = ScalingSolver.Solve(Ring(200, 0.5, 0.4), demand, j => $"p{j}");

        AssertClose.Relative(Enumerable.Repeat(10.0, 200).ToList(), s, 1e-12, "s");
    }

    [Fact]
    public void A_ring_of_200_processes_that_consume_all_they_make_is_refused_naming_them()
    {
        // Each process consumes one unit of the next one's product per unit of its own: (I − P) 1 = 0, singular.
        var demand = new double[200];
        demand[0] = 1;

        var e = Assert.Throws<EngineException>(() => ScalingSolver.Solve(Ring(200, 0, 1), demand, j => $"p{j}"));

        Assert.Contains("is singular", e.Message, StringComparison.Ordinal);
        Assert.Contains("consume all they make", e.Message, StringComparison.Ordinal);
        // The Perron vector (1, …, 1) involves every process: 12 names, then the count.
        Assert.Contains("'p0', 'p1'", e.Message, StringComparison.Ordinal);
        Assert.Contains("and 188 more (200 in all)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_singular_loop_in_units_far_apart_is_refused()
    {
        // x needs 3.6e9 J of y per kg (1 MWh), y needs 1 / 3.6e9 kg of x per J: per MWh of y that is 1 kg of x, so
        // the two consume all they make. Every entry's scale is different, yet the equilibrated block [[1, −1], [−1, 1]]
        // has a zero pivot (to rounding).
        var inputs = new SparseColumns(3, 3);
        inputs.Add(1, 0, 3.6e9);
        inputs.Add(0, 1, 1 / 3.6e9);
        inputs.Add(0, 2, 1);

        var e = Assert.Throws<EngineException>(() => ScalingSolver.Solve(inputs, [0, 0, 1], j => $"p{j}"));

        Assert.Contains("The loop of processes 'p0', 'p1' is singular", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nearly_singular_loop_is_refused_with_its_condition_number()
    {
        // x needs 1 y, y needs 1 − 1e-13 x: A = [[1, −1], [−(1 − 1e-13), 1]], det = 1e-13. The second pivot, 1e-13,
        // is above the pivot tolerance (64 ε ≈ 1.4e-14), but A⁻¹ = [[1, 1], [1 − 1e-13, 1]] / 1e-13, so
        // κ₁ = ‖A‖₁ ‖A⁻¹‖₁ ≈ 2 × 2e13 = 4e13 > 1e12: rounding would leave about two digits.
        var inputs = new SparseColumns(2, 2);
        inputs.Add(1, 0, 1);
        inputs.Add(0, 1, 1 - 1e-13);

        var e = Assert.Throws<EngineException>(() => ScalingSolver.Solve(inputs, [1, 0], j => $"p{j}"));

        Assert.Contains("'p0', 'p1' is nearly singular (condition number about 4E+13, above 1e12)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_whose_determinant_is_not_small_but_which_consumes_more_than_it_makes_is_still_refused()
    {
        // x needs 2 y, y needs 1 x: det = 1 − 2 = −1, s = (−1, −1) for one x; regular but not productive.
        var inputs = new SparseColumns(2, 2);
        inputs.Add(1, 0, 2);
        inputs.Add(0, 1, 1);

        var e = Assert.Throws<EngineException>(() => ScalingSolver.Solve(inputs, [1, 0], j => $"p{j}"));

        Assert.Contains("consumes more than it makes", e.Message, StringComparison.Ordinal);
    }
}
