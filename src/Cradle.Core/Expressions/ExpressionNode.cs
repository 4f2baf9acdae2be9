namespace Cradle.Core.Expressions;

/// <summary>A node of a parsed expression. <see cref="Position"/> is the 0-based offset in the source text.</summary>
public abstract record ExpressionNode(int Position);

/// <summary>A numeric literal (always a pure number; units come from parameters).</summary>
public sealed record NumberNode(int Position, double Value) : ExpressionNode(Position);

/// <summary>A reference to a parameter by name.</summary>
public sealed record ParameterNode(int Position, string Name) : ExpressionNode(Position);

/// <summary>Unary minus.</summary>
public sealed record NegateNode(int Position, ExpressionNode Operand) : ExpressionNode(Position);

/// <summary>A binary operation: one of + − * / ^.</summary>
public sealed record BinaryNode(int Position, char Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode(Position);

/// <summary>A call of a built-in function (min, max, exp, log, sqrt, abs, ceil, floor, round, ceil_pow2).</summary>
public sealed record CallNode(int Position, string Function, IReadOnlyList<ExpressionNode> Arguments) : ExpressionNode(Position);
