using BenchmarkDotNet.Attributes;
using Cradle.Core.Engine;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;

namespace Cradle.Benchmarks;

/// <summary>
/// Monte Carlo and Sobol on the OLMo 2 7B example (offline batching) with every fixed input made uncertain
/// (lognormal, GSD 1.1, around its value), against the per-sample way most LCA engines work: set the parameters,
/// rebuild the matrices, solve, once per iteration.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    private CompiledStudy _study = null!;
    private VectorisedModel _model = null!;
    private List<UncertainInput> _inputs = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _study = StudyAssessor.Compile(ExampleStudy.Text, ExampleStudy.Path, [], null).Alternatives[0];
        _model = new VectorisedModel(_study.System, _study.Method);
        _inputs = _study.System.Parameters.Parameters
            .Where(p => p.Formula is null && p.Definition.Value!.Value.BaseValue > 0)
            .Select(p => new UncertainInput(p.Name, p.Slot, new LognormalDistribution(p.Definition.Value!.Value.BaseValue, 1.1)))
            .ToList();
    }

    [Benchmark(Description = "Monte Carlo, 100,000 iterations, every input uncertain")]
    public MonteCarloResult MonteCarlo100k() =>
        MonteCarlo.Run(_model, [_study.Demand], _inputs, 100_000, 1, Threads);

    [Benchmark(Description = "Sobol, N = 4,096, every input uncertain, 200 bootstrap resamples")]
    public SensitivityResult Sobol4096() => SensitivityAnalysis.Run(_study, _inputs, 4096, 200, 1, Threads);

    [Benchmark(Description = "per-sample baseline, 1,000 iterations (rebuild matrices and solve each time)")]
    public double PerSample1000()
    {
        var sample = new double[1];
        var sum = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            var overrides = new Dictionary<string, double>(_inputs.Count);
            foreach (var input in _inputs)
            {
                input.Distribution.Sample(new RandomDraws(1, input.Name, i), sample);
                overrides[input.Name] = sample[0];
            }
            var values = _study.System.Parameters.Evaluate(overrides);
            sum += LcaCalculator.Calculate(_study.System, _study.Method, _study.Demand, values).Impacts[0];
        }
        return sum;
    }
}
