namespace Cradle.Import.CodeCarbon;

/// <summary>
/// Why (part of) a CodeCarbon file cannot be imported. A file with any problem is imported not at all.
/// </summary>
/// <param name="Code">Stable code: empty-file, not-text, not-codecarbon, missing-column, duplicate-column, field-count,
/// bad-csv, bad-number, bad-timestamp, missing-value, out-of-range, no-rows, duplicate-file.</param>
/// <param name="File">The file as named on the command line.</param>
/// <param name="Line">1-based line in the file (the header is line 1); 0 when the problem is the whole file.</param>
/// <param name="Column">The column's header name, or null when the problem is not one column's.</param>
/// <param name="Message">What is wrong and what was expected.</param>
/// <param name="Suggestions">The closest valid column names, when a name looks mistyped; empty otherwise.</param>
public sealed record CodeCarbonProblem(string Code, string File, int Line, string? Column, string Message, IReadOnlyList<string> Suggestions)
{
    /// <summary>The problem as one line: <c>file:line: column 'name': message (did you mean …?)</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var column = Column is null ? "" : $" column '{Column}':";
        var hint = Suggestions.Count > 0 ? $" Did you mean {string.Join(", ", Suggestions.Select(s => $"'{s}'"))}?" : "";
        return $"{where}:{column} {Message}{hint}";
    }
}
