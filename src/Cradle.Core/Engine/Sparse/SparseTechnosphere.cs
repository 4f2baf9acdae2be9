using System.Globalization;

namespace Cradle.Core.Engine.Sparse;

/// <summary>
/// A database-scale technosphere A = I − N, held sparse (CSR) and solved by BiCGSTAB preconditioned with ILU(0).
/// The pattern and the ILU's symbolic structure are built once; <see cref="Update"/> refills the values of a Monte Carlo
/// draw and refactors numerically, and every demand reuses the factorisation. Every answer is residual-checked:
/// ‖f − A s‖₂ ≤ <see cref="MaxRelativeResidual"/> ‖f‖₂, or an <see cref="EngineException"/>, never a silent wrong number.
/// Solves may run concurrently; <see cref="Update"/> may not run alongside them.
/// </summary>
public sealed class SparseTechnosphere
{
    /// <summary>The largest accepted ‖f − A s‖₂ / ‖f‖₂ of an answer.</summary>
    public const double MaxRelativeResidual = 1e-10;

    private readonly Func<int, string> _processName;
    private readonly int[] _columnStart;
    private readonly int[] _rows;
    private readonly int[] _positions;
    private readonly CsrMatrix _matrix;
    private readonly IncompleteLu _factors;
    private readonly Lock _transposeLock = new();
    private (CsrMatrix Matrix, int[] Map, IncompleteLu Factors)? _transpose;
    private bool _transposeCurrent;

    /// <summary>Builds A from the inputs N (product i consumed by process j per unit of j's product) and factors it.</summary>
    /// <param name="inputs">N, square.</param>
    /// <param name="processName">Names processes in error messages.</param>
    public SparseTechnosphere(SparseColumns inputs, Func<int, string> processName)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _processName = processName;
        var n = inputs.ColumnCount;
        _columnStart = new int[n + 1];
        var coordinates = new List<(int Row, int Column)>();
        for (var j = 0; j < n; j++)
        {
            foreach (var (row, _) in inputs.Column(j))
            {
                coordinates.Add((row, j));
            }
            _columnStart[j + 1] = coordinates.Count;
        }
        _rows = coordinates.Select(c => c.Row).ToArray();
        _matrix = CsrMatrix.Pattern(n, coordinates, out _positions);
        _factors = new IncompleteLu(_matrix);
        Update(inputs);
    }

    /// <summary>Number of processes (and products).</summary>
    public int Size => _matrix.Size;

    /// <summary>Stored entries of A, its diagonal included.</summary>
    public int NonZeros => _matrix.NonZeros;

    /// <summary>
    /// Refills A with new values of the same exchanges (a Monte Carlo draw: every column with the same rows in the same
    /// order) and refactors numerically, reusing the pattern and the symbolic structure.
    /// </summary>
    public void Update(SparseColumns inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.ColumnCount != Size)
        {
            throw new ArgumentException("The inputs have a different number of processes.", nameof(inputs));
        }
        var values = _matrix.Values;
        Array.Clear(values);
        foreach (var d in _matrix.Diagonal)
        {
            values[d] = 1;
        }
        for (var j = 0; j < Size; j++)
        {
            var column = inputs.Column(j);
            if (column.Count != _columnStart[j + 1] - _columnStart[j])
            {
                throw new ArgumentException($"Process {j} has a different set of inputs than the pattern.", nameof(inputs));
            }
            for (var k = 0; k < column.Count; k++)
            {
                var (row, value) = column[k];
                var at = _columnStart[j] + k;
                if (row != _rows[at])
                {
                    throw new ArgumentException($"Process {j} has a different set of inputs than the pattern.", nameof(inputs));
                }
                if (!double.IsFinite(value))
                {
                    throw new EngineException($"Process '{_processName(j)}' has a non-finite input amount.");
                }
                values[_positions[at]] -= value;
            }
        }
        CheckPivot(_factors.Refactor());
        _transposeCurrent = false;
    }

    /// <summary>The scaling vector s with A s = f.</summary>
    public double[] Solve(ReadOnlySpan<double> demand) => Solve(_matrix, _factors, demand, "A s = f");

    /// <summary>λ with Aᵀ λ = <paramref name="rightHandSide"/>: with (c B)ᵀ, λⱼ is the score of one unit of product j.</summary>
    public double[] SolveTransposed(ReadOnlySpan<double> rightHandSide)
    {
        var transpose = Transpose();
        return Solve(transpose.Matrix, transpose.Factors, rightHandSide, "Aᵀ λ = (c B)ᵀ");
    }

    private (CsrMatrix Matrix, int[] Map, IncompleteLu Factors) Transpose()
    {
        lock (_transposeLock)
        {
            if (_transpose is null)
            {
                var matrix = _matrix.Transpose(out var map);
                _transpose = (matrix, map, new IncompleteLu(matrix));
                _transposeCurrent = false;
            }
            if (!_transposeCurrent)
            {
                var (matrix, map, factors) = _transpose.Value;
                for (var p = 0; p < map.Length; p++)
                {
                    matrix.Values[map[p]] = _matrix.Values[p];
                }
                // Row i of Aᵀ is process i's column of A, so a failing pivot still names a process.
                CheckPivot(factors.Refactor());
                _transposeCurrent = true;
            }
            return _transpose.Value;
        }
    }

    private double[] Solve(CsrMatrix matrix, IncompleteLu factors, ReadOnlySpan<double> b, string system)
    {
        if (b.Length != Size)
        {
            throw new ArgumentException($"Expected {Size} entries, got {b.Length}.", nameof(b));
        }
        var x = new double[Size];
        var outcome = BiCgStab.Solve(matrix, factors, b, x);
        var residual = new double[Size];
        matrix.Multiply(x, residual);
        for (var i = 0; i < Size; i++)
        {
            residual[i] = b[i] - residual[i];
        }
        var bNorm = BiCgStab.Norm(b);
        var relative = bNorm == 0 ? BiCgStab.Norm(residual) : BiCgStab.Norm(residual) / bNorm;
        if (!(relative <= MaxRelativeResidual))
        {
            throw new EngineException(string.Create(CultureInfo.InvariantCulture,
                $"The sparse solve of {system} ({Size} processes) did not converge: relative residual {relative:G3} after {outcome.Iterations} iterations (at most {MaxRelativeResidual:0e0} is accepted). The technosphere is singular or nearly so: some loop of processes consumes (almost) all it makes."));
        }
        return x;
    }

    private void CheckPivot(int? row)
    {
        if (row is { } i)
        {
            throw new EngineException(
                $"The technosphere is singular at process '{_processName(i)}': its pivot vanished relative to its own entries (to 1e-12), so it consumes all it makes, alone or in a loop with the processes before it.");
        }
    }
}
