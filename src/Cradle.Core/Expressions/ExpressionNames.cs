namespace Cradle.Core.Expressions;

/// <summary>Walks an expression tree for the parameter names it references.</summary>
public static class ExpressionNames
{
    /// <summary>The parameter references in <paramref name="node"/>, in reading order (with repeats).</summary>
    public static IEnumerable<ParameterNode> References(ExpressionNode node) => node switch
    {
        ParameterNode p => [p],
        NegateNode n => References(n.Operand),
        BinaryNode b => References(b.Left).Concat(References(b.Right)),
        CallNode c => c.Arguments.SelectMany(References),
        _ => [],
    };
}
