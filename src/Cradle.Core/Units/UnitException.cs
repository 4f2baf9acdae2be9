namespace Cradle.Core.Units;

/// <summary>
/// A unit that cannot be read, or quantities whose units do not fit together (adding kWh to kg).
/// The message names both units and what each measures.
/// </summary>
public sealed class UnitException : CradleCoreException
{
    /// <summary>Creates the exception with a message that says how to fix the input.</summary>
    public UnitException(string message) : base(message)
    {
    }
}
