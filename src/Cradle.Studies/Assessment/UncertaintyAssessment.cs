using Cradle.Core.Uncertainty;

namespace Cradle.Studies.Assessment;

/// <summary>What a Monte Carlo run of one alternative found: the distribution of each total and each stage's share.</summary>
/// <param name="Iterations">Number of samples.</param>
/// <param name="Seed">The seed (same seed, same results, whatever the thread count).</param>
/// <param name="Inputs">The uncertain inputs and their distributions, in their own units.</param>
/// <param name="Totals">Per category: statistics of the total per functional unit.</param>
/// <param name="Stages">Per stage, per category: statistics of its contribution.</param>
/// <param name="DeterministicInputs">How many inputs were taken as exact values.</param>
public sealed record UncertaintyAssessment(
    int Iterations, ulong Seed, IReadOnlyList<(string Name, string Distribution)> Inputs, IReadOnlyList<SampleStatistics> Totals,
    IReadOnlyList<(string Stage, IReadOnlyList<SampleStatistics> Values)> Stages, int DeterministicInputs)
{
    /// <summary>Per category: a histogram of the totals, for charts.</summary>
    public IReadOnlyList<Histogram> Histograms { get; init; } = [];
}

/// <summary>
/// Counts of samples in equal bins between the 0.5th and 99.5th percentiles (the few samples beyond fall in the end bins,
/// so one extreme draw does not flatten the picture).
/// </summary>
/// <param name="Edges">Bin edges, one more than bins.</param>
/// <param name="Counts">Samples per bin.</param>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<int> Counts)
{
    /// <summary>Bins <paramref name="sample"/> into <paramref name="bins"/> bins.</summary>
    public static Histogram Of(ReadOnlySpan<double> sample, int bins = 40)
    {
        // The two edges are selected, not sorted for, and without a copy: the counts do not depend on the draws' order.
        Span<double> edges = stackalloc double[2];
        OrderStatistics.PercentilesOf(sample, [0.005, 0.995], edges);
        var (low, high) = (edges[0], edges[1]);
        if (high <= low)
        {
            return new Histogram([low, low], [sample.Length]);
        }
        var width = (high - low) / bins;
        var counts = new int[bins];
        foreach (var x in sample)
        {
            counts[Math.Clamp((int)((x - low) / width), 0, bins - 1)]++;
        }
        return new Histogram(Enumerable.Range(0, bins + 1).Select(i => low + (i * width)).ToList(), counts);
    }
}

/// <summary>How to run Monte Carlo.</summary>
/// <param name="Iterations">Number of samples, ≥ 1.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Threads">Threads to use, ≥ 1.</param>
public sealed record MonteCarloOptions(int Iterations, ulong Seed, int Threads)
{
    /// <summary>Told the share of blocks done (0–1) as sampling proceeds, or null.</summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>Draws shared by the alternatives of one comparison, or null: each run draws its own.</summary>
    internal SharedDraws? Draws { get; init; }
}
