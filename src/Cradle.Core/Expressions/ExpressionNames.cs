namespace Cradle.Core.Expressions;

/// <summary>Walks an expression tree for the parameter names it references.</summary>
public static class ExpressionNames
{
    /// <summary>The parameter references in <paramref name="node"/>, in reading order (with repeats).</summary>
    public static IEnumerable<ParameterNode> References(ExpressionNode node) =>
        ExpressionWalk.PostOrder(node).OfType<ParameterNode>();
}
