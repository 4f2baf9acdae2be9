using BenchmarkDotNet.Attributes;
using Cradle.Core.Uncertainty;

namespace Cradle.Benchmarks;

/// <summary>
/// Three percentiles (2.5 %, 50 %, 97.5 %) of 10,000 lognormal draws, as every band of a trend study needs: a full sort
/// then interpolation, against selecting the order statistics in place (<see cref="OrderStatistics"/>). Same values.
/// </summary>
public class PercentileBenchmarks
{
    private static readonly double[] Ps = [0.025, 0.5, 0.975];
    private double[] _draws = [];
    private double[] _work = [];
    private readonly double[] _results = new double[3];

    [GlobalSetup]
    public void Setup()
    {
        _draws = new double[10_000];
        new LognormalDistribution(100, 1.8).Sample(new RandomDraws(42, "bench", 0), _draws);
        _work = new double[_draws.Length];
    }

    [Benchmark(Baseline = true, Description = "sort, then interpolate")]
    public double Sort()
    {
        _draws.CopyTo(_work, 0);
        Array.Sort(_work);
        return SampleStatistics.Percentile(_work, 0.025) + SampleStatistics.Percentile(_work, 0.5) + SampleStatistics.Percentile(_work, 0.975);
    }

    [Benchmark(Description = "select in place")]
    public double Select()
    {
        _draws.CopyTo(_work, 0);
        OrderStatistics.Percentiles(_work, Ps, _results);
        return _results[0] + _results[1] + _results[2];
    }
}
