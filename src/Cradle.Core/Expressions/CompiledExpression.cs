namespace Cradle.Core.Expressions;

/// <summary>
/// An expression compiled once into a postfix program over numbered slots (one slot per parameter), so that
/// evaluating it is a tight loop with no name look-ups. Values are in the coherent base units of their dimensions.
/// The same program evaluates one set of values (<see cref="Evaluate"/>) or whole columns of samples at once
/// (<see cref="EvaluateColumns(Func{int, ReadOnlyMemory{double}}, Span{double})"/>), which is how Monte Carlo will run it.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Instruction[] _program;
    private readonly int _maxStack;

    private CompiledExpression(Instruction[] program, int maxStack, string text)
    {
        _program = program;
        _maxStack = maxStack;
        Text = text;
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>The distinct slots the expression reads.</summary>
    public IReadOnlyList<int> Slots => _program.Where(i => i.Code == OpCode.Slot).Select(i => i.Slot).Distinct().ToList();

    /// <summary>True when the expression names no parameter.</summary>
    public bool IsConstant => _program.All(i => i.Code != OpCode.Slot);

    /// <summary>Compiles a parsed (and dimension-checked) expression.</summary>
    /// <param name="node">The expression tree.</param>
    /// <param name="slotOf">The slot number of each parameter name.</param>
    /// <param name="text">The source text, kept for messages.</param>
    public static CompiledExpression Compile(ExpressionNode node, Func<string, int> slotOf, string text)
    {
        var program = new List<Instruction>();
        var depth = 0;
        var maxDepth = 0;
        void Emit(Instruction instruction, int stackEffect)
        {
            program.Add(instruction);
            depth += stackEffect;
            maxDepth = Math.Max(maxDepth, depth);
        }
        // Post-order is postfix order; walking it in a loop keeps long chains (1 + 1 + … + 1) off the call stack.
        foreach (var n in ExpressionWalk.PostOrder(node))
        {
            switch (n)
            {
                case NumberNode number:
                    Emit(new Instruction(OpCode.Constant, number.Value, 0, 0), 1);
                    break;
                case ParameterNode parameter:
                    Emit(new Instruction(OpCode.Slot, 0, slotOf(parameter.Name), 0), 1);
                    break;
                case NegateNode:
                    Emit(new Instruction(OpCode.Negate, 0, 0, 0), 0);
                    break;
                case BinaryNode binary:
                    Emit(new Instruction(BinaryCode(binary.Operator), 0, 0, 0), -1);
                    break;
                case CallNode call:
                    Emit(new Instruction(CallCode(call.Function), 0, 0, call.Arguments.Count), 1 - call.Arguments.Count);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown expression node {n.GetType().Name}.");
            }
        }
        return new CompiledExpression([.. program], maxDepth, text);
    }

    /// <summary>Evaluates with one value per slot.</summary>
    public double Evaluate(ReadOnlySpan<double> slots)
    {
        Span<double> stack = _maxStack <= 64 ? stackalloc double[_maxStack] : new double[_maxStack];
        var top = -1;
        foreach (var op in _program)
        {
            switch (op.Code)
            {
                case OpCode.Constant: stack[++top] = op.Constant; break;
                case OpCode.Slot: stack[++top] = slots[op.Slot]; break;
                case OpCode.Negate: stack[top] = -stack[top]; break;
                case OpCode.Add: top--; stack[top] += stack[top + 1]; break;
                case OpCode.Subtract: top--; stack[top] -= stack[top + 1]; break;
                case OpCode.Multiply: top--; stack[top] *= stack[top + 1]; break;
                case OpCode.Divide: top--; stack[top] /= stack[top + 1]; break;
                case OpCode.Power: top--; stack[top] = Math.Pow(stack[top], stack[top + 1]); break;
                case OpCode.Exp: stack[top] = Math.Exp(stack[top]); break;
                case OpCode.Log: stack[top] = Math.Log(stack[top]); break;
                case OpCode.Sqrt: stack[top] = Math.Sqrt(stack[top]); break;
                case OpCode.Abs: stack[top] = Math.Abs(stack[top]); break;
                case OpCode.Ceiling: stack[top] = Math.Ceiling(stack[top]); break;
                case OpCode.Floor: stack[top] = Math.Floor(stack[top]); break;
                case OpCode.Round: stack[top] = RoundingFunctions.Round(stack[top]); break;
                case OpCode.CeilPow2: stack[top] = RoundingFunctions.CeilPow2(stack[top]); break;
                case OpCode.Min:
                case OpCode.Max:
                    var first = top - op.Arity + 1;
                    var best = stack[first];
                    for (var i = first + 1; i <= top; i++)
                    {
                        best = op.Code == OpCode.Min ? Math.Min(best, stack[i]) : Math.Max(best, stack[i]);
                    }
                    top = first;
                    stack[top] = best;
                    break;
            }
        }
        return stack[0];
    }

    /// <summary>
    /// Evaluates over columns of samples: <paramref name="column"/> gives the samples of one slot,
    /// and sample i of the result is written to <paramref name="result"/>[i].
    /// </summary>
    public void EvaluateColumns(Func<int, ReadOnlyMemory<double>> column, Span<double> result)
    {
        var stack = new double[_maxStack][];
        for (var i = 0; i < _maxStack; i++)
        {
            stack[i] = new double[result.Length];
        }
        EvaluateColumns(column, result, stack);
    }

    /// <summary>The depth of the evaluation stack: how many work columns <see cref="EvaluateColumns(Func{int, ReadOnlyMemory{double}}, Span{double}, double[][])"/> needs.</summary>
    public int StackDepth => _maxStack;

    /// <summary>
    /// As <see cref="EvaluateColumns(Func{int, ReadOnlyMemory{double}}, Span{double})"/>, with caller-owned work columns
    /// (at least <see cref="StackDepth"/> arrays of at least <paramref name="result"/>'s length) so that Monte Carlo
    /// allocates nothing per block.
    /// </summary>
    public void EvaluateColumns(Func<int, ReadOnlyMemory<double>> column, Span<double> result, double[][] stack)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(stack);
        var n = result.Length;
        var top = -1;
        foreach (var op in _program)
        {
            switch (op.Code)
            {
                case OpCode.Constant: stack[++top].AsSpan(0, n).Fill(op.Constant); break;
                case OpCode.Slot: column(op.Slot).Span[..n].CopyTo(stack[++top]); break;
                case OpCode.Min or OpCode.Max:
                    var first = top - op.Arity + 1;
                    for (var a = first + 1; a <= top; a++)
                    {
                        Combine(stack[first].AsSpan(0, n), stack[a], op.Code);
                    }
                    top = first;
                    break;
                case OpCode.Add or OpCode.Subtract or OpCode.Multiply or OpCode.Divide or OpCode.Power:
                    top--;
                    Combine(stack[top].AsSpan(0, n), stack[top + 1], op.Code);
                    break;
                default:
                    Apply(stack[top].AsSpan(0, n), op.Code);
                    break;
            }
        }
        stack[0].AsSpan(0, n).CopyTo(result);
    }

    private static void Combine(Span<double> left, double[] right, OpCode code)
    {
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = code switch
            {
                OpCode.Add => left[i] + right[i],
                OpCode.Subtract => left[i] - right[i],
                OpCode.Multiply => left[i] * right[i],
                OpCode.Divide => left[i] / right[i],
                OpCode.Power => Math.Pow(left[i], right[i]),
                OpCode.Min => Math.Min(left[i], right[i]),
                _ => Math.Max(left[i], right[i]),
            };
        }
    }

    private static void Apply(Span<double> values, OpCode code)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = code switch
            {
                OpCode.Negate => -values[i],
                OpCode.Exp => Math.Exp(values[i]),
                OpCode.Log => Math.Log(values[i]),
                OpCode.Sqrt => Math.Sqrt(values[i]),
                OpCode.Ceiling => Math.Ceiling(values[i]),
                OpCode.Floor => Math.Floor(values[i]),
                OpCode.Round => RoundingFunctions.Round(values[i]),
                OpCode.CeilPow2 => RoundingFunctions.CeilPow2(values[i]),
                _ => Math.Abs(values[i]),
            };
        }
    }

    private static OpCode BinaryCode(char op) => op switch
    {
        '+' => OpCode.Add,
        '-' => OpCode.Subtract,
        '*' => OpCode.Multiply,
        '/' => OpCode.Divide,
        _ => OpCode.Power,
    };

    private static OpCode CallCode(string function) => function switch
    {
        "min" => OpCode.Min,
        "max" => OpCode.Max,
        "exp" => OpCode.Exp,
        "log" => OpCode.Log,
        "sqrt" => OpCode.Sqrt,
        "ceil" => OpCode.Ceiling,
        "floor" => OpCode.Floor,
        "round" => OpCode.Round,
        "ceil_pow2" => OpCode.CeilPow2,
        _ => OpCode.Abs,
    };

    private enum OpCode : byte
    {
        Constant, Slot, Negate, Add, Subtract, Multiply, Divide, Power, Exp, Log, Sqrt, Abs, Ceiling, Floor, Round, CeilPow2, Min, Max,
    }

    private readonly record struct Instruction(OpCode Code, double Constant, int Slot, int Arity);

    /// <inheritdoc />
    public override string ToString() => Text;
}
