using BenchmarkDotNet.Attributes;
using Cradle.Core.Engine.Sparse;
using Cradle.Core.Tests.Engine.Sparse;

namespace Cradle.Benchmarks;

/// <summary>
/// The sparse engine (issue 16) on the ecoinvent-shaped system of 20,000 processes (seed 16, the matrix that
/// <c>write-matrix-market 20000 16</c> gives scripts/scipy-sparse-solve.py): one solve from scratch, every activity's
/// score for one category from scratch, and 1,000 Monte Carlo demands against a background factored once.
/// </summary>
[MemoryDiagnoser]
public class SparseEngineBenchmarks
{
    private EcoinventShapedSystem _system = null!;
    private SparseTechnosphere _background = null!;
    private double[] _demand = null!;
    private double[][] _draws = null!;

    [Params(20_000)]
    public int Processes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = EcoinventShapedSystem.Generate(Processes, 16);
        _background = new SparseTechnosphere(_system.Inputs, Name);
        _demand = new double[Processes];
        _demand[0] = 1;
        // A foreground drawn 1,000 times: each draw demands 10 background products in lognormal amounts.
        var random = new Random(1);
        _draws = new double[1000][];
        for (var d = 0; d < _draws.Length; d++)
        {
            _draws[d] = new double[Processes];
            for (var k = 0; k < 10; k++)
            {
                _draws[d][(k * 1999) % Processes] = Math.Exp(0.3 * (random.NextDouble() - 0.5));
            }
        }
    }

    [Benchmark(Description = "one solve (pattern, ILU(0), BiCGSTAB, residual check)")]
    public double[] OneSolve() => new SparseTechnosphere(_system.Inputs, Name).Solve(_demand);

    [Benchmark(Description = "one more demand, background factored")]
    public double[] OneMoreDemand() => _background.Solve(_demand);

    [Benchmark(Description = "all-activity scores, one category (from scratch)")]
    public double[] AllActivityScores() =>
        ActivityScores.ForCategory(new SparseTechnosphere(_system.Inputs, Name), _system.Biosphere, _system.Categories[0]);

    [Benchmark(Description = "1,000 Monte Carlo demands, background fixed")]
    public double MonteCarloFixedBackground()
    {
        var total = 0.0;
        foreach (var demand in _draws)
        {
            total += _background.Solve(demand)[0];
        }
        return total;
    }

    [Benchmark(Description = "refill and refactor the background (numeric only, as for a draw)")]
    public void RefactorDraw() => _background.Update(_system.Inputs);

    private static string Name(int j) => $"p{j}";
}
