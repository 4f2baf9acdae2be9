namespace Cradle.Import.MlEnergy;

/// <summary>
/// A file that is not an ML.ENERGY leaderboard record (or models.json, or a 2023 CSV) the importer can read: invalid
/// JSON, a missing key or column, text in a number, a negative energy. Nothing of the import is stored.
/// </summary>
public sealed class MlEnergyFormatException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="file">The file, as found from the command line's argument.</param>
    /// <param name="line">The 1-based line, ≥ 1.</param>
    /// <param name="column">The 1-based column (byte in the line), ≥ 1.</param>
    /// <param name="jsonPath">Where in the JSON, e.g. <c>$["Energy/req (J)"]</c>; <c>$</c> for the whole document. In a 2023
    /// (v1) CSV, the column instead, e.g. <c>column "energy"</c>, or <c>header</c> / <c>row</c>.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public MlEnergyFormatException(string file, int line, int column, string jsonPath, string problem)
        : base($"{file}:{line}:{column}: {jsonPath}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (byte in the line).</summary>
    public int Column { get; }

    /// <summary>The JSON path of the value at fault (in a v1 CSV, the column).</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Problem { get; }

    /// <summary>Not used: every error names its file, line, column and JSON path.</summary>
    public MlEnergyFormatException() : this("?", 1, 1, "$", "unreadable ML.ENERGY record") { }

    /// <summary>Not used: every error names its file, line, column and JSON path.</summary>
    public MlEnergyFormatException(string message) : this("?", 1, 1, "$", message) { }

    /// <summary>Not used: every error names its file, line, column and JSON path.</summary>
    public MlEnergyFormatException(string message, Exception innerException) : base(message, innerException)
    {
        File = "?";
        Line = 1;
        Column = 1;
        JsonPath = "$";
        Problem = message;
    }
}
