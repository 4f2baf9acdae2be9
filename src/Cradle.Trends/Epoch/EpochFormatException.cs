namespace Cradle.Trends.Epoch;

/// <summary>The Epoch table cannot be read: a column is missing, a quote is unbalanced or a number is malformed.</summary>
public sealed class EpochFormatException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="line">The file line (1-based) it was found on, or null for the whole file.</param>
    /// <param name="field">The column concerned, or null.</param>
    /// <param name="inner">The parser's own error, if any.</param>
    public EpochFormatException(string message, int? line, string? field, Exception? inner = null)
        : base(Describe(message, line, field), inner)
    {
        Line = line;
        Field = field;
    }

    /// <summary>Creates the error with a message only.</summary>
    public EpochFormatException(string message) : base(message) { }

    /// <summary>Creates the error with a message and its cause.</summary>
    public EpochFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the error without a message.</summary>
    public EpochFormatException() { }

    /// <summary>The file line (1-based), or null.</summary>
    public int? Line { get; }

    /// <summary>The column concerned, or null.</summary>
    public string? Field { get; }

    private static string Describe(string message, int? line, string? field) =>
        (line, field) switch
        {
            (null, null) => message,
            (null, _) => $"column '{field}': {message}",
            (_, null) => $"line {line}: {message}",
            _ => $"line {line}, column '{field}': {message}",
        };
}
