using Cradle.Core;
using Cradle.Core.Engine;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>
/// Turns the engine's refusal of a sampled case (an amount that is infinite or NaN in some draw) into the study's
/// error: the draws are replayed, the first parameter or amount that is not finite is found, and the problem names it
/// as the study writes it, with its file and line, and the drawn inputs behind it.
/// </summary>
internal static class SampledCases
{
    /// <summary>Explains a failed Monte Carlo run by replaying its draws (same seed, same blocks).</summary>
    public static StudyException Explain(CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs, int iterations, ulong seed)
    {
        var diagnosis = new NonFiniteCase(compiled.System, compiled.ParameterLocations, compiled.Alternative?.Id, new FieldPaths(compiled.Study).Of);
        var blocks = (iterations + MonteCarlo.BlockSize - 1) / MonteCarlo.BlockSize;
        for (var block = 0; block < blocks; block++)
        {
            var count = Math.Min(MonteCarlo.BlockSize, iterations - (block * MonteCarlo.BlockSize));
            var columns = inputs.Select(input =>
            {
                var column = new double[count];
                input.Distribution.Sample(new RandomDraws(seed, input.Name, block), column);
                return column;
            }).ToList();
            if ((Find(compiled, diagnosis, inputs, columns, count) ?? FailedDraw(compiled, inputs, columns, count)) is { } problem)
            {
                return new StudyException([problem]);
            }
        }
        return Unexplained(compiled, inputs);
    }

    /// <summary>Explains a failed evaluation of the given draws (one column per input, <paramref name="count"/> long).</summary>
    public static StudyException Explain(CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs, IReadOnlyList<double[]> columns, int count)
    {
        var diagnosis = new NonFiniteCase(compiled.System, compiled.ParameterLocations, compiled.Alternative?.Id, new FieldPaths(compiled.Study).Of);
        return (Find(compiled, diagnosis, inputs, columns, count) ?? FailedDraw(compiled, inputs, columns, count)) is { } problem
            ? new StudyException([problem])
            : Unexplained(compiled, inputs);
    }

    /// <summary>Whether any sampled result in <paramref name="impacts"/> ([demand or output][category][sample]) is not finite.</summary>
    public static bool AnyNotFinite(IEnumerable<double[][]> impacts)
    {
        foreach (var perCategory in impacts)
        {
            foreach (var samples in perCategory)
            {
                // x − x is 0 for every finite x and NaN for an infinity or a NaN: one subtraction a draw, no branch.
                var check = 0.0;
                foreach (var x in samples)
                {
                    check += x - x;
                }
                if (check != 0)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// No parameter or amount of any draw is infinite, but a solved draw is (many large factors multiplied along the
    /// supply chain), or the engine refused one (a loop that consumes what it makes): the first such draw is found by
    /// solving the draws one by one, then the input whose draw alone breaks the model, with all others at their values.
    /// When no single input does, the one drawn furthest from its value is named, with every draw of that case.
    /// </summary>
    private static InputProblem? FailedDraw(CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs, IReadOnlyList<double[]> columns, int count)
    {
        const int MostDrawsSolved = 100_000; // one solve per draw, on the error path only
        var deterministic = compiled.System.Parameters.Evaluate();
        for (var row = 0; row < Math.Min(count, MostDrawsSolved); row++)
        {
            var draws = inputs.Select((input, i) => (input, Value: columns[i][row])).ToList();
            if (Solves(compiled, draws.ToDictionary(d => d.input.Name, d => d.Value), out var failure))
            {
                continue;
            }
            var alone = draws.FirstOrDefault(d => !Solves(compiled, new Dictionary<string, double> { [d.input.Name] = d.Value }, out _));
            var blamed = alone.input ?? draws.OrderByDescending(d => Distance(d.Value, deterministic.Slots[d.input.Slot])).First().input;
            var described = alone.input is not null
                ? $"a Monte Carlo draw of {blamed.Name} = {ValueText(compiled, blamed.Name, alone.Value)} alone makes {failure}"
                : $"a Monte Carlo draw where {string.Join(", ", draws.Select(d => $"{d.input.Name} = {ValueText(compiled, d.input.Name, d.Value)}"))} makes {failure}";
            var prefix = compiled.Alternative is null ? "" : $"alternative '{Printable.Escape(compiled.Alternative.Id)}': ";
            return new InputProblem("sample-not-finite", Severity.Error, compiled.ParameterLocations.GetValueOrDefault(blamed.Name), new FieldPaths(compiled.Study).Of(blamed.Name),
                $"{prefix}{described}; narrow the uncertainty of the inputs drawn (a smaller 'gsd', closer bounds).");
        }
        return null;
    }

    /// <summary>Solves the study with <paramref name="overrides"/> (base units) for each of its demands.</summary>
    private static bool Solves(CompiledStudy compiled, Dictionary<string, double> overrides, out string failure)
    {
        var values = compiled.System.Parameters.Evaluate(overrides);
        Demand[] demands = compiled.PerRequest && compiled.TrainedModelProduct is not null
            ? [compiled.Demand, new Demand(compiled.TrainedModelProduct, 1)]
            : [compiled.Demand];
        try
        {
            foreach (var demand in demands)
            {
                if (!LcaCalculator.Calculate(compiled.System, compiled.Method, demand, values).Impacts.All(double.IsFinite))
                {
                    failure = "the results beyond the largest number a computer can hold (about 1.8e308)";
                    return false;
                }
            }
        }
        catch (EngineException e)
        {
            failure = $"the model unsolvable: {e.Message}";
            return false;
        }
        failure = "";
        return true;
    }

    /// <summary>How far a draw is from the value, in orders of magnitude (sign changes count as far).</summary>
    private static double Distance(double draw, double value) =>
        draw == 0 || value == 0 || Math.Sign(draw) != Math.Sign(value) ? double.MaxValue : Math.Abs(Math.Log10(Math.Abs(draw / value)));

    private static string ValueText(CompiledStudy compiled, string name, double baseValue)
    {
        var unit = compiled.System.Parameters.Find(name)!.Unit;
        var value = InvariantNumber.Format(baseValue / unit.FactorToBase);
        return unit.Symbol == "1" ? value : $"{value} {unit.Symbol}";
    }

    private static InputProblem? Find(CompiledStudy compiled, NonFiniteCase diagnosis, IReadOnlyList<UncertainInput> inputs, IReadOnlyList<double[]> columns, int count)
    {
        var table = compiled.System.Parameters;
        var slots = new double[table.Count][];
        var drawn = new bool[table.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            slots[inputs[i].Slot] = columns[i];
            drawn[inputs[i].Slot] = true;
        }
        foreach (var parameter in table.Parameters.Where(p => !drawn[p.Slot]))
        {
            var column = new double[count];
            if (parameter.Formula is null)
            {
                Array.Fill(column, parameter.Definition.Value!.Value.BaseValue);
            }
            else
            {
                parameter.Formula.EvaluateColumns(s => slots[s], column);
            }
            slots[parameter.Slot] = column;
        }
        return diagnosis.Find(slots, count, drawn);
    }

    /// <summary>No single amount overflowed, but the solved model did: name the drawn inputs, not the engine's terms.</summary>
    private static StudyException Unexplained(CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs)
    {
        var prefix = compiled.Alternative is null ? "" : $"alternative '{Printable.Escape(compiled.Alternative.Id)}': ";
        var names = string.Join(", ", inputs.Select(i => i.Name));
        var first = inputs.Count == 0 ? null : compiled.ParameterLocations.GetValueOrDefault(inputs[0].Name);
        return new StudyException([new InputProblem("sample-not-finite", Severity.Error, first, inputs.Count == 0 ? "uncertainty" : new FieldPaths(compiled.Study).Of(inputs[0].Name),
            $"{prefix}in some Monte Carlo draws the results are not finite numbers (they overflow); the inputs drawn are {names}: narrow their uncertainty.")]);
    }
}
