using System.Globalization;

namespace Cradle.Core.Engine;

/// <summary>
/// Solves one loop of processes (a strongly connected component of more than one process) as a dense block:
/// (I − N_CC) s_C = f_C + Σ N_C,k s_k over the already solved consumers k. The block is balanced (a diagonal
/// similarity, as if its products were counted in other units, so that a loop mixing J and MWh is judged like one in a
/// single unit), then factored by LU with partial pivoting. Singularity is decided from the pivots relative to the matrix's scale and from
/// an estimate of its condition number, never from the determinant: the determinant of a well-conditioned loop of 200
/// processes can be 1e-60, and that of a singular one need not be small.
/// </summary>
internal static class LoopSolver
{
    /// <summary>
    /// The largest condition number κ₁ of the balanced block that is solved: at 1e12, ε κ ≈ 2e-4, so rounding alone
    /// could already move a scaling factor in its fourth significant digit. A loop beyond it is refused as nearly
    /// singular rather than given digits that mean nothing.
    /// </summary>
    public const double MaxCondition = 1e12;

    /// <summary>Names listed in an error before the rest are counted.</summary>
    private const int NamesShown = 12;

    /// <summary>Solves the loop <paramref name="component"/> into <paramref name="scaling"/>.</summary>
    public static void Solve(
        List<int> component, List<(int Column, double Value)>[] byRow, ReadOnlySpan<double> demand, double[] scaling, bool[] solved, Func<int, string> processName)
    {
        var size = component.Count;
        var local = new Dictionary<int, int>(size);
        for (var k = 0; k < size; k++)
        {
            local[component[k]] = k;
        }
        var block = new double[size, size];
        var rhs = new double[size];
        var nonNegative = true;
        for (var k = 0; k < size; k++)
        {
            var i = component[k];
            block[k, k] = 1;
            rhs[k] = demand[i];
            foreach (var (j, value) in byRow[i])
            {
                if (local.TryGetValue(j, out var col))
                {
                    block[k, col] -= value;
                    nonNegative &= value >= 0;
                }
                else if (solved[j])
                {
                    rhs[k] += value * scaling[j];
                }
            }
            nonNegative &= rhs[k] >= 0;
        }

        var units = Balance(block);
        var lu = DenseLu.Factor(block);
        if (lu.SingularColumn is not null)
        {
            throw new EngineException(
                $"The loop of processes {Names(component, lu.NullVector(), processName)} is singular: together they consume all they make, so no amount of them can meet a demand.");
        }
        var condition = ConditionEstimate.Of(lu, OneNorm(block), out var direction);
        if (!(condition <= MaxCondition))
        {
            throw new EngineException(string.Create(CultureInfo.InvariantCulture,
                $"The loop of processes {Names(component, direction, processName)} is nearly singular (condition number about {condition:G2}, above {MaxCondition:0e0}): together they consume almost all they make, so rounding alone would change how much of each is needed. Check the amounts they exchange."));
        }
        for (var k = 0; k < size; k++)
        {
            rhs[k] /= units[k];
        }
        var y = lu.Solve(rhs);
        var largest = 0.0;
        for (var k = 0; k < size; k++)
        {
            y[k] *= units[k];
            largest = Math.Max(largest, Math.Abs(y[k]));
        }
        var names = new Lazy<string>(() => Names(component, null, processName));
        for (var k = 0; k < size; k++)
        {
            if (!double.IsFinite(y[k]))
            {
                throw new EngineException($"The loop of processes {names.Value} could not be solved (non-finite scaling).");
            }
            // With non-negative inputs and demand, a productive loop has a non-negative solution (Leontief); a negative
            // one means the loop consumes more than it makes.
            if (nonNegative && y[k] < -1e-9 * largest)
            {
                throw new EngineException($"The loop of processes {names.Value} consumes more than it makes: no positive amount of it meets the demand.");
            }
            scaling[component[k]] = y[k];
        }
    }

    /// <summary>
    /// Balances <paramref name="block"/> in place to D⁻¹ A D (Parlett &amp; Reinsch 1969, as LAPACK's dgebal): for each
    /// process in turn, its row and column are scaled by inverse powers of 2 until the off-diagonal sums of each row and
    /// its column are within a factor of 2, repeated until no scale changes. D⁻¹ A D is A written in other units of the
    /// loop's products (a diagonal similarity keeps the diagonal, the eigenvalues and the physics), so balancing undoes a
    /// choice of units far apart (J beside MWh) before pivots and the condition number are judged. Powers of 2 scale
    /// exactly. Returns D.
    /// </summary>
    private static double[] Balance(double[,] block)
    {
        var n = block.GetLength(0);
        var scale = new double[n];
        Array.Fill(scale, 1.0);
        for (var sweep = 0; sweep < 100; sweep++)
        {
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                double column = 0, row = 0;
                for (var j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        column += Math.Abs(block[j, i]);
                        row += Math.Abs(block[i, j]);
                    }
                }
                if (column == 0 || row == 0)
                {
                    continue;
                }
                var total = column + row;
                var f = 1.0;
                while (column < row / 2)
                {
                    f *= 2;
                    column *= 4;
                }
                while (column > row * 2)
                {
                    f /= 2;
                    column /= 4;
                }
                // column now holds column × f², so (column + row) / f is the new column sum plus the new row sum; a
                // scale that shrinks their total by less than 5 % is not worth a sweep.
                if ((column + row) / f >= 0.95 * total)
                {
                    continue;
                }
                changed = true;
                scale[i] *= f;
                for (var j = 0; j < n; j++)
                {
                    block[i, j] /= f;
                    block[j, i] *= f;
                }
            }
            if (!changed)
            {
                break;
            }
        }
        return scale;
    }

    private static double OneNorm(double[,] block)
    {
        var n = block.GetLength(0);
        var norm = 0.0;
        for (var j = 0; j < n; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += Math.Abs(block[i, j]);
            }
            norm = Math.Max(norm, sum);
        }
        return norm;
    }

    /// <summary>
    /// The processes of the loop, quoted; with <paramref name="direction"/> (a vector the block nearly annihilates, in
    /// balanced units) only those that take part in it (entries above 1e-6 of the largest), since those are the ones
    /// that together make nothing net. At most <see cref="NamesShown"/> names, then a count.
    /// </summary>
    private static string Names(List<int> component, double[]? direction, Func<int, string> processName)
    {
        var largest = direction?.Max(Math.Abs) ?? 0;
        var involved = Enumerable.Range(0, component.Count)
            .OrderBy(k => component[k])
            .Where(k => direction is null || !(largest > 0) || Math.Abs(direction[k]) > 1e-6 * largest)
            .Select(k => $"'{processName(component[k])}'")
            .ToList();
        var shown = string.Join(", ", involved.Take(NamesShown));
        return involved.Count <= NamesShown
            ? shown
            : string.Create(CultureInfo.InvariantCulture, $"{shown} and {involved.Count - NamesShown} more ({involved.Count} in all)");
    }
}
