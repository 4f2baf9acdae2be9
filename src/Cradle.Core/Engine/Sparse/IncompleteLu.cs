namespace Cradle.Core.Engine.Sparse;

/// <summary>
/// ILU(0): an LU factorisation of a <see cref="CsrMatrix"/> restricted to its own pattern (no fill-in), used to
/// precondition <see cref="BiCgStab"/>. The pattern, the diagonal positions and the position of every (k, j) update
/// are worked out once (the symbolic part) and reused by each numeric <see cref="Refactor"/>: across Monte Carlo draws
/// only the values change.
/// </summary>
internal sealed class IncompleteLu
{
    private readonly CsrMatrix _pattern;
    private readonly double[] _factors;

    // For each entry p = (i, k) with k < i: the positions in row i of row k's entries right of its diagonal, or −1
    // where row i has no such column (dropped fill). Flattened: _updateStart[p] .. _updateStart[p + 1].
    private readonly int[] _updateStart;
    private readonly int[] _updateTarget;

    /// <summary>Works out the symbolic structure of <paramref name="pattern"/>'s ILU(0).</summary>
    public IncompleteLu(CsrMatrix pattern)
    {
        _pattern = pattern;
        _factors = new double[pattern.NonZeros];
        var rowStart = pattern.RowStart;
        var columns = pattern.Columns;
        var diagonal = pattern.Diagonal;
        _updateStart = new int[pattern.NonZeros + 1];
        var targets = new List<int>(pattern.NonZeros * 4);
        var where = new int[pattern.Size];
        Array.Fill(where, -1);
        for (var i = 0; i < pattern.Size; i++)
        {
            for (var p = rowStart[i]; p < rowStart[i + 1]; p++)
            {
                where[columns[p]] = p;
            }
            for (var p = rowStart[i]; p < rowStart[i + 1]; p++)
            {
                var k = columns[p];
                if (k < i)
                {
                    for (var q = diagonal[k] + 1; q < rowStart[k + 1]; q++)
                    {
                        var target = where[columns[q]];
                        if (target >= 0)
                        {
                            targets.Add(q);
                            targets.Add(target);
                        }
                    }
                }
                _updateStart[p + 1] = targets.Count;
            }
            for (var p = rowStart[i]; p < rowStart[i + 1]; p++)
            {
                where[columns[p]] = -1;
            }
        }
        _updateTarget = targets.ToArray();
    }

    /// <summary>
    /// Factors the current values of the pattern. Returns the first row whose pivot is below 1e-12 of the largest
    /// magnitude in that row of the matrix (relative, so the units of the products do not matter), or null.
    /// </summary>
    public int? Refactor()
    {
        var values = _pattern.Values;
        var rowStart = _pattern.RowStart;
        var columns = _pattern.Columns;
        var diagonal = _pattern.Diagonal;
        Array.Copy(values, _factors, values.Length);
        for (var i = 0; i < _pattern.Size; i++)
        {
            var scale = 0.0;
            for (var p = rowStart[i]; p < rowStart[i + 1]; p++)
            {
                scale = Math.Max(scale, Math.Abs(values[p]));
                var k = columns[p];
                if (k >= i)
                {
                    continue;
                }
                var multiplier = _factors[p] / _factors[diagonal[k]];
                _factors[p] = multiplier;
                for (var u = _updateStart[p]; u < _updateStart[p + 1]; u += 2)
                {
                    _factors[_updateTarget[u + 1]] -= multiplier * _factors[_updateTarget[u]];
                }
            }
            var pivot = _factors[diagonal[i]];
            if (!(Math.Abs(pivot) > 1e-12 * scale))
            {
                return i;
            }
        }
        return null;
    }

    /// <summary>z = (L U)⁻¹ r.</summary>
    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        var rowStart = _pattern.RowStart;
        var columns = _pattern.Columns;
        var diagonal = _pattern.Diagonal;
        var n = _pattern.Size;
        for (var i = 0; i < n; i++)
        {
            var sum = r[i];
            for (var p = rowStart[i]; p < diagonal[i]; p++)
            {
                sum -= _factors[p] * z[columns[p]];
            }
            z[i] = sum;
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var p = diagonal[i] + 1; p < rowStart[i + 1]; p++)
            {
                sum -= _factors[p] * z[columns[p]];
            }
            z[i] = sum / _factors[diagonal[i]];
        }
    }
}
