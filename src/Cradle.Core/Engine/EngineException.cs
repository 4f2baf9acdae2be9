namespace Cradle.Core.Engine;

/// <summary>
/// A product system the engine cannot solve: a singular technosphere (a loop of processes that consume all
/// they make), an unknown demanded product, or amounts that evaluate to NaN or infinity.
/// </summary>
public sealed class EngineException : CradleCoreException
{
    /// <summary>Creates the exception with a message naming the processes or products involved.</summary>
    public EngineException(string message) : base(message)
    {
    }
}
