namespace Cradle.Import.Slurm;

/// <summary>
/// A file that is not sacct output the importer can read (no header and no <c>--fields</c>, a wrong delimiter, a
/// truncated row, a missing required column, invalid JSON): nothing of the file is imported.
/// </summary>
public sealed class SlurmFormatException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="file">The file as named on the command line.</param>
    /// <param name="line">The 1-based line, ≥ 1.</param>
    /// <param name="column">The 1-based column (field number in a text file, byte in JSON), ≥ 1.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public SlurmFormatException(string file, int line, int column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file as named on the command line.</summary>
    public string File { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column: the field number in a text file, the byte in the line in JSON.</summary>
    public int Column { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Problem { get; }

    /// <summary>Not used: every error names its file, line and column.</summary>
    public SlurmFormatException() : this("?", 1, 1, "unreadable sacct output") { }

    /// <summary>Not used: every error names its file, line and column.</summary>
    public SlurmFormatException(string message) : this("?", 1, 1, message) { }

    /// <summary>Not used: every error names its file, line and column.</summary>
    public SlurmFormatException(string message, Exception innerException) : base(message, innerException)
    {
        File = "?";
        Problem = message;
        Line = 1;
        Column = 1;
    }
}
