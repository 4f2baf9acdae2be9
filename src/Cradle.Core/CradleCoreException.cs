namespace Cradle.Core;

/// <summary>
/// The one exception family of Cradle.Core: every error it raises for bad input derives from this,
/// and its message says what to change. Anything else escaping Core is a bug.
/// </summary>
public abstract class CradleCoreException : Exception
{
    /// <summary>Creates the exception with a message that says how to fix the input.</summary>
    protected CradleCoreException(string message) : base(message)
    {
    }
}
