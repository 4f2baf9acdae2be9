using Cradle.Core.Engine;
using Cradle.Core.Sensitivity;
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
/// percentiles (tornado), and variance-based Sobol first- and total-order indices with bootstrap intervals, the model
/// evaluated as columns of samples.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>Runs both analyses on <paramref name="compiled"/>.</summary>
    public static SensitivityResult Run(CompiledStudy compiled, int baseSamples, int bootstrap, ulong seed) =>
        Run(compiled, UncertaintyAnalysis.Inputs(compiled ?? throw new ArgumentNullException(nameof(compiled))), baseSamples, bootstrap, seed);

    /// <summary>Runs both analyses with the given uncertain inputs instead of the study's own.</summary>
    public static SensitivityResult Run(CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs, int baseSamples, int bootstrap, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        var categories = compiled.Method.Categories.Select(c => new CategoryInfo(c.Id, c.Name, c.Unit.Symbol)).ToList();
        var totals = LcaCalculator.Calculate(compiled.System, compiled.Method, compiled.Demand, compiled.Values).Impacts;
        if (inputs.Count == 0)
        {
            return new SensitivityResult(compiled.Alternative?.Id, categories, totals, [], baseSamples, seed);
        }
        var sobol = Sobol(compiled, inputs, baseSamples, bootstrap, seed);
        var results = inputs.Select((input, i) =>
        {
            var low = OneAtATime(compiled, input, input.Distribution.Quantile(0.05));
            var high = OneAtATime(compiled, input, input.Distribution.Quantile(0.95));
            var unit = compiled.System.Parameters.Find(input.Name)!.Unit;
            var distribution = $"{input.Distribution.Scaled(1 / unit.FactorToBase)} {(unit.Symbol == "1" ? "" : unit.Symbol)}".TrimEnd();
            return new InputSensitivity(input.Name, distribution, low, high,
                sobol.Outputs.Select(o => o.First[i]).ToList(), sobol.Outputs.Select(o => o.Total[i]).ToList(),
                sobol.Outputs.Select(o => o.FirstInterval[i]).ToList(), sobol.Outputs.Select(o => o.TotalInterval[i]).ToList());
        }).OrderByDescending(s => s.Swing(0)).ToList();
        return new SensitivityResult(compiled.Alternative?.Id, categories, totals, results, baseSamples, seed);
    }

    private static IReadOnlyList<double> OneAtATime(CompiledStudy compiled, UncertainInput input, double value)
    {
        var values = compiled.System.Parameters.Evaluate(new Dictionary<string, double> { [input.Name] = value });
        return LcaCalculator.Calculate(compiled.System, compiled.Method, compiled.Demand, values).Impacts;
    }

    private static SobolResult Sobol(CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs, int n, int bootstrap, ulong seed)
    {
        double[][] Matrix(string which) => inputs.Select(input =>
        {
            var column = new double[n];
            input.Distribution.Sample(new RandomDraws(seed, $"{input.Name}#{which}", 0), column);
            return column;
        }).ToArray();
        var model = new VectorisedModel(compiled.System, compiled.Method);
        var workspace = model.CreateWorkspace(n);
        var slots = Enumerable.Range(0, model.SlotCount).Select(_ => new double[n]).ToArray();
        var sampled = new bool[model.SlotCount];
        foreach (var input in inputs)
        {
            sampled[input.Slot] = true;
        }
        var categories = compiled.Method.Categories.Count;
        double[][] Evaluate(double[][] columns)
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                columns[i].CopyTo(slots[inputs[i].Slot], 0);
            }
            var impacts = new[] { Enumerable.Range(0, categories).Select(_ => new double[n]).ToArray() };
            var stages = model.Stages.Select(_ => Enumerable.Range(0, categories).Select(_ => new double[n]).ToArray()).ToArray();
            try
            {
                model.Evaluate(slots, sampled, n, [compiled.Demand], workspace, impacts, stages, 0);
            }
            catch (EngineException)
            {
                throw SampledCases.Explain(compiled, inputs, columns, n);
            }
            if (SampledCases.AnyNotFinite(impacts))
            {
                throw SampledCases.Explain(compiled, inputs, columns, n);
            }
            return impacts[0];
        }
        return SobolAnalysis.Estimate(Matrix("A"), Matrix("B"), Evaluate, bootstrap, seed);
    }
}
