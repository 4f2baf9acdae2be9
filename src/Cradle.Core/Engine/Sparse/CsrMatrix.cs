namespace Cradle.Core.Engine.Sparse;

/// <summary>
/// A square sparse matrix in compressed sparse row form (CSR): the column indices and values of row i are at
/// positions <c>RowStart[i] .. RowStart[i + 1] − 1</c>, columns ascending, each row holding its diagonal (stored even
/// when zero, so that an incomplete factorisation always has a pivot slot).
/// </summary>
public sealed class CsrMatrix
{
    private CsrMatrix(int[] rowStart, int[] columns, double[] values, int[] diagonal)
    {
        RowStart = rowStart;
        Columns = columns;
        Values = values;
        Diagonal = diagonal;
    }

    /// <summary>Number of rows (and columns).</summary>
    public int Size => RowStart.Length - 1;

    /// <summary>Where each row starts in <see cref="Columns"/> and <see cref="Values"/>; one more entry than rows.</summary>
    public int[] RowStart { get; }

    /// <summary>The column of each stored entry.</summary>
    public int[] Columns { get; }

    /// <summary>The value of each stored entry; the pattern is fixed, the values may be refilled.</summary>
    public double[] Values { get; }

    /// <summary>For each row, the position of its diagonal entry.</summary>
    public int[] Diagonal { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeros => Columns.Length;

    /// <summary>
    /// Builds the pattern of an n × n matrix from (row, column) coordinates (repeats merge, every diagonal is added)
    /// and returns, for each coordinate, the position its value adds into.
    /// </summary>
    public static CsrMatrix Pattern(int n, IReadOnlyList<(int Row, int Column)> coordinates, out int[] positions)
    {
        var perRow = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            perRow[i] = [i];
        }
        foreach (var (row, column) in coordinates)
        {
            perRow[row].Add(column);
        }
        var rowStart = new int[n + 1];
        var columns = new List<int>(coordinates.Count + n);
        for (var i = 0; i < n; i++)
        {
            perRow[i].Sort();
            var previous = -1;
            foreach (var column in perRow[i])
            {
                if (column != previous)
                {
                    columns.Add(column);
                    previous = column;
                }
            }
            rowStart[i + 1] = columns.Count;
        }
        var columnArray = columns.ToArray();
        var diagonal = new int[n];
        for (var i = 0; i < n; i++)
        {
            diagonal[i] = Find(rowStart, columnArray, i, i);
        }
        positions = new int[coordinates.Count];
        for (var k = 0; k < coordinates.Count; k++)
        {
            positions[k] = Find(rowStart, columnArray, coordinates[k].Row, coordinates[k].Column);
        }
        return new CsrMatrix(rowStart, columnArray, new double[columnArray.Length], diagonal);
    }

    /// <summary>y = M x.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < Size; i++)
        {
            var sum = 0.0;
            for (var p = RowStart[i]; p < RowStart[i + 1]; p++)
            {
                sum += Values[p] * x[Columns[p]];
            }
            y[i] = sum;
        }
    }

    /// <summary>The transpose, with its own pattern; <paramref name="map"/> gives, for each entry of this matrix, its position in the transpose.</summary>
    public CsrMatrix Transpose(out int[] map)
    {
        var n = Size;
        var rowStart = new int[n + 1];
        foreach (var column in Columns)
        {
            rowStart[column + 1]++;
        }
        for (var i = 0; i < n; i++)
        {
            rowStart[i + 1] += rowStart[i];
        }
        var next = (int[])rowStart.Clone();
        var columns = new int[NonZeros];
        var values = new double[NonZeros];
        map = new int[NonZeros];
        // Rows are visited in order, so each row of the transpose receives its columns ascending.
        for (var i = 0; i < n; i++)
        {
            for (var p = RowStart[i]; p < RowStart[i + 1]; p++)
            {
                var q = next[Columns[p]]++;
                columns[q] = i;
                values[q] = Values[p];
                map[p] = q;
            }
        }
        var diagonal = new int[n];
        for (var i = 0; i < n; i++)
        {
            diagonal[i] = Find(rowStart, columns, i, i);
        }
        return new CsrMatrix(rowStart, columns, values, diagonal);
    }

    /// <summary>A copy sharing this pattern, with its own values.</summary>
    public CsrMatrix WithSamePattern() => new(RowStart, Columns, new double[NonZeros], Diagonal);

    private static int Find(int[] rowStart, int[] columns, int row, int column)
    {
        var p = Array.BinarySearch(columns, rowStart[row], rowStart[row + 1] - rowStart[row], column);
        if (p < 0)
        {
            throw new InvalidOperationException("The entry is not in the pattern.");
        }
        return p;
    }
}
