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
        var diagnosis = new NonFiniteCase(compiled.System, compiled.ParameterLocations, compiled.Alternative?.Id);
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
            if (Find(compiled, diagnosis, inputs, columns, count) is { } problem)
            {
                return new StudyException([problem]);
            }
        }
        return Unexplained(compiled, inputs);
    }

    /// <summary>Explains a failed evaluation of the given draws (one column per input, <paramref name="count"/> long).</summary>
    public static StudyException Explain(CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs, IReadOnlyList<double[]> columns, int count)
    {
        var diagnosis = new NonFiniteCase(compiled.System, compiled.ParameterLocations, compiled.Alternative?.Id);
        return Find(compiled, diagnosis, inputs, columns, count) is { } problem ? new StudyException([problem]) : Unexplained(compiled, inputs);
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
        return new StudyException([new InputProblem("sample-not-finite", Severity.Error, first, inputs.Count == 0 ? "uncertainty" : inputs[0].Name,
            $"{prefix}in some Monte Carlo draws the results are not finite numbers (they overflow); the inputs drawn are {names}: narrow their uncertainty.")]);
    }
}
