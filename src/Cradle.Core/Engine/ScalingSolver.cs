using MathNet.Numerics.LinearAlgebra;

namespace Cradle.Core.Engine;

/// <summary>
/// Solves A s = f with A = I − N (N: inputs, each process making one unit of its product). The process graph is
/// split into strongly connected components (Tarjan); components are visited consumers-first, so acyclic parts
/// are solved by back-substitution and only each cycle is solved as a small dense block (LU). Foreground ML
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
            else
            {
                SolveBlock(component, byRow, demand, scaling, solved, processName);
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
        if (diagonal < 1e-12)
        {
            throw new EngineException($"Process '{processName(i)}' consumes at least as much of its product as it makes, so no amount of it can meet a demand.");
        }
        scaling[i] = rhs / diagonal;
    }

    private static void SolveBlock(
        List<int> component, List<(int Column, double Value)>[] byRow, ReadOnlySpan<double> demand, double[] scaling, bool[] solved, Func<int, string> processName)
    {
        var size = component.Count;
        var local = new Dictionary<int, int>(size);
        for (var k = 0; k < size; k++)
        {
            local[component[k]] = k;
        }
        var block = Matrix<double>.Build.DenseIdentity(size);
        var rhs = Vector<double>.Build.Dense(size);
        for (var k = 0; k < size; k++)
        {
            var i = component[k];
            rhs[k] = demand[i];
            foreach (var (j, value) in byRow[i])
            {
                if (local.TryGetValue(j, out var col))
                {
                    block[k, col] -= value;
                }
                else if (solved[j])
                {
                    rhs[k] += value * scaling[j];
                }
            }
        }
        var lu = block.LU();
        var names = string.Join(", ", component.Select(processName));
        if (Math.Abs(lu.Determinant) < 1e-12)
        {
            throw new EngineException($"The loop of processes {names} is singular: together they consume all they make.");
        }
        var solution = lu.Solve(rhs);
        // With non-negative inputs and demand, a productive loop has a non-negative solution (Leontief); a negative
        // one means the loop consumes more than it makes.
        var nonNegativeInputs = component.All(i => byRow[i].All(e => !local.ContainsKey(e.Column) || e.Value >= 0)) && rhs.All(r => r >= 0);
        for (var k = 0; k < size; k++)
        {
            if (!double.IsFinite(solution[k]))
            {
                throw new EngineException($"The loop of processes {names} could not be solved (non-finite scaling).");
            }
            if (nonNegativeInputs && solution[k] < -1e-9 * solution.AbsoluteMaximum())
            {
                throw new EngineException($"The loop of processes {names} consumes more than it makes: no positive amount of it meets the demand.");
            }
            scaling[component[k]] = solution[k];
        }
    }
}
