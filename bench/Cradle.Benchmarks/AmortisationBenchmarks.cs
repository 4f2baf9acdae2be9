using BenchmarkDotNet.Attributes;
using Cradle.Core.Interpretation;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;

namespace Cradle.Benchmarks;

/// <summary>
/// The amortisation step of <c>assess --mc 100000</c> on the example's first alternative: the curve's band at eight
/// lifetimes and the break-even band, per category, over all draws. The way of commit 4063fc7 (inference per request
/// through LINQ per category, a summary by copy and in-place selection per point, the break-even draws filtered through
/// LINQ) is reproduced for the bands alone; <see cref="BreakEvenAnalysis.RunOnDraws"/> is the whole analysis now.
/// </summary>
[MemoryDiagnoser]
public class AmortisationBenchmarks
{
    private CompiledStudy _study = null!;
    private MonteCarloResult _run = null!;
    private int _slot;

    [GlobalSetup]
    public void Setup()
    {
        _study = StudyAssessor.Compile(ExampleStudy.Text, ExampleStudy.Path, [], null).Alternatives[0];
        _slot = BreakEvenAnalysis.TrackedSlots(_study)[0];
        _run = UncertaintyAnalysis.Sample(_study, new MonteCarloOptions(100_000, 1, 1), [_slot]);
    }

    [Benchmark(Baseline = true, Description = "bands of the curve and the break-even, 100,000 draws: the way of 4063fc7")]
    public double Before()
    {
        var requests = _study.Demand.Amount;
        var lifetimeDraws = _run.Tracked[_slot];
        var categories = _study.Method.Categories.Count;
        var inferenceDraws = Enumerable.Range(0, categories).Select(k => Enumerable.Range(0, _run.Iterations)
            .Select(s => (_run.Impacts[0][k][s] - (requests * _run.Impacts[1][k][s] / lifetimeDraws[s])) / requests).ToArray()).ToArray();
        var buffer = new double[_run.Iterations];
        var total = 0.0;
        foreach (var n in BreakEvenAnalysis.DefaultLifetimes)
        {
            for (var k = 0; k < categories; k++)
            {
                for (var s = 0; s < buffer.Length; s++)
                {
                    buffer[s] = requests * (inferenceDraws[k][s] + (_run.Impacts[1][k][s] / n));
                }
                total += PreviousStatistics.Of(buffer);
            }
        }
        for (var k = 0; k < categories; k++)
        {
            var draws = Enumerable.Range(0, _run.Iterations).Select(s => Amortisation.BreakEven(inferenceDraws[k][s], _run.Impacts[1][k][s]))
                .OfType<double>().ToArray();
            total += draws.Length == 0 ? 0 : PreviousStatistics.Of(draws);
        }
        return total;
    }

    [Benchmark(Description = "the whole analysis, 100,000 draws: BreakEvenAnalysis.RunOnDraws")]
    public BreakEvenResult After() => BreakEvenAnalysis.RunOnDraws(_study, BreakEvenAnalysis.DefaultLifetimes, 0.1, _run);
}
