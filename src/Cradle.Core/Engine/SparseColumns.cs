namespace Cradle.Core.Engine;

/// <summary>
/// A sparse matrix stored by column: for each column, its (row, value) entries. Rows and columns are plain
/// indices; the numeric core never sees ids.
/// </summary>
public sealed class SparseColumns
{
    private readonly List<(int Row, double Value)>[] _columns;

    /// <summary>An empty matrix of the given shape.</summary>
    public SparseColumns(int rows, int columns)
    {
        RowCount = rows;
        _columns = new List<(int, double)>[columns];
        for (var j = 0; j < columns; j++)
        {
            _columns[j] = [];
        }
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>Adds <paramref name="value"/> at (row, column); repeated entries add up.</summary>
    public void Add(int row, int column, double value) => _columns[column].Add((row, value));

    /// <summary>
    /// Removes every entry but keeps each column's storage, so a Monte Carlo draw can refill the same pattern without
    /// allocating it again.
    /// </summary>
    public void Clear()
    {
        foreach (var column in _columns)
        {
            column.Clear();
        }
    }

    /// <summary>The entries of one column.</summary>
    public IReadOnlyList<(int Row, double Value)> Column(int column) => _columns[column];

    /// <summary>The entries grouped by row: for each row, its (column, value) pairs.</summary>
    public List<(int Column, double Value)>[] ByRow()
    {
        var rows = new List<(int, double)>[RowCount];
        for (var i = 0; i < RowCount; i++)
        {
            rows[i] = [];
        }
        for (var j = 0; j < _columns.Length; j++)
        {
            foreach (var (row, value) in _columns[j])
            {
                rows[row].Add((j, value));
            }
        }
        return rows;
    }
}
