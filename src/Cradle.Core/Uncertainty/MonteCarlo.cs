using Cradle.Core.Engine;
using Cradle.Core.Model;

namespace Cradle.Core.Uncertainty;

/// <summary>
/// Monte Carlo simulation of a product system: the uncertain parameters are drawn in blocks of
/// <see cref="BlockSize"/> samples, each block evaluated as columns by a <see cref="VectorisedModel"/>, and blocks are
/// spread over threads. Each block's draws depend only on the seed, the parameter's name and the block's index, so
/// results are bit-identical whatever the number of threads.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Samples per block: large enough to amortise per-instruction costs, small enough to stay in cache.</summary>
    public const int BlockSize = 2048;

    /// <summary>Runs <paramref name="iterations"/> samples for each of <paramref name="demands"/>.</summary>
    /// <param name="model">The prepared model.</param>
    /// <param name="demands">One or more demands evaluated on the same draws (the first also gets stage contributions).</param>
    /// <param name="inputs">The uncertain parameters.</param>
    /// <param name="iterations">Number of samples, ≥ 1.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="maxThreads">Threads to use, ≥ 1 (the result does not depend on it).</param>
    /// <param name="trackedSlots">Parameter slots whose sampled or computed values are kept, by sample (e.g. the lifetime).</param>
    /// <param name="progress">Told the share of blocks done, from any thread; null for none.</param>
    /// <param name="trackedProcesses">Process indices whose scaling for the first demand is kept, by sample (e.g. the kWh of an energy process).</param>
    public static MonteCarloResult Run(
        VectorisedModel model, IReadOnlyList<Demand> demands, IReadOnlyList<UncertainInput> inputs, int iterations, ulong seed, int maxThreads,
        IReadOnlyList<int>? trackedSlots = null, IProgress<double>? progress = null, IReadOnlyList<int>? trackedProcesses = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, 1);
        if (demands.Count == 0)
        {
            throw new ArgumentException("At least one demand is needed.", nameof(demands));
        }
        var categories = model.Method.Categories.Count;
        var impacts = demands.Select(_ => Columns(categories, iterations)).ToArray();
        var stages = model.Stages.Select(_ => Columns(categories, iterations)).ToArray();
        var tracked = (trackedSlots ?? []).Distinct().ToDictionary(slot => slot, _ => new double[iterations]);
        var processes = (trackedProcesses ?? []).Distinct().ToList();
        var scaling = Columns(processes.Count, iterations);
        var blocks = (iterations + BlockSize - 1) / BlockSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads };
        var done = 0;
        try
        {
            RunBlocks();
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is CradleCoreException) is { } problem)
        {
            // A sampled case the model cannot take (NaN, a loop that does not converge) is the study's problem, not a
            // threading one: surface it as the engine reports it in a deterministic run.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(problem).Throw();
        }
        return new MonteCarloResult(model.Method, model.Stages, demands, impacts, stages, iterations, seed, inputs)
        {
            Tracked = tracked,
            TrackedScaling = processes.Select((j, t) => (j, scaling[t])).ToDictionary(x => x.j, x => x.Item2),
        };

        void RunBlocks() => Parallel.For(0, blocks, options,
            () => (Slots: Columns(model.SlotCount, BlockSize), Workspace: model.CreateWorkspace(BlockSize)),
            (block, _, local) =>
            {
                var offset = block * BlockSize;
                var count = Math.Min(BlockSize, iterations - offset);
                var sampled = new bool[model.SlotCount];
                foreach (var input in inputs)
                {
                    input.Distribution.Sample(new RandomDraws(seed, input.Name, block), local.Slots[input.Slot].AsSpan(0, count));
                    sampled[input.Slot] = true;
                }
                model.Evaluate(local.Slots, sampled, count, demands, local.Workspace, impacts, stages, offset, processes, scaling);
                foreach (var (slot, values) in tracked)
                {
                    local.Slots[slot].AsSpan(0, count).CopyTo(values.AsSpan(offset, count));
                }
                progress?.Report((double)Interlocked.Increment(ref done) / blocks);
                return local;
            },
            _ => { });
    }

    private static double[][] Columns(int count, int length) => Enumerable.Range(0, count).Select(_ => new double[length]).ToArray();
}

/// <summary>The samples of a Monte Carlo run.</summary>
/// <param name="Method">The impact method (category order).</param>
/// <param name="Stages">Stage labels (order of <paramref name="StageImpacts"/>).</param>
/// <param name="Demands">The demands, in the order of <paramref name="Impacts"/>.</param>
/// <param name="Impacts">[demand][category][sample].</param>
/// <param name="StageImpacts">[stage][category][sample], for the first demand.</param>
/// <param name="Iterations">Number of samples.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Inputs">The uncertain parameters.</param>
public sealed record MonteCarloResult(
    ImpactMethod Method, IReadOnlyList<string> Stages, IReadOnlyList<Demand> Demands, double[][][] Impacts, double[][][] StageImpacts,
    int Iterations, ulong Seed, IReadOnlyList<UncertainInput> Inputs)
{
    /// <summary>Values of the tracked parameter slots, by slot, in base units, one per sample.</summary>
    public IReadOnlyDictionary<int, double[]> Tracked { get; init; } = new Dictionary<int, double[]>();

    /// <summary>Scaling of the tracked processes for the first demand, by process index, one per sample (reference units).</summary>
    public IReadOnlyDictionary<int, double[]> TrackedScaling { get; init; } = new Dictionary<int, double[]>();

    /// <summary>
    /// This run with only the first demand's totals kept (no other demand, stage or tracked value): what comparing runs
    /// draw by draw needs, so that a caller done with the rest can let it go before the next run is drawn.
    /// </summary>
    public MonteCarloResult FirstDemandTotals() => this with
    {
        Demands = [Demands[0]],
        Impacts = [Impacts[0]],
        Stages = [],
        StageImpacts = [],
        Tracked = new Dictionary<int, double[]>(),
        TrackedScaling = new Dictionary<int, double[]>(),
    };

    /// <summary>Statistics of category <paramref name="category"/> for demand <paramref name="demand"/>.</summary>
    public SampleStatistics Statistics(int category, int demand = 0) => SampleStatistics.Of(Impacts[demand][category]);
}
