using BenchmarkDotNet.Attributes;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;

namespace Cradle.Benchmarks;

/// <summary>
/// The statistics step of <c>assess --mc 100000</c>: one sample's summary (mean, SD, seven percentiles) by the full
/// sort it used to take (copy, sort, sum in sorted order), against one copy with the percentiles selected in place
/// (<see cref="PreviousStatistics"/>, the way of commit 4063fc7), against <see cref="SampleStatistics.Of"/> (bucketed
/// selection, no copy, range and sum in one pass); and every summary of the example's run (totals, stages,
/// histograms), as <see cref="UncertaintyAnalysis.Summarise"/> makes them.
/// </summary>
[MemoryDiagnoser]
public class SampleSummaryBenchmarks
{
    private static readonly double[] Ps = [0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975];
    private double[] _draws = [];
    private CompiledStudy _study = null!;
    private MonteCarloResult _run = null!;

    [GlobalSetup]
    public void Setup()
    {
        _draws = new double[100_000];
        new LognormalDistribution(100, 1.8).Sample(new RandomDraws(42, "bench", 0), _draws);
        _study = StudyAssessor.Compile(ExampleStudy.Text, ExampleStudy.Path, [], null).Alternatives[0];
        _run = UncertaintyAnalysis.Sample(_study, new MonteCarloOptions(100_000, 1, 1));
    }

    [Benchmark(Baseline = true, Description = "one summary of 100,000 draws: full sort (the old way)")]
    public double FullSort()
    {
        var sorted = _draws.ToArray();
        Array.Sort(sorted);
        var mean = 0.0;
        foreach (var x in sorted)
        {
            mean += x;
        }
        mean /= sorted.Length;
        var squares = 0.0;
        foreach (var x in sorted)
        {
            squares += (x - mean) * (x - mean);
        }
        var sum = mean + Math.Sqrt(squares / (sorted.Length - 1));
        foreach (var p in Ps)
        {
            sum += SampleStatistics.Percentile(sorted, p);
        }
        return sum;
    }

    [Benchmark(Description = "one summary of 100,000 draws: copy, select in place (4063fc7)")]
    public double SelectInPlace() => PreviousStatistics.Of(_draws);

    [Benchmark(Description = "one summary of 100,000 draws: SampleStatistics.Of (bucketed selection)")]
    public SampleStatistics Selection() => SampleStatistics.Of(_draws);

    [Benchmark(Description = "every summary of the example's 100,000-draw run (Summarise)")]
    public UncertaintyAssessment Summarise() => UncertaintyAnalysis.Summarise(_study, _run);
}
