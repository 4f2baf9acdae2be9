namespace Cradle.Import.CodeCarbon;

/// <summary>One data row of an <c>emissions.csv</c>, its cells by column name, before interpretation.</summary>
/// <param name="File">The file as named on the command line.</param>
/// <param name="Line">1-based line of the row in the file.</param>
/// <param name="Cells">Cell text by header name (only the columns the file has).</param>
internal sealed record CodeCarbonRow(string File, int Line, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The cell's text, trimmed; null when the file has no such column or the cell is empty.</summary>
    public string? Text(string column) =>
        Cells.TryGetValue(column, out var value) && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>Whether the file has the column (empty or not).</summary>
    public bool Has(string column) => Cells.ContainsKey(column);
}
