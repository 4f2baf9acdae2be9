namespace Cradle.Results;

/// <summary>A results document that cannot be read: not JSON, another schema, or a field missing or of the wrong type.</summary>
public sealed class ResultsFormatException : Exception
{
    /// <summary>Creates the exception with a message naming the JSON path (or line and column) of the problem.</summary>
    public ResultsFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ResultsFormatException()
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ResultsFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
