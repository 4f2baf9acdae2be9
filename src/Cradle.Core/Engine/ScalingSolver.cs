namespace Cradle.Core.Engine;

/// <summary>
/// Solves A s = f with A = I − N (N: inputs, each process making one unit of its product). The process graph is
/// split into strongly connected components (Tarjan); components are visited consumers-first, so acyclic parts
/// are solved by back-substitution and only each cycle is solved as a small dense block (LU), or, from
/// <see cref="Sparse.SparseLoopSolver.MinimumSize"/> processes, by the sparse engine. Foreground ML
/// systems are acyclic, so this is one pass over the non-zeros.
/// </summary>
public static class ScalingSolver
{
    /// <summary>The scaling vector s for demand <paramref name="demand"/> (one entry per product).</summary>
    /// <param name="inputs">N, square.</param>
    /// <param name="demand">f, in the products' reference units.</param>
    /// <param name="processName">Names processes in error messages.</param>
    public static double[] Solve(SparseColumns inputs, ReadOnlySpan<double> demand, Func<int, string> processName)
    {
        var n = inputs.ColumnCount;
        var byRow = inputs.ByRow();
        var scaling = new double[n];
        var solved = new bool[n];
        var components = StronglyConnectedComponents.Find(n, j => inputs.Column(j).Select(e => e.Row));
        // Tarjan emits suppliers before their consumers; consumers must be solved first.
        for (var c = components.Count - 1; c >= 0; c--)
        {
            var component = components[c];
            if (component.Count == 1)
            {
                SolveSingle(component[0], byRow, demand, scaling, processName);
            }
            else if (component.Count < Sparse.SparseLoopSolver.MinimumSize)
            {
                LoopSolver.Solve(component, byRow, demand, scaling, solved, processName);
            }
            else
            {
                Sparse.SparseLoopSolver.Solve(component, byRow, demand, scaling, solved, processName);
            }
            foreach (var j in component)
            {
                solved[j] = true;
            }
        }
        return scaling;
    }

    private static void SolveSingle(int i, List<(int Column, double Value)>[] byRow, ReadOnlySpan<double> demand, double[] scaling, Func<int, string> processName)
    {
        var rhs = demand[i];
        var diagonal = 1.0;
        foreach (var (j, value) in byRow[i])
        {
            if (j == i)
            {
                diagonal -= value; // the process consumes some of its own product
            }
            else
            {
                rhs += value * scaling[j];
            }
        }
        // Relative already: the entries of this 1×1 block are 1 (the unit made) and Nᵢᵢ, so a diagonal below 1e-12 is
        // the rounding residue of a process that consumes all it makes (or a negative one: more than it makes).
        if (diagonal < 1e-12)
        {
            throw new EngineException($"Process '{processName(i)}' consumes at least as much of its product as it makes, so no amount of it can meet a demand.");
        }
        scaling[i] = rhs / diagonal;
    }
}
