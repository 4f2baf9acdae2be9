using BenchmarkDotNet.Attributes;
using Cradle.Core.Engine;
using Cradle.Core.Model;

namespace Cradle.Benchmarks;

/// <summary>
/// One calculation (solve, inventory, impacts, contributions) on foreground systems: acyclic chains solved by
/// back-substitution, and the same chains with loops of 10 processes solved as dense LU blocks.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private ProductSystem _system = null!;
    private MatrixSet _matrices = null!;
    private Demand _demand = null!;

    [Params(10, 100, 1000)]
    public int Processes { get; set; }

    [Params(0, 10)]
    public int LoopLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = SyntheticSystems.Chain(Processes, LoopLength);
        _matrices = MatrixSet.Evaluate(_system, _system.Parameters.Evaluate());
        _demand = new Demand("p0", 1);
    }

    [Benchmark(Description = "evaluate matrices")]
    public MatrixSet Evaluate() => MatrixSet.Evaluate(_system, _system.Parameters.Evaluate());

    [Benchmark(Description = "calculate")]
    public LcaResult Calculate() => LcaCalculator.Calculate(_system, SyntheticSystems.Method, _demand, _matrices);
}
