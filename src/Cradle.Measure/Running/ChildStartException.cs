namespace Cradle.Measure.Running;

/// <summary>The command could not be started (not found, not executable).</summary>
public sealed class ChildStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChildStartException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChildStartException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChildStartException(string message) : base(message)
    {
    }
}
