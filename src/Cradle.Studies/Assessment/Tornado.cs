using Cradle.Core.Engine;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>
/// One-at-a-time swings: the totals with each uncertain input at its 5th and at its 95th percentile, the others at
/// their values.
/// </summary>
internal static class Tornado
{
    /// <summary>
    /// The swings of every input, by category. One base (every input at its value, as two columns) is evaluated
    /// once, and each input's pair of percentiles re-evaluates only what the input reaches; the change is added to
    /// <paramref name="totals"/> (the deterministic solve), so a category the input does not reach keeps its total. Where that fails (an
    /// amount or total that is not finite, a process that consumes what it makes) the swings are solved again the
    /// old way, <see cref="ByResolving"/>, so such a study reports or refuses exactly as it did.
    /// </summary>
    public static (IReadOnlyList<double>[] Low, IReadOnlyList<double>[] High) Swings(
        CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs, IReadOnlyList<double> totals)
    {
        var model = new VectorisedModel(compiled.System, compiled.Method);
        var sweep = new InputSweep(model, compiled.Demand, [.. inputs.Select(i => i.Slot)]);
        var block = sweep.CreateBlock(2);
        var values = compiled.Values.Slots.ToArray();
        var low = new IReadOnlyList<double>[inputs.Count];
        var high = new IReadOnlyList<double>[inputs.Count];
        var changes = Enumerable.Range(0, sweep.Categories).Select(_ => new double[2]).ToArray();
        try
        {
            sweep.EvaluateBase(block, [.. inputs.Select(i => (ReadOnlyMemory<double>)new[] { values[i.Slot], values[i.Slot] })], 2, null, 0);
            for (var i = 0; i < inputs.Count; i++)
            {
                var distribution = inputs[i].Distribution;
                sweep.EvaluateDifference(block, i, [distribution.Quantile(0.05), distribution.Quantile(0.95)], changes, 0);
                low[i] = [.. totals.Select((total, c) => total + changes[c][0])];
                high[i] = [.. totals.Select((total, c) => total + changes[c][1])];
                if (!low[i].All(double.IsFinite) || !high[i].All(double.IsFinite))
                {
                    return ByResolving(compiled, inputs);
                }
            }
        }
        catch (EngineException)
        {
            return ByResolving(compiled, inputs);
        }
        return (low, high);
    }

    /// <summary>
    /// The swings the way they were first computed: the parameters evaluated and the whole system solved again for
    /// each input and percentile. Kept as the reference the tests hold <see cref="Swings"/> to, and for the cases it
    /// hands back.
    /// </summary>
    public static (IReadOnlyList<double>[] Low, IReadOnlyList<double>[] High) ByResolving(CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs) =>
        ([.. inputs.Select(input => At(compiled, input, input.Distribution.Quantile(0.05)))],
         [.. inputs.Select(input => At(compiled, input, input.Distribution.Quantile(0.95)))]);

    private static IReadOnlyList<double> At(CompiledStudy compiled, UncertainInput input, double value)
    {
        var values = compiled.System.Parameters.Evaluate(new Dictionary<string, double> { [input.Name] = value });
        return LcaCalculator.Calculate(compiled.System, compiled.Method, compiled.Demand, values).Impacts;
    }
}
