using System.Globalization;
using Cradle.Core.Expressions;
using CsCheck;

namespace Cradle.Core.Tests.Expressions;

public class ColumnEvaluationProperties
{
    private const int Slots = 3;

    /// <summary>Random expressions over slots x0, x1, x2 using every operator and function.</summary>
    private static readonly Gen<string> Expression = Gen.Recursive<string>((depth, inner) =>
    {
        var leaf = Gen.OneOf(
            Gen.Int[0, Slots - 1].Select(i => $"x{i}"),
            Gen.Double[-5, 5].Select(v => v.ToString("R", CultureInfo.InvariantCulture)).Select(v => $"({v})"));
        if (depth >= 4)
        {
            return leaf;
        }
        return Gen.Frequency(
            (3, leaf),
            (4, Gen.Select(inner, Gen.OneOf('+', '-', '*', '/', '^'), inner, (a, op, b) => $"({a} {op} {b})")),
            (1, inner.Select(a => $"-{a}")),
            (2, Gen.Select(Gen.OneOf("exp", "log", "sqrt", "abs", "ceil", "floor", "round", "ceil_pow2"), inner, (f, a) => $"{f}({a})")),
            (2, Gen.Select(Gen.OneOf("min", "max"), inner.Array[2, 4], (f, args) => $"{f}({string.Join(", ", args)})")));
    });

    [Fact]
    public void Evaluating_columns_equals_evaluating_each_sample_on_its_own()
    {
        var gen = Gen.Select(Expression, Gen.Double[-10, 10].Array[Slots].Array[1, 8]);

        gen.Sample((text, samples) =>
        {
            var compiled = CompiledExpression.Compile(ExpressionParser.Parse(text), n => int.Parse(n[1..], CultureInfo.InvariantCulture), text);
            var columns = Enumerable.Range(0, Slots)
                .Select(slot => samples.Select(sample => sample[slot]).ToArray())
                .ToArray();
            var result = new double[samples.Length];

            compiled.EvaluateColumns(slot => columns[slot], result);

            for (var i = 0; i < samples.Length; i++)
            {
                // Same operations in the same order: bit-for-bit equal, NaN included.
                Assert.Equal(compiled.Evaluate(samples[i]), result[i]);
            }
        }, iter: 2000);
    }
}
