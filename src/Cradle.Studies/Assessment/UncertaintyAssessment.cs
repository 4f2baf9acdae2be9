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
    IReadOnlyList<(string Stage, IReadOnlyList<SampleStatistics> Values)> Stages, int DeterministicInputs);

/// <summary>How to run Monte Carlo.</summary>
/// <param name="Iterations">Number of samples, ≥ 1.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Threads">Threads to use, ≥ 1.</param>
public sealed record MonteCarloOptions(int Iterations, ulong Seed, int Threads);
