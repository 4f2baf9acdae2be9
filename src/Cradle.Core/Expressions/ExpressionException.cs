namespace Cradle.Core.Expressions;

/// <summary>
/// An expression that cannot be parsed, or whose units do not fit together. <see cref="Position"/> is the
/// 0-based offset in the expression text where the problem starts, so callers can point at a column.
/// </summary>
public sealed class ExpressionException : CradleCoreException
{
    /// <summary>Creates the exception.</summary>
    public ExpressionException(string message, int position) : base(message) => Position = position;

    /// <summary>0-based offset of the problem in the expression text.</summary>
    public int Position { get; }

    /// <summary>
    /// A stable problem code when this problem has one of its own ("too-deep" for an expression nested beyond
    /// <see cref="ExpressionParser.MaxDepth"/>); null for ordinary syntax, name and unit problems, which callers code.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>True when the expression reads but its units do not fit (as opposed to syntax or unknown names).</summary>
    internal bool IsUnitMismatch { get; init; }
}
