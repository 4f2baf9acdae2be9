namespace Cradle.Import.Slurm;

/// <summary>One record of sacct output, by field name (case-insensitive, as sacct's header or <c>--format</c> names it).</summary>
/// <param name="Line">The 1-based line in the file (for JSON, the line where the job object starts, else 1).</param>
/// <param name="Where">How a message locates it, e.g. "line 12" or "jobs[3]".</param>
/// <param name="Cells">The field values with the column each came from.</param>
internal sealed record SacctRow(int Line, string Where, IReadOnlyDictionary<string, SacctCell> Cells)
{
    /// <summary>The cell of <paramref name="field"/>, or null when the file has no such column.</summary>
    public SacctCell? Cell(string field) => Cells.GetValueOrDefault(field);

    /// <summary>The first of <paramref name="fields"/> that the file has and that is not empty; null when none is.</summary>
    public SacctCell? FirstNonEmpty(params string[] fields) =>
        fields.Select(Cell).FirstOrDefault(c => c is not null && c.Text.Length > 0);
}

/// <summary>One field value of a record.</summary>
/// <param name="Field">The field's name as the file writes it, e.g. "AllocTRES".</param>
/// <param name="Text">The value, trimmed.</param>
/// <param name="Column">Where it is: "column 23 (AllocTRES)" in a text file, "jobs[3].tres.allocated" in JSON.</param>
/// <param name="Index">The 1-based field number in a text file; 1 in JSON.</param>
internal sealed record SacctCell(string Field, string Text, string Column, int Index = 1);
