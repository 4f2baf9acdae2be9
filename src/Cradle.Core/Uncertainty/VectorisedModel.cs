using Cradle.Core.Engine;
using Cradle.Core.Model;

namespace Cradle.Core.Uncertainty;

/// <summary>
/// Evaluates a product system for a whole block of parameter samples at once: every parameter, exchange, scaling
/// factor and contribution is a column of samples, so the interpreter's and the solver's per-step costs are paid once
/// per block instead of once per sample. Acyclic systems (every foreground ML system) are solved column-wise by
/// back-substitution; a system with a loop falls back to one sparse solve per sample.
/// </summary>
public sealed class VectorisedModel
{
    private readonly ProductSystem _system;
    private readonly int[] _consumersFirst;
    private readonly List<(int Consumer, int Exchange)>[] _consumersOf;
    private readonly int[] _selfLoop;
    private readonly bool _acyclic;
    private readonly (int Exchange, double[] Factors)[][] _flowsOf;
    private readonly int[] _stageOf;

    /// <summary>Prepares <paramref name="system"/> for block evaluation under <paramref name="method"/>.</summary>
    public VectorisedModel(ProductSystem system, ImpactMethod method)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(method);
        _system = system;
        Method = method;
        var n = system.Processes.Count;
        // Every look-up below is a dictionary or an index built in one pass: preparation is linear in the number of
        // processes and exchanges (a scan per process would make a 10,000-process system take seconds).
        var stageIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        _stageOf = new int[n];
        for (var j = 0; j < n; j++)
        {
            var stage = system.Processes[j].Stage;
            if (!stageIndex.TryGetValue(stage, out var index))
            {
                index = stageIndex.Count;
                stageIndex[stage] = index;
            }
            _stageOf[j] = index;
        }
        Stages = [.. stageIndex.OrderBy(x => x.Value).Select(x => x.Key)];

        _consumersOf = Enumerable.Range(0, n).Select(_ => new List<(int, int)>()).ToArray();
        _selfLoop = Enumerable.Repeat(-1, n).ToArray();
        for (var e = 0; e < system.Technosphere.Count; e++)
        {
            var exchange = system.Technosphere[e];
            if (exchange.Row == exchange.Column)
            {
                _selfLoop[exchange.Row] = e;
            }
            else
            {
                _consumersOf[exchange.Row].Add((exchange.Column, e));
            }
        }
        var suppliersOf = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        foreach (var exchange in system.Technosphere)
        {
            suppliersOf[exchange.Column].Add(exchange.Row);
        }
        var components = StronglyConnectedComponents.Find(n, j => suppliersOf[j]);
        _acyclic = components.All(c => c.Count == 1);
        _consumersFirst = Enumerable.Reverse(components).SelectMany(c => c).ToArray();

        var factorsOf = FactorsByFlow(CharacterisationMatrix.Build(method, system), method.Categories.Count);
        var flowsOf = Enumerable.Range(0, n).Select(_ => new List<(int, double[])>()).ToArray();
        for (var e = 0; e < system.Biosphere.Count; e++)
        {
            var exchange = system.Biosphere[e];
            if (factorsOf.TryGetValue(exchange.Row, out var factors))
            {
                flowsOf[exchange.Column].Add((e, factors));
            }
        }
        _flowsOf = [.. flowsOf.Select(list => list.ToArray())];
    }

    /// <summary>For each characterised flow, its factor in every category (0 where a category ignores it); flows no category characterises are absent.</summary>
    private static Dictionary<int, double[]> FactorsByFlow(CharacterisationMatrix characterisation, int categories)
    {
        var byFlow = new Dictionary<int, double[]>();
        for (var c = 0; c < categories; c++)
        {
            foreach (var (flow, factor) in characterisation.Rows[c])
            {
                if (!byFlow.TryGetValue(flow, out var factors))
                {
                    factors = new double[categories];
                    byFlow[flow] = factors;
                }
                factors[c] += factor;
            }
        }
        foreach (var flow in byFlow.Where(x => x.Value.All(f => f == 0)).Select(x => x.Key).ToList())
        {
            byFlow.Remove(flow);
        }
        return byFlow;
    }

    /// <summary>The impact method the model characterises with.</summary>
    public ImpactMethod Method { get; }

    /// <summary>Stage labels, in first-appearance order; stage contributions are reported in this order.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>The parameter slots.</summary>
    public int SlotCount => _system.Parameters.Count;

    // For InputSweep, which re-evaluates only what one input reaches.
    internal ProductSystem ProductSystem => _system;

    internal bool Acyclic => _acyclic;

    internal IReadOnlyList<int> ConsumersFirst => _consumersFirst;

    internal IReadOnlyList<(int Consumer, int Exchange)> ConsumersOf(int process) => _consumersOf[process];

    internal int SelfLoop(int process) => _selfLoop[process];

    internal IReadOnlyList<(int Exchange, double[] Factors)> FlowsOf(int process) => _flowsOf[process];

    /// <summary>
    /// Evaluates one block of <paramref name="count"/> samples. <paramref name="slots"/> holds a column per parameter
    /// slot; columns whose <paramref name="sampled"/> flag is set already hold draws, the others are filled here
    /// (fixed values and expressions, in evaluation order). Impacts of each demand go to
    /// <paramref name="impacts"/>[demand][category] and stage contributions of the first demand to
    /// <paramref name="stages"/>[stage][category], at <paramref name="offset"/>; the scaling of the first demand's
    /// <paramref name="trackedProcesses"/> (process indices) goes to <paramref name="scaling"/>[i], at the same offset.
    /// </summary>
    public void Evaluate(double[][] slots, bool[] sampled, int count, IReadOnlyList<Demand> demands, ModelWorkspace workspace,
        double[][][] impacts, double[][][] stages, int offset, IReadOnlyList<int>? trackedProcesses = null, double[][]? scaling = null)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(sampled);
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(impacts);
        ArgumentNullException.ThrowIfNull(stages);
        ReadOnlyMemory<double> Column(int slot) => slots[slot];
        foreach (var parameter in _system.Parameters.Parameters)
        {
            if (sampled[parameter.Slot])
            {
                continue;
            }
            var target = slots[parameter.Slot].AsSpan(0, count);
            if (parameter.Formula is null)
            {
                target.Fill(parameter.Definition.Value!.Value.BaseValue);
            }
            else
            {
                parameter.Formula.EvaluateColumns(Column, target, workspace.Stack);
            }
        }
        EvaluateExchanges(_system, _system.Technosphere, workspace.Technosphere, count, Column, workspace);
        EvaluateExchanges(_system, _system.Biosphere, workspace.Biosphere, count, Column, workspace);

        for (var d = 0; d < demands.Count; d++)
        {
            Solve(demands[d], count, workspace);
            Characterise(count, workspace, impacts[d], d == 0 ? stages : null, offset);
            for (var t = 0; d == 0 && scaling is not null && t < (trackedProcesses?.Count ?? 0); t++)
            {
                // Kept before the next demand's solve overwrites the workspace (e.g. the energy a scope draws).
                workspace.Scaling[trackedProcesses![t]].AsSpan(0, count).CopyTo(scaling[t].AsSpan(offset, count));
            }
        }
    }

    private static void EvaluateExchanges(
        ProductSystem system, IReadOnlyList<CompiledExchange> exchanges, double[][] columns, int count, Func<int, ReadOnlyMemory<double>> slot, ModelWorkspace workspace)
    {
        for (var e = 0; e < exchanges.Count; e++)
        {
            var column = columns[e].AsSpan(0, count);
            exchanges[e].Amount.EvaluateColumns(slot, column, workspace.Stack);
            var factor = exchanges[e].ToMatrixUnits;
            var finite = true;
            for (var i = 0; i < column.Length; i++)
            {
                column[i] *= factor;
                finite &= double.IsFinite(column[i]);
            }
            if (!finite)
            {
                // As the deterministic path refuses it (MatrixSet): a NaN would otherwise sort first and shift every percentile.
                var value = column.ToArray().First(v => !double.IsFinite(v));
                throw new EngineException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The amount '{exchanges[e].Amount.Text}' in process '{system.Processes[exchanges[e].Column].Id}' evaluates to {InvariantNumber.Format(value)} in a sampled case; check for a division by zero, or the log or square root of an input whose distribution reaches below 0."));
            }
        }
    }

    private void Solve(Demand demand, int count, ModelWorkspace workspace)
    {
        var demanded = _system.ProductIndex[demand.ProductId];
        if (!_acyclic)
        {
            SolvePerSample(demanded, demand.Amount, count, workspace);
            return;
        }
        foreach (var i in _consumersFirst)
        {
            var s = workspace.Scaling[i].AsSpan(0, count);
            s.Fill(i == demanded ? demand.Amount : 0);
            foreach (var (consumer, exchange) in _consumersOf[i])
            {
                var amount = workspace.Technosphere[exchange];
                var consumerScaling = workspace.Scaling[consumer];
                for (var k = 0; k < s.Length; k++)
                {
                    s[k] += amount[k] * consumerScaling[k];
                }
            }
            if (_selfLoop[i] >= 0)
            {
                var own = workspace.Technosphere[_selfLoop[i]];
                for (var k = 0; k < s.Length; k++)
                {
                    var diagonal = 1 - own[k];
                    if (diagonal < 1e-12)
                    {
                        throw new EngineException($"Process '{_system.Processes[i].Id}' consumes at least as much of its product as it makes in a sampled case.");
                    }
                    s[k] /= diagonal;
                }
            }
        }
    }

    private void SolvePerSample(int demanded, double amount, int count, ModelWorkspace workspace)
    {
        var n = _system.Processes.Count;
        var f = new double[n];
        f[demanded] = amount;
        for (var k = 0; k < count; k++)
        {
            var inputs = new SparseColumns(n, n);
            for (var e = 0; e < _system.Technosphere.Count; e++)
            {
                var x = _system.Technosphere[e];
                inputs.Add(x.Row, x.Column, workspace.Technosphere[e][k]);
            }
            var s = ScalingSolver.Solve(inputs, f, j => _system.Processes[j].Id);
            for (var j = 0; j < n; j++)
            {
                workspace.Scaling[j][k] = s[j];
            }
        }
    }

    private void Characterise(int count, ModelWorkspace workspace, double[][] impacts, double[][][]? stages, int offset)
    {
        var categories = Method.Categories.Count;
        for (var c = 0; c < categories; c++)
        {
            impacts[c].AsSpan(offset, count).Clear();
            if (stages is not null)
            {
                foreach (var stage in stages)
                {
                    stage[c].AsSpan(offset, count).Clear();
                }
            }
        }
        for (var j = 0; j < _flowsOf.Length; j++)
        {
            var s = workspace.Scaling[j];
            foreach (var (exchange, factors) in _flowsOf[j])
            {
                var amount = workspace.Biosphere[exchange];
                for (var c = 0; c < categories; c++)
                {
                    var factor = factors[c];
                    if (factor == 0)
                    {
                        continue;
                    }
                    var total = impacts[c].AsSpan(offset, count);
                    var stage = stages is null ? default : stages[_stageOf[j]][c].AsSpan(offset, count);
                    for (var k = 0; k < count; k++)
                    {
                        var contribution = factor * amount[k] * s[k];
                        total[k] += contribution;
                        if (stages is not null)
                        {
                            stage[k] += contribution;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Work columns for one block, reusable across blocks (one per thread).</summary>
    public ModelWorkspace CreateWorkspace(int blockSize)
    {
        var depth = _system.Parameters.Parameters.Select(p => p.Formula?.StackDepth ?? 0)
            .Concat(_system.Technosphere.Concat(_system.Biosphere).Select(x => x.Amount.StackDepth))
            .DefaultIfEmpty(1).Max();
        return new ModelWorkspace(
            Columns(Math.Max(1, depth), blockSize), Columns(_system.Technosphere.Count, blockSize),
            Columns(_system.Biosphere.Count, blockSize), Columns(_system.Processes.Count, blockSize));
    }

    private static double[][] Columns(int count, int length) => Enumerable.Range(0, count).Select(_ => new double[length]).ToArray();
}

/// <summary>Work columns of a <see cref="VectorisedModel"/>: the expression stack, exchange amounts and scaling.</summary>
/// <param name="Stack">Expression evaluation stack.</param>
/// <param name="Technosphere">One column per technosphere exchange.</param>
/// <param name="Biosphere">One column per biosphere exchange.</param>
/// <param name="Scaling">One column per process.</param>
public sealed record ModelWorkspace(double[][] Stack, double[][] Technosphere, double[][] Biosphere, double[][] Scaling);
