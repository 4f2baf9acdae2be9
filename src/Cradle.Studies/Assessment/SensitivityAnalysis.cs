using Cradle.Core.Engine;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>One uncertain input's effect: its tornado swing and its Sobol indices, per category.</summary>
/// <param name="Input">The parameter.</param>
/// <param name="Distribution">Its distribution, in its own unit.</param>
/// <param name="AtLow">Per category: the total with the input at its 5th percentile, the others at their values.</param>
/// <param name="AtHigh">Per category: the total at its 95th percentile.</param>
/// <param name="First">Per category: Sobol first-order index (share of variance it explains alone).</param>
/// <param name="Total">Per category: Sobol total-order index (alone and in interaction).</param>
/// <param name="FirstInterval">95 % bootstrap interval of the first-order index.</param>
/// <param name="TotalInterval">95 % bootstrap interval of the total-order index.</param>
public sealed record InputSensitivity(
    string Input, string Distribution, IReadOnlyList<double> AtLow, IReadOnlyList<double> AtHigh,
    IReadOnlyList<double> First, IReadOnlyList<double> Total,
    IReadOnlyList<(double Low, double High)> FirstInterval, IReadOnlyList<(double Low, double High)> TotalInterval)
{
    /// <summary>|high − low| for category <paramref name="k"/>: the tornado bar's length.</summary>
    public double Swing(int k) => Math.Abs(AtHigh[k] - AtLow[k]);
}

/// <summary>The sensitivity of one alternative's results to its uncertain inputs.</summary>
/// <param name="Alternative">The alternative, or null.</param>
/// <param name="Categories">The categories.</param>
/// <param name="Totals">The deterministic totals.</param>
/// <param name="Inputs">One entry per uncertain input, largest first-category swing first.</param>
/// <param name="BaseSamples">Sobol base samples N (the model runs N × (inputs + 2) times).</param>
/// <param name="Seed">The seed.</param>
public sealed record SensitivityResult(
    string? Alternative, IReadOnlyList<CategoryInfo> Categories, IReadOnlyList<double> Totals, IReadOnlyList<InputSensitivity> Inputs, int BaseSamples, ulong Seed);

/// <summary>
/// Sensitivity analysis (ISO 14044 4.5.3.3): one-at-a-time swings of each uncertain input between its 5th and 95th
/// percentiles (tornado), and variance-based Sobol first- and total-order indices with bootstrap intervals. Both
/// evaluate the model as columns of samples and, since each run changes one input of a base, re-evaluate only what
/// that input reaches (<see cref="InputSweep"/>); the work is split over threads in fixed blocks, so the results are
/// the same at any number of threads.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>Runs both analyses on <paramref name="compiled"/>, on one thread per processor.</summary>
    public static SensitivityResult Run(CompiledStudy compiled, int baseSamples, int bootstrap, ulong seed) =>
        Run(compiled, baseSamples, bootstrap, seed, Environment.ProcessorCount);

    /// <summary>Runs both analyses on <paramref name="compiled"/> on up to <paramref name="maxThreads"/> threads (the results do not depend on it).</summary>
    public static SensitivityResult Run(CompiledStudy compiled, int baseSamples, int bootstrap, ulong seed, int maxThreads) =>
        Run(compiled, UncertaintyAnalysis.Inputs(compiled ?? throw new ArgumentNullException(nameof(compiled))), baseSamples, bootstrap, seed, maxThreads);

    /// <summary>Runs both analyses with the given uncertain inputs instead of the study's own.</summary>
    public static SensitivityResult Run(CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs, int baseSamples, int bootstrap, ulong seed) =>
        Run(compiled, inputs, baseSamples, bootstrap, seed, Environment.ProcessorCount);

    /// <summary>Runs both analyses with the given uncertain inputs, on up to <paramref name="maxThreads"/> threads.</summary>
    public static SensitivityResult Run(
        CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs, int baseSamples, int bootstrap, ulong seed, int maxThreads)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, 1);
        var categories = compiled.Method.Categories.Select(c => new CategoryInfo(c.Id, c.Name, c.Unit.Symbol)).ToList();
        var totals = LcaCalculator.Calculate(compiled.System, compiled.Method, compiled.Demand, compiled.Values).Impacts;
        if (inputs.Count == 0)
        {
            return new SensitivityResult(compiled.Alternative?.Id, categories, totals, [], baseSamples, seed);
        }
        var sobol = SobolRuns.Estimate(compiled, inputs, baseSamples, bootstrap, seed, maxThreads);
        var (low, high) = Tornado.Swings(compiled, inputs, totals);
        var results = inputs.Select((input, i) =>
        {
            var unit = compiled.System.Parameters.Find(input.Name)!.Unit;
            var distribution = $"{input.Distribution.Scaled(1 / unit.FactorToBase)} {(unit.Symbol == "1" ? "" : unit.Symbol)}".TrimEnd();
            return new InputSensitivity(input.Name, distribution, low[i], high[i],
                sobol.Outputs.Select(o => o.First[i]).ToList(), sobol.Outputs.Select(o => o.Total[i]).ToList(),
                sobol.Outputs.Select(o => o.FirstInterval[i]).ToList(), sobol.Outputs.Select(o => o.TotalInterval[i]).ToList());
        }).OrderByDescending(s => s.Swing(0)).ToList();
        return new SensitivityResult(compiled.Alternative?.Id, categories, totals, results, baseSamples, seed);
    }
}
