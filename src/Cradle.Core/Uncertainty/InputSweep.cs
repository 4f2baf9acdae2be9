using System.Globalization;
using Cradle.Core.Engine;
using Cradle.Core.Model;
using Cradle.Core.Parameters;

namespace Cradle.Core.Uncertainty;

/// <summary>
/// Evaluates a <see cref="VectorisedModel"/> with one input changed at a time, as the tornado and the Sobol matrices
/// AB_i need: a base block is evaluated once, and each input's change re-evaluates only what that input reaches (the
/// parameters computed from it, the amounts that read them, the scaling of the processes upstream of a changed amount,
/// and their flows). The impacts are the base impacts plus the change of each reached contribution, so a run costs what
/// the input reaches, not the whole system: on a study of 1,000 stages an input reaches a handful of the thousands of
/// amounts. The results equal a full evaluation up to rounding (the sums run in another order). A system with a loop
/// is evaluated in full for every change.
/// </summary>
public sealed class InputSweep
{
    private readonly VectorisedModel _model;
    private readonly Demand _demand;
    private readonly int[] _inputSlots;
    private readonly Reach[] _reach;

    /// <summary>Prepares the reach of every input slot in <paramref name="inputSlots"/> (slots of parameters with no formula).</summary>
    public InputSweep(VectorisedModel model, Demand demand, IReadOnlyList<int> inputSlots)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(inputSlots);
        _model = model;
        _demand = demand;
        _inputSlots = [.. inputSlots];
        _reach = model.Acyclic ? InputReach.Find(model, _inputSlots) : [];
    }

    /// <summary>Number of impact categories (output columns).</summary>
    public int Categories => _model.Method.Categories.Count;

    /// <summary>Work columns for blocks of up to <paramref name="blockSize"/> samples; one per thread.</summary>
    public SweepBlock CreateBlock(int blockSize) => new(_model, blockSize);

    /// <summary>
    /// Evaluates the base: <paramref name="inputs"/>[i] holds the <paramref name="count"/> values of input i (in the
    /// order of the slots given to the constructor); the other parameters take their values and formulas. The base
    /// impacts are copied to <paramref name="impacts"/>[category] at <paramref name="offset"/> when it is not null.
    /// </summary>
    /// <exception cref="EngineException">A sampled amount is not finite, or a loop does not converge.</exception>
    public void EvaluateBase(SweepBlock block, IReadOnlyList<ReadOnlyMemory<double>> inputs, int count, double[][]? impacts, int offset)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(inputs);
        var sampled = new bool[_model.SlotCount];
        for (var i = 0; i < _inputSlots.Length; i++)
        {
            inputs[i].Span[..count].CopyTo(block.Slots[_inputSlots[i]]);
            sampled[_inputSlots[i]] = true;
        }
        block.Sampled = sampled;
        block.Count = count;
        _model.Evaluate(block.Slots, sampled, count, [_demand], block.Workspace, [block.Impacts], block.Stages, 0);
        for (var c = 0; impacts is not null && c < impacts.Length; c++)
        {
            block.Impacts[c].AsSpan(0, count).CopyTo(impacts[c].AsSpan(offset, count));
        }
    }

    /// <summary>
    /// The impacts of the last base with input <paramref name="input"/> (an index into the constructor's slots) set
    /// to <paramref name="values"/> instead, written to <paramref name="impacts"/>[category] at <paramref name="offset"/>.
    /// </summary>
    /// <exception cref="EngineException">A changed amount is not finite, or a changed process consumes all it makes.</exception>
    public void EvaluateChange(SweepBlock block, int input, ReadOnlySpan<double> values, double[][] impacts, int offset) =>
        Evaluate(block, input, values, impacts, offset, difference: false);

    /// <summary>
    /// As <see cref="EvaluateChange"/>, but writes the change of the impacts from the base's (0 in a category the
    /// input does not reach), so that a caller can add it to totals solved another way.
    /// </summary>
    /// <exception cref="EngineException">A changed amount is not finite, or a changed process consumes all it makes.</exception>
    public void EvaluateDifference(SweepBlock block, int input, ReadOnlySpan<double> values, double[][] impacts, int offset) =>
        Evaluate(block, input, values, impacts, offset, difference: true);

    private void Evaluate(SweepBlock block, int input, ReadOnlySpan<double> values, double[][] impacts, int offset, bool difference)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(impacts);
        var count = block.Count;
        if (!_model.Acyclic)
        {
            EvaluateInFull(block, input, values, impacts, offset);
            for (var c = 0; difference && c < impacts.Length; c++)
            {
                var changed = impacts[c].AsSpan(offset, count);
                for (var k = 0; k < count; k++)
                {
                    changed[k] -= block.Impacts[c][k];
                }
            }
            return;
        }
        block.BeginChange();
        try
        {
            var reach = _reach[input];
            var slot = _inputSlots[input];
            var stack = block.Workspace.Stack;
            ReadOnlyMemory<double> Column(int s) => block.SlotView[s];
            foreach (var parameter in reach.Parameters)
            {
                var column = block.Take();
                if (parameter.Slot == slot)
                {
                    values[..count].CopyTo(column);
                }
                else
                {
                    parameter.Formula!.EvaluateColumns(Column, column.AsSpan(0, count), stack);
                }
                block.Replace(block.SlotView, parameter.Slot, column);
            }
            var system = _model.ProductSystem;
            foreach (var e in reach.Technosphere)
            {
                block.Replace(block.TechnosphereView, e, Amounts(block, system, system.Technosphere[e], Column));
            }
            foreach (var e in reach.Biosphere)
            {
                block.Replace(block.BiosphereView, e, Amounts(block, system, system.Biosphere[e], Column));
            }
            foreach (var process in reach.Processes)
            {
                block.Replace(block.ScalingView, process.Index, Scaling(block, process));
            }
            Characterise(block, reach, impacts, offset, difference);
        }
        finally
        {
            block.EndChange();
        }
    }

    private static double[] Amounts(SweepBlock block, ProductSystem system, CompiledExchange exchange, Func<int, ReadOnlyMemory<double>> slot)
    {
        var column = block.Take();
        var values = column.AsSpan(0, block.Count);
        exchange.Amount.EvaluateColumns(slot, values, block.Workspace.Stack);
        for (var k = 0; k < values.Length; k++)
        {
            values[k] *= exchange.ToMatrixUnits;
            if (!double.IsFinite(values[k]))
            {
                // The message VectorisedModel gives for the same amount.
                throw new EngineException(string.Create(CultureInfo.InvariantCulture,
                    $"The amount '{exchange.Amount.Text}' in process '{system.Processes[exchange.Column].Id}' evaluates to {InvariantNumber.Format(values[k])} in a sampled case; check for a division by zero, or the log or square root of an input whose distribution reaches below 0."));
            }
        }
        return column;
    }

    /// <summary>
    /// s' = (s·(1 − own) + Σ (amount'·s'(consumer) − amount·s(consumer))) / (1 − own') over the consumers whose amount
    /// or scaling changed; s' = s + Σ … without a self-loop. Consumers come first, so their new scaling is known.
    /// </summary>
    private double[] Scaling(SweepBlock block, ReachedProcess process)
    {
        var count = block.Count;
        var column = block.Take();
        var s = column.AsSpan(0, count);
        var workspace = block.Workspace;
        var before = workspace.Scaling[process.Index].AsSpan(0, count);
        var loop = _model.SelfLoop(process.Index);
        if (loop < 0)
        {
            before.CopyTo(s);
        }
        else
        {
            var own = workspace.Technosphere[loop];
            for (var k = 0; k < count; k++)
            {
                s[k] = before[k] * (1 - own[k]);
            }
        }
        foreach (var (consumer, exchange) in process.Edges)
        {
            var amount = block.TechnosphereView[exchange];
            var scaling = block.ScalingView[consumer];
            var oldAmount = workspace.Technosphere[exchange];
            var oldScaling = workspace.Scaling[consumer];
            for (var k = 0; k < s.Length; k++)
            {
                s[k] += (amount[k] * scaling[k]) - (oldAmount[k] * oldScaling[k]);
            }
        }
        if (loop >= 0)
        {
            var own = block.TechnosphereView[loop];
            for (var k = 0; k < count; k++)
            {
                var diagonal = 1 - own[k];
                if (diagonal < 1e-12)
                {
                    throw new EngineException($"Process '{_model.ProductSystem.Processes[process.Index].Id}' consumes at least as much of its product as it makes in a sampled case.");
                }
                s[k] /= diagonal;
            }
        }
        return column;
    }

    /// <summary>Base impacts (or 0 for the difference) plus factor · (amount'·s' − amount·s) of every reached flow.</summary>
    private static void Characterise(SweepBlock block, Reach reach, double[][] impacts, int offset, bool difference)
    {
        var count = block.Count;
        var workspace = block.Workspace;
        for (var c = 0; c < impacts.Length; c++)
        {
            if (difference)
            {
                impacts[c].AsSpan(offset, count).Clear();
            }
            else
            {
                block.Impacts[c].AsSpan(0, count).CopyTo(impacts[c].AsSpan(offset, count));
            }
        }
        foreach (var (process, exchange, factors) in reach.Flows)
        {
            var amount = block.BiosphereView[exchange];
            var scaling = block.ScalingView[process];
            var oldAmount = workspace.Biosphere[exchange];
            var oldScaling = workspace.Scaling[process];
            for (var c = 0; c < impacts.Length; c++)
            {
                var factor = factors[c];
                if (factor == 0)
                {
                    continue;
                }
                var total = impacts[c].AsSpan(offset, count);
                for (var k = 0; k < total.Length; k++)
                {
                    total[k] += factor * ((amount[k] * scaling[k]) - (oldAmount[k] * oldScaling[k]));
                }
            }
        }
    }

    /// <summary>A system with a loop: the whole model again, from the base's inputs with this one replaced.</summary>
    private void EvaluateInFull(SweepBlock block, int input, ReadOnlySpan<double> values, double[][] impacts, int offset)
    {
        var count = block.Count;
        var slots = block.FullSlots();
        for (var s = 0; s < slots.Length; s++)
        {
            if (block.Sampled[s])
            {
                block.Slots[s].AsSpan(0, count).CopyTo(slots[s]);
            }
        }
        values[..count].CopyTo(slots[_inputSlots[input]]);
        var changed = block.FullImpacts();
        _model.Evaluate(slots, block.Sampled, count, [_demand], block.FullWorkspace(), [changed], block.Stages, 0);
        for (var c = 0; c < impacts.Length; c++)
        {
            changed[c].AsSpan(0, count).CopyTo(impacts[c].AsSpan(offset, count));
        }
    }
}

/// <summary>A process whose scaling an input reaches, with the consumer edges whose amount or scaling it changes.</summary>
internal sealed record ReachedProcess(int Index, (int Consumer, int Exchange)[] Edges);

/// <summary>What one input reaches, each list in evaluation order.</summary>
internal sealed record Reach(
    ResolvedParameter[] Parameters, int[] Technosphere, int[] Biosphere, ReachedProcess[] Processes,
    (int Process, int Exchange, double[] Factors)[] Flows);
