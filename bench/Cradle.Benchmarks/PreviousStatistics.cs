using System.Buffers;
using Cradle.Core.Uncertainty;

namespace Cradle.Benchmarks;

/// <summary>
/// The summary as <see cref="SampleStatistics.Of"/> made it before the bucketed selection (commit 4063fc7), reproduced
/// so that one benchmark run times both: copy the whole sample into a pooled array, select the seven percentiles in
/// place from it, then the range and the two compensated sums in separate passes. Same values.
/// </summary>
internal static class PreviousStatistics
{
    private static readonly double[] Reported = [0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975];

    /// <summary>Mean, SD and the seven percentiles, summed (what a benchmark returns).</summary>
    public static double Of(ReadOnlySpan<double> sample)
    {
        double min = sample[0], max = sample[0];
        foreach (var x in sample)
        {
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }
        var work = ArrayPool<double>.Shared.Rent(sample.Length);
        try
        {
            var draws = work.AsSpan(0, sample.Length);
            sample.CopyTo(draws);
            Span<double> p = stackalloc double[Reported.Length];
            OrderStatistics.Percentiles(draws, Reported, p);
            var mean = Math.Clamp(Sum(sample, null) / sample.Length, min, max);
            var sd = Math.Sqrt(Sum(sample, mean) / (sample.Length - 1));
            var total = mean + sd;
            foreach (var v in p)
            {
                total += v;
            }
            return total;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(work);
        }
    }

    private static double Sum(ReadOnlySpan<double> sample, double? centre)
    {
        double sum = 0, compensation = 0;
        foreach (var draw in sample)
        {
            var x = centre is { } c ? (draw - c) * (draw - c) : draw;
            var t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }
}
