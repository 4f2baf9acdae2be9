namespace Cradle.Reports;

/// <summary>The one exception family of Cradle.Reports: results that cannot be turned into a report (not Cradle results, or a schema this version does not read).</summary>
public sealed class ReportException : Exception
{
    /// <summary>Creates the exception with a message saying what was expected.</summary>
    public ReportException(string message) : base(message)
    {
    }
}
