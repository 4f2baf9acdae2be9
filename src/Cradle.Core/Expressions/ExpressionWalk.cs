namespace Cradle.Core.Expressions;

/// <summary>
/// Visits an expression tree without recursion. A flat sum of 20,000 terms is a left-leaning tree 20,000 nodes deep
/// (the parser limits nesting, not chain length), so every walk over a tree goes through here rather than recursing.
/// </summary>
internal static class ExpressionWalk
{
    /// <summary>
    /// The nodes in post-order: each node after its children, children left to right. This is the order of a postfix
    /// program, and parameter references come out in reading order.
    /// </summary>
    public static IEnumerable<ExpressionNode> PostOrder(ExpressionNode root)
    {
        var stack = new Stack<(ExpressionNode Node, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded)
            {
                yield return node;
                continue;
            }
            stack.Push((node, true));
            switch (node)
            {
                case NegateNode negate:
                    stack.Push((negate.Operand, false));
                    break;
                case BinaryNode binary:
                    stack.Push((binary.Right, false));
                    stack.Push((binary.Left, false));
                    break;
                case CallNode call:
                    for (var i = call.Arguments.Count - 1; i >= 0; i--)
                    {
                        stack.Push((call.Arguments[i], false));
                    }
                    break;
            }
        }
    }
}
