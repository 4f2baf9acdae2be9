using BenchmarkDotNet.Attributes;
using Cradle.Core.Model;
using Cradle.Core.Uncertainty;

namespace Cradle.Benchmarks;

/// <summary>
/// Preparing Monte Carlo (building the <see cref="VectorisedModel"/>: consumers-first order, loop detection, the
/// characterised flows of every process) on acyclic chains of growing size. Each size is 4× the previous one, so the
/// ratio of the means is 4 where preparation is linear and 16 where it is quadratic.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloPreparationBenchmarks
{
    private ProductSystem _system = null!;

    [Params(500, 2000, 8000)]
    public int Processes { get; set; }

    [GlobalSetup]
    public void Setup() => _system = SyntheticSystems.Chain(Processes);

    [Benchmark(Description = "prepare the vectorised model")]
    public VectorisedModel Prepare() => new(_system, SyntheticSystems.Method);
}
