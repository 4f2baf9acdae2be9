using Cradle.Core.Expressions;

namespace Cradle.Core.Tests.Expressions;

/// <summary>Parses, compiles and evaluates an expression over named pure numbers (slot i = i-th name).</summary>
internal static class Evaluate
{
    public static double Text(string text, params (string Name, double Value)[] parameters)
    {
        var names = parameters.Select(p => p.Name).ToList();
        var compiled = CompiledExpression.Compile(ExpressionParser.Parse(text), names.IndexOf, text);
        return compiled.Evaluate(parameters.Select(p => p.Value).ToArray());
    }
}
