using BenchmarkDotNet.Attributes;
using Cradle.Core.Expressions;

namespace Cradle.Benchmarks;

/// <summary>
/// Evaluating a typical study expression for 10,000 Monte Carlo samples: one sample at a time versus whole
/// columns at once (how Monte Carlo will run it). The ratio guides the sampling engine's design.
/// </summary>
[MemoryDiagnoser]
public class ExpressionBenchmarks
{
    private const int Samples = 10_000;
    private CompiledExpression _expression = null!;
    private double[][] _columns = null!;
    private double[] _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        var names = new[] { "energy", "pue", "intensity", "hours", "lifespan", "embodied" };
        var tree = ExpressionParser.Parse("energy * pue * intensity + hours / lifespan * embodied");
        _expression = CompiledExpression.Compile(tree, n => Array.IndexOf(names, n), "bench");
        var random = new Random(42);
        _columns = names.Select(_ => Enumerable.Range(0, Samples).Select(_ => random.NextDouble() + 0.5).ToArray()).ToArray();
        _result = new double[Samples];
    }

    [Benchmark(Baseline = true, Description = "per sample")]
    public double PerSample()
    {
        Span<double> slots = stackalloc double[_columns.Length];
        var sum = 0.0;
        for (var i = 0; i < Samples; i++)
        {
            for (var s = 0; s < slots.Length; s++)
            {
                slots[s] = _columns[s][i];
            }
            sum += _expression.Evaluate(slots);
        }
        return sum;
    }

    [Benchmark(Description = "whole columns")]
    public double Columns()
    {
        _expression.EvaluateColumns(s => _columns[s], _result);
        return _result[^1];
    }
}
