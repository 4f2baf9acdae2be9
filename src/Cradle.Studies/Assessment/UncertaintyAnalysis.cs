using Cradle.Core.Engine;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>Runs Monte Carlo on a compiled study: every input with an uncertainty is drawn, the rest held at their values.</summary>
public static class UncertaintyAnalysis
{
    /// <summary>The uncertain inputs of a compiled study.</summary>
    public static IReadOnlyList<UncertainInput> Inputs(CompiledStudy compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        return compiled.System.Parameters.Parameters
            .Where(p => p.Definition.Uncertainty is not null && p.Formula is null)
            .Select(p => new UncertainInput(p.Name, p.Slot, p.Definition.Uncertainty!))
            .ToList();
    }

    /// <summary>
    /// Runs the samples for the study's functional unit and, when it has one, its trained model. A draw that makes the
    /// model not finite throws <see cref="StudyException"/> naming the study's parameter (code sample-not-finite).
    /// </summary>
    /// <param name="compiled">The compiled study.</param>
    /// <param name="options">Draws, seed, threads.</param>
    /// <param name="trackedSlots">Parameter slots whose values are kept per draw (e.g. the lifetime).</param>
    /// <param name="trackedProcesses">Process indices whose scaling for the functional unit is kept per draw (the energy processes).</param>
    public static MonteCarloResult Sample(CompiledStudy compiled, MonteCarloOptions options, IReadOnlyList<int>? trackedSlots = null, IReadOnlyList<int>? trackedProcesses = null)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(options);
        var demands = new List<Demand> { compiled.Demand };
        if (compiled.PerRequest && compiled.TrainedModelProduct is not null)
        {
            demands.Add(new Demand(compiled.TrainedModelProduct, 1));
        }
        var inputs = Inputs(compiled);
        MonteCarloResult result;
        try
        {
            result = MonteCarlo.Run(new VectorisedModel(compiled.System, compiled.Method), demands, options.Draws?.Wrap(inputs) ?? inputs, options.Iterations, options.Seed, options.Threads, trackedSlots, options.Progress, trackedProcesses);
        }
        catch (EngineException)
        {
            // The engine names a generated amount and process; the study's author needs the parameter and its line.
            throw SampledCases.Explain(compiled, inputs, options.Iterations, options.Seed);
        }
        // Every amount can be finite while a solved draw is not (large factors multiplied along the chain): such draws
        // would print as dashes and bias every statistic, so they are the study's error too.
        if (SampledCases.AnyNotFinite(result.Impacts) || SampledCases.AnyNotFinite(result.StageImpacts))
        {
            throw SampledCases.Explain(compiled, inputs, options.Iterations, options.Seed);
        }
        return result;
    }

    /// <summary>Summarises a run for reports.</summary>
    public static UncertaintyAssessment Summarise(CompiledStudy compiled, MonteCarloResult result)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(result);
        var categories = compiled.Method.Categories.Count;
        var inputs = result.Inputs
            .Select(i => (i.Name, Describe(compiled, i)))
            .ToList();
        var totals = Enumerable.Range(0, categories).Select(k => result.Statistics(k)).ToList();
        var stages = result.Stages
            .Select((stage, s) => (stage, (IReadOnlyList<SampleStatistics>)Enumerable.Range(0, categories).Select(k => SampleStatistics.Of(result.StageImpacts[s][k])).ToList()))
            .Where(x => x.Item2.Any(v => v.Mean != 0))
            .OrderBy(x => Definition.StageKinds.LifeCycleOrder(x.stage))
            .ToList();
        return new UncertaintyAssessment(result.Iterations, result.Seed, inputs, totals, stages,
            compiled.System.Parameters.Parameters.Count(p => p.Formula is null) - inputs.Count)
        {
            Histograms = Enumerable.Range(0, categories).Select(k => Histogram.Of(result.Impacts[0][k])).ToList(),
        };
    }

    /// <summary>A distribution in the parameter's own unit, e.g. "lognormal (median 131, GSD 1.1) MWh".</summary>
    private static string Describe(CompiledStudy compiled, UncertainInput input)
    {
        var unit = compiled.System.Parameters.Find(input.Name)!.Unit;
        return $"{input.Distribution.Scaled(1 / unit.FactorToBase)} {(unit.Symbol == "1" ? "" : unit.Symbol)}".TrimEnd();
    }
}
