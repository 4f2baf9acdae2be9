namespace Cradle.Core.Engine;

/// <summary>
/// LU decomposition with partial pivoting of a small dense square matrix, P A = L U, for the loops of a product
/// system. Factorisation stops at the first pivot that is zero next to the matrix's scale (then
/// <see cref="SingularColumn"/> is set and <see cref="NullVector"/> gives the combination of columns that vanishes),
/// instead of dividing by a rounding error.
/// </summary>
internal sealed class DenseLu
{
    private readonly double[,] _lu;
    private readonly int[] _rowOfPivot;

    private DenseLu(double[,] lu, int[] rowOfPivot, int? singularColumn, double scale)
    {
        _lu = lu;
        _rowOfPivot = rowOfPivot;
        SingularColumn = singularColumn;
        Scale = scale;
    }

    /// <summary>Order of the matrix.</summary>
    public int Size => _rowOfPivot.Length;

    /// <summary>The largest absolute entry of the factored matrix; pivots are judged against it.</summary>
    public double Scale { get; }

    /// <summary>
    /// The first column whose pivot was at most <see cref="PivotTolerance"/> × <see cref="Scale"/>, or null when every
    /// pivot was larger: that column is, to rounding, a combination of the columns before it.
    /// </summary>
    public int? SingularColumn { get; }

    /// <summary>
    /// Relative pivot tolerance: 64 ε (about 1.4e-14). With partial pivoting a singular matrix leaves a pivot of a few
    /// ε times its scale through rounding; a pivot this small on a regular matrix would mean a condition number near
    /// 1/ε, which the condition estimate refuses anyway.
    /// </summary>
    public const double PivotTolerance = 64 * MachineEpsilon;

    /// <summary>ε = 2⁻⁵², the spacing of doubles at 1 (<see cref="double.Epsilon"/> is the smallest denormal instead).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Factors <paramref name="matrix"/> (not modified).</summary>
    public static DenseLu Factor(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var lu = (double[,])matrix.Clone();
        var rows = new int[n];
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            rows[i] = i;
            for (var j = 0; j < n; j++)
            {
                scale = Math.Max(scale, Math.Abs(lu[i, j]));
            }
        }
        for (var k = 0; k < n; k++)
        {
            var pivotRow = k;
            for (var i = k + 1; i < n; i++)
            {
                if (Math.Abs(lu[i, k]) > Math.Abs(lu[pivotRow, k]))
                {
                    pivotRow = i;
                }
            }
            if (!(Math.Abs(lu[pivotRow, k]) > PivotTolerance * scale))
            {
                return new DenseLu(lu, rows, k, scale);
            }
            if (pivotRow != k)
            {
                for (var j = 0; j < n; j++)
                {
                    (lu[k, j], lu[pivotRow, j]) = (lu[pivotRow, j], lu[k, j]);
                }
                (rows[k], rows[pivotRow]) = (rows[pivotRow], rows[k]);
            }
            var pivot = lu[k, k];
            for (var i = k + 1; i < n; i++)
            {
                var factor = lu[i, k] / pivot;
                lu[i, k] = factor;
                if (factor == 0)
                {
                    continue;
                }
                for (var j = k + 1; j < n; j++)
                {
                    lu[i, j] -= factor * lu[k, j];
                }
            }
        }
        return new DenseLu(lu, rows, null, scale);
    }

    /// <summary>x with A x = <paramref name="b"/>. Only for a regular factorisation.</summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        RequireRegular();
        var n = Size;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[_rowOfPivot[i]];
            for (var j = 0; j < i; j++)
            {
                sum -= _lu[i, j] * x[j];
            }
            x[i] = sum;
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var j = i + 1; j < n; j++)
            {
                sum -= _lu[i, j] * x[j];
            }
            x[i] = sum / _lu[i, i];
        }
        return x;
    }

    /// <summary>x with Aᵀ x = <paramref name="b"/> (Aᵀ = Uᵀ Lᵀ P). Only for a regular factorisation.</summary>
    public double[] SolveTransposed(ReadOnlySpan<double> b)
    {
        RequireRegular();
        var n = Size;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var j = 0; j < i; j++)
            {
                sum -= _lu[j, i] * y[j];
            }
            y[i] = sum / _lu[i, i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var j = i + 1; j < n; j++)
            {
                sum -= _lu[j, i] * y[j];
            }
            y[i] = sum;
        }
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[_rowOfPivot[i]] = y[i];
        }
        return x;
    }

    /// <summary>
    /// Where factorisation stopped at column k: v with A v ≈ 0, vₖ = 1, v after k zero, and the entries before k from
    /// U₁₁ v₁ = −U[0..k, k] (so the first k rows of U v vanish, and row k is the negligible pivot).
    /// </summary>
    public double[] NullVector()
    {
        var k = SingularColumn ?? throw new InvalidOperationException("The matrix is regular.");
        var v = new double[Size];
        v[k] = 1;
        for (var i = k - 1; i >= 0; i--)
        {
            var sum = -_lu[i, k];
            for (var j = i + 1; j < k; j++)
            {
                sum -= _lu[i, j] * v[j];
            }
            v[i] = sum / _lu[i, i];
        }
        return v;
    }

    private void RequireRegular()
    {
        if (SingularColumn is not null)
        {
            throw new InvalidOperationException("The matrix is singular.");
        }
    }
}
