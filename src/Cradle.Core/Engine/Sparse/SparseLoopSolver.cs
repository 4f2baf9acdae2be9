namespace Cradle.Core.Engine.Sparse;

/// <summary>
/// Solves one large loop of processes (a strongly connected component of at least <see cref="MinimumSize"/>
/// processes) with the <see cref="SparseTechnosphere"/> instead of a dense block: (I − N_CC) s_C = f_C + Σ N_C,k s_k
/// over the already solved consumers k. A dense LU of such a block would cost O(m³) time and O(m²) memory.
/// </summary>
internal static class SparseLoopSolver
{
    /// <summary>
    /// Loops from this size go sparse. Below it the dense solver is cheap (a 1,000-process block is 8 MB and a few
    /// hundred million operations) and keeps its condition-number check.
    /// </summary>
    public const int MinimumSize = 1000;

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
        var inputs = new SparseColumns(size, size);
        var rhs = new double[size];
        var nonNegative = true;
        for (var k = 0; k < size; k++)
        {
            var i = component[k];
            rhs[k] = demand[i];
            foreach (var (j, value) in byRow[i])
            {
                if (local.TryGetValue(j, out var col))
                {
                    inputs.Add(k, col, value);
                    nonNegative &= value >= 0;
                }
                else if (solved[j])
                {
                    rhs[k] += value * scaling[j];
                }
            }
            nonNegative &= rhs[k] >= 0;
        }
        var y = new SparseTechnosphere(inputs, k => processName(component[k])).Solve(rhs);
        var largest = y.Max(Math.Abs);
        for (var k = 0; k < size; k++)
        {
            // As in the dense loop solver: with non-negative inputs and demand a productive loop has a non-negative
            // solution (Leontief); a negative one means the loop consumes more than it makes.
            if (nonNegative && y[k] < -1e-9 * largest)
            {
                throw new EngineException(
                    $"The loop of {size} processes including '{processName(component[k])}' consumes more than it makes: no positive amount of it meets the demand.");
            }
            scaling[component[k]] = y[k];
        }
    }
}
