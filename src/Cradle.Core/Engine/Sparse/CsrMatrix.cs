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
        // Bucket the coordinates and the diagonals by row in order of column (a counting sort, stable), so that each
        // row's columns arrive ascending and repeats arrive next to each other: no sorting, no searching.
        var order = Enumerable.Range(0, coordinates.Count).ToArray();
        var byColumn = new int[n + 1];
        foreach (var (_, column) in coordinates)
        {
            byColumn[column + 1]++;
        }
        for (var j = 0; j < n; j++)
        {
            byColumn[j + 1] += byColumn[j];
        }
        var nextInColumn = (int[])byColumn.Clone();
        for (var k = 0; k < coordinates.Count; k++)
        {
            order[nextInColumn[coordinates[k].Column]++] = k;
        }
        var slotsPerRow = new int[n + 1];
        foreach (var (row, _) in coordinates)
        {
            slotsPerRow[row + 1]++;
        }
        for (var i = 0; i < n; i++)
        {
            slotsPerRow[i + 1] += slotsPerRow[i] + 1; // + 1: the diagonal
        }
        var slotColumn = new int[slotsPerRow[n]];
        var slotSource = new int[slotsPerRow[n]]; // the coordinate, or −1 for a diagonal
        var nextInRow = (int[])slotsPerRow.Clone();
        for (var j = 0; j < n; j++)
        {
            // Column j's diagonal goes in among column j's coordinates; rows only ever see columns ascending.
            var slot = nextInRow[j]++;
            slotColumn[slot] = j;
            slotSource[slot] = -1;
            for (var q = byColumn[j]; q < byColumn[j + 1]; q++)
            {
                var k = order[q];
                slot = nextInRow[coordinates[k].Row]++;
                slotColumn[slot] = j;
                slotSource[slot] = k;
            }
        }
        var rowStart = new int[n + 1];
        var columns = new int[slotColumn.Length];
        var diagonal = new int[n];
        positions = new int[coordinates.Count];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            for (var slot = slotsPerRow[i]; slot < slotsPerRow[i + 1]; slot++)
            {
                var column = slotColumn[slot];
                if (count == rowStart[i] || columns[count - 1] != column)
                {
                    columns[count++] = column;
                }
                if (slotSource[slot] >= 0)
                {
                    positions[slotSource[slot]] = count - 1;
                }
                if (column == i)
                {
                    diagonal[i] = count - 1;
                }
            }
            rowStart[i + 1] = count;
        }
        Array.Resize(ref columns, count);
        return new CsrMatrix(rowStart, columns, new double[count], diagonal);
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
