using System.Globalization;
using Cradle.Core.Units;

namespace Cradle.Core.Expressions;

/// <summary>
/// Works out the dimension of an expression from the dimensions of the parameters it names, and rejects
/// operations that mix dimensions: kWh + kg, exp(kWh), a dimensioned base raised to a non-constant power, ceil(h).
/// </summary>
public static class DimensionInference
{
    /// <summary>The dimension of <paramref name="node"/>; throws <see cref="ExpressionException"/> on a mismatch.</summary>
    /// <param name="node">The parsed expression.</param>
    /// <param name="unitOf">The declared unit of each referenced parameter (names are known to exist).</param>
    public static Dimension Infer(ExpressionNode node, Func<string, Unit> unitOf)
    {
        // Evaluated over the post-order with a stack of dimensions, as the compiled program evaluates values,
        // so that a long chain such as 1 + 1 + … + 1 cannot exhaust the call stack.
        var dimensions = new Stack<Dimension>();
        foreach (var n in ExpressionWalk.PostOrder(node))
        {
            switch (n)
            {
                case NumberNode:
                    dimensions.Push(Dimension.None);
                    break;
                case ParameterNode p:
                    dimensions.Push(unitOf(p.Name).Dimension);
                    break;
                case NegateNode:
                    break; // the operand's dimension stays on top
                case BinaryNode b:
                    var right = dimensions.Pop();
                    var left = dimensions.Pop();
                    dimensions.Push(InferBinary(b, left, right, unitOf));
                    break;
                case CallNode c:
                    var arguments = new Dimension[c.Arguments.Count];
                    for (var i = arguments.Length - 1; i >= 0; i--)
                    {
                        arguments[i] = dimensions.Pop();
                    }
                    dimensions.Push(InferCall(c, arguments, unitOf));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown expression node {n.GetType().Name}.");
            }
        }
        return dimensions.Pop();
    }

    private static Dimension InferBinary(BinaryNode node, Dimension left, Dimension right, Func<string, Unit> unitOf)
    {
        switch (node.Operator)
        {
            case '+' or '-':
                if (left != right)
                {
                    var verb = node.Operator == '+' ? "add" : "subtract";
                    throw new ExpressionException(
                        $"Cannot {verb} {Describe(node.Right, right, unitOf)} and {Describe(node.Left, left, unitOf)}: they measure different things.",
                        node.Position) { IsUnitMismatch = true };
                }
                return left;
            case '*':
                return WithinRange(() => left * right, node);
            case '/':
                return WithinRange(() => left / right, node);
            default: // '^'
                if (right != Dimension.None)
                {
                    throw new ExpressionException($"The exponent must be a pure number, not {right.WithArticle()}.", node.Right.Position) { IsUnitMismatch = true };
                }
                if (left == Dimension.None)
                {
                    return left;
                }
                var power = ConstantValue(node.Right);
                if (power is null || power != Math.Round(power.Value))
                {
                    throw new ExpressionException(
                        $"{Capitalised(left.WithArticle())} can only be raised to a constant whole number, so that the result has a unit.", node.Right.Position) { IsUnitMismatch = true };
                }
                return WithinRange(() => left.Pow((int)power.Value), node);
        }
    }

    /// <summary>Exponents are stored in a byte: a unit such as kWh^200 becomes an error here, not an OverflowException.</summary>
    private static Dimension WithinRange(Func<Dimension> combine, ExpressionNode node)
    {
        try
        {
            return combine();
        }
        catch (OverflowException)
        {
            throw new ExpressionException(
                "The unit of this expression has an exponent too large to represent (beyond ±127); use a smaller power.", node.Position) { IsUnitMismatch = true };
        }
    }

    private static Dimension InferCall(CallNode node, Dimension[] dimensions, Func<string, Unit> unitOf)
    {
        switch (node.Function)
        {
            case "min" or "max":
                for (var i = 1; i < dimensions.Length; i++)
                {
                    if (dimensions[i] != dimensions[0])
                    {
                        throw new ExpressionException(
                            $"'{node.Function}' compares {Describe(node.Arguments[0], dimensions[0], unitOf)} with {Describe(node.Arguments[i], dimensions[i], unitOf)}: they measure different things.",
                            node.Arguments[i].Position) { IsUnitMismatch = true };
                    }
                }
                return dimensions[0];
            case "abs":
                return dimensions[0];
            case "sqrt":
                return dimensions[0].Sqrt() ?? throw new ExpressionException(
                    $"The square root of {dimensions[0].WithArticle()} has no unit.", node.Arguments[0].Position) { IsUnitMismatch = true };
            case "ceil" or "floor" or "round" or "ceil_pow2":
                // Rounding a dimensioned value depends on the unit it is written in (ceil(90 min) is 90 in minutes but
                // 2 in hours), and values are held in base units, so the caller must say the unit by dividing by it.
                if (!dimensions[0].IsDimensionless)
                {
                    throw new ExpressionException(
                        $"'{node.Function}' rounds a pure number, but its argument is {dimensions[0].WithArticle()}; rounding depends on the unit, so divide by a parameter in the unit to round in (e.g. {node.Function}(gpu_time / one_hour)), and multiply back if you need the unit.",
                        node.Arguments[0].Position) { IsUnitMismatch = true };
                }
                return Dimension.None;
            default: // exp, log
                if (!dimensions[0].IsDimensionless)
                {
                    throw new ExpressionException(
                        $"'{node.Function}' needs a pure number, but its argument is {dimensions[0].WithArticle()}; divide it by a reference amount first.",
                        node.Arguments[0].Position) { IsUnitMismatch = true };
                }
                return Dimension.None;
        }
    }

    private static string Describe(ExpressionNode node, Dimension dimension, Func<string, Unit> unitOf) =>
        node is ParameterNode p
            ? string.Create(CultureInfo.InvariantCulture, $"'{p.Name}' in {unitOf(p.Name).Symbol} ({dimension})")
            : dimension.WithArticle();

    /// <summary>The value of an expression made only of numbers, or null (recursion bounded by the parser's nesting limit).</summary>
    private static double? ConstantValue(ExpressionNode node) => node switch
    {
        NumberNode n => n.Value,
        NegateNode n => -ConstantValue(n.Operand),
        _ => null,
    };

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
