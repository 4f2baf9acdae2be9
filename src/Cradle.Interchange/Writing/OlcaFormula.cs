using System.Globalization;
using Cradle.Core.Expressions;

namespace Cradle.Interchange.Writing;

/// <summary>
/// Writes a Cradle expression as an openLCA formula over the exported global parameters: numbers, parameter names,
/// + − * / ^ and parentheses (every operation parenthesised, so no precedence rule of either side matters), unary minus,
/// and the one-argument functions both have under one name (abs, sqrt, exp). Anything else — min and max (whose argument
/// separator differs between openLCA versions), log (natural in Cradle, decimal in openLCA), the roundings — gives no
/// formula: the exchange keeps its value, and its description says why. Numbers are written without exponent letters
/// (1.5E-05 as (1.5 * 10^(-5))), which every formula parser reads.
/// </summary>
internal static class OlcaFormula
{
    private static readonly HashSet<string> SameFunctions = new(StringComparer.Ordinal) { "abs", "sqrt", "exp" };

    /// <summary>The formula, or null with <paramref name="why"/> when the expression has no openLCA equivalent here.</summary>
    public static string? Translate(string expression, Func<string, string?> parameterName, out string? why)
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        try
        {
            var text = Write(ExpressionParser.Parse(expression), parameterName, out why);
            return why is null ? text : null;
        }
        catch (ExpressionException e)
        {
            why = e.Message;
            return null;
        }
    }

    private static string Write(ExpressionNode node, Func<string, string?> parameterName, out string? why)
    {
        why = null;
        switch (node)
        {
            case NumberNode number:
                return Number(number.Value);
            case ParameterNode parameter:
                if (parameterName(parameter.Name) is { } name)
                {
                    return name;
                }
                why = $"parameter '{parameter.Name}' is not exported";
                return "";
            case NegateNode negate:
                var operand = Write(negate.Operand, parameterName, out why);
                return $"(-{operand})";
            case BinaryNode binary:
                var left = Write(binary.Left, parameterName, out why);
                if (why is not null)
                {
                    return "";
                }
                var right = Write(binary.Right, parameterName, out why);
                return $"({left} {binary.Operator} {right})";
            case CallNode call when SameFunctions.Contains(call.Function) && call.Arguments.Count == 1:
                var argument = Write(call.Arguments[0], parameterName, out why);
                return $"{call.Function}({argument})";
            case CallNode call:
                why = $"the function '{call.Function}' has no formula equivalent Cradle writes";
                return "";
            default:
                why = "an expression Cradle does not translate";
                return "";
        }
    }

    /// <summary>
    /// The value of an expression that <see cref="Translate"/> writes (numbers, parameters, + − * / ^, abs, sqrt, exp),
    /// with each parameter's base value; used to find the factor from Cradle's base units to the exchange's unit.
    /// </summary>
    public static double Evaluate(string expression, Func<string, double> baseValue)
    {
        ArgumentNullException.ThrowIfNull(baseValue);
        return Evaluate(ExpressionParser.Parse(expression), baseValue);
    }

    private static double Evaluate(ExpressionNode node, Func<string, double> baseValue) => node switch
    {
        NumberNode n => n.Value,
        ParameterNode p => baseValue(p.Name),
        NegateNode n => -Evaluate(n.Operand, baseValue),
        BinaryNode { Operator: '+' } b => Evaluate(b.Left, baseValue) + Evaluate(b.Right, baseValue),
        BinaryNode { Operator: '-' } b => Evaluate(b.Left, baseValue) - Evaluate(b.Right, baseValue),
        BinaryNode { Operator: '*' } b => Evaluate(b.Left, baseValue) * Evaluate(b.Right, baseValue),
        BinaryNode { Operator: '/' } b => Evaluate(b.Left, baseValue) / Evaluate(b.Right, baseValue),
        BinaryNode { Operator: '^' } b => Math.Pow(Evaluate(b.Left, baseValue), Evaluate(b.Right, baseValue)),
        CallNode { Function: "abs" } c => Math.Abs(Evaluate(c.Arguments[0], baseValue)),
        CallNode { Function: "sqrt" } c => Math.Sqrt(Evaluate(c.Arguments[0], baseValue)),
        CallNode { Function: "exp" } c => Math.Exp(Evaluate(c.Arguments[0], baseValue)),
        _ => double.NaN,
    };

    /// <summary>A number as a formula: the shortest round-trip digits, an exponent as a power of ten.</summary>
    public static string Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['E', 'e']);
        // The exponent in parentheses: a sign right after ^ is not read by every formula grammar.
        return e < 0 ? text : $"({text[..e]} * 10^({int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}))";
    }
}
