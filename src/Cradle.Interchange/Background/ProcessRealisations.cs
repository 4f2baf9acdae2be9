using System.Globalization;
using Cradle.Core.Engine;
using Cradle.Core.Engine.Sparse;
using Cradle.Core.Uncertainty;
using Cradle.Interchange.Reading;
using Cradle.Studies.Background;

namespace Cradle.Interchange.Background;

/// <summary>
/// Realisations of a linked provider for a sampled background: every exchange with a stated uncertainty drawn from it
/// (one stream per exchange and block of realisations, keyed on its process and internal id, so every link to the
/// database sees the same realisations), N refilled in its pattern's order and A refactored with the pattern and the
/// ILU's symbolic structure kept (<see cref="SparseTechnosphere.Update"/>), then B s characterised. Draws are made a
/// block at a time so that memory stays at one block's draws whatever the number of realisations.
/// </summary>
internal static class ProcessRealisations
{
    /// <summary>The stream seed of the background's draws: fixed, so the realisations are the same in every run; the study's seed picks among them.</summary>
    private const ulong Seed = 0x0C7A5D2E3B614F0AUL;

    /// <summary>Realisations drawn per block.</summary>
    private const int Block = 64;

    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Draw(LinkedDatabase linked, int column, IndicatorFactors factors, int draws)
    {
        var entries = linked.Entries;
        var uncertainOf = new int[entries.Count];
        var uncertain = new List<(MatrixEntry Entry, Distribution Distribution)>();
        for (var i = 0; i < entries.Count; i++)
        {
            uncertainOf[i] = entries[i].Uncertainty is null ? -1 : uncertain.Count;
            if (entries[i].Uncertainty is { } given)
            {
                uncertain.Add((entries[i], Distribution(given)));
            }
        }
        // The entries as plain arrays: a realisation touches each of them once, and 200,000 record reads per realisation add up.
        var (rows, columns, stated, scale) = (new int[entries.Count], new int[entries.Count], new double[entries.Count], new double[entries.Count]);
        for (var i = 0; i < entries.Count; i++)
        {
            (rows[i], columns[i], stated[i], scale[i]) = (entries[i].Row, entries[i].Column, entries[i].Value, entries[i].Scale);
        }
        var technosphereEntries = Enumerable.Range(0, entries.Count).Where(i => entries[i].Technosphere).ToArray();
        var biosphereEntries = Enumerable.Range(0, entries.Count).Where(i => !entries[i].Technosphere).ToArray();
        var realisations = new IReadOnlyDictionary<string, double>[draws];
        var failures = new System.Collections.Concurrent.ConcurrentBag<(int Realisation, string Message)>();
        // Blocks are independent (their draws are keyed on the block), so they are solved on as many threads as there
        // are cores, each with its own copy of A's factorisation; the realisations are the same for any thread count.
        Parallel.For(0, (draws + Block - 1) / Block, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new Worker(linked, entries.Count, uncertain.Count), (b, _, w) =>
        {
            var start = b * Block;
            for (var u = 0; u < uncertain.Count; u++)
            {
                uncertain[u].Distribution.Sample(new RandomDraws(Seed, uncertain[u].Entry.Key, b), w.Block.AsSpan(u * Block, Block));
            }
            for (var k = start; k < Math.Min(draws, start + Block); k++)
            {
                var at = k - start;
                for (var i = 0; i < w.Values.Length; i++)
                {
                    w.Values[i] = uncertainOf[i] < 0 ? stated[i] : w.Block[(uncertainOf[i] * Block) + at] * scale[i];
                }
                w.Inputs.Clear();
                foreach (var i in technosphereEntries)
                {
                    w.Inputs.Add(rows[i], columns[i], w.Values[i]);
                }
                double[] scaling;
                try
                {
                    w.Technosphere.Update(w.Inputs);
                    scaling = w.Technosphere.Solve(w.Demand(column));
                }
                catch (EngineException e)
                {
                    failures.Add((k, e.Message));
                    return w;
                }
                Array.Clear(w.Inventory);
                foreach (var i in biosphereEntries)
                {
                    w.Inventory[rows[i]] += w.Values[i] * scaling[columns[i]];
                }
                realisations[k] = factors.Score(w.Inventory);
            }
            return w;
        }, _ => { });
        if (!failures.IsEmpty)
        {
            var (first, message) = failures.MinBy(f => f.Realisation);
            throw new BackgroundSourceException(string.Create(CultureInfo.InvariantCulture,
                $"realisation {first + 1} of {draws} of the background cannot be solved ({message}); the exchanges' stated distributions give a system with no solution, so it cannot be sampled: write 'monte_carlo: fixed'."), withFile: true);
        }
        return realisations;
    }

    /// <summary>One thread's working copies: A's factorisation, N's pattern, the entry values, the inventory and a block of draws.</summary>
    private sealed class Worker(LinkedDatabase linked, int entries, int uncertain)
    {
        private double[]? _demand;

        public SparseTechnosphere Technosphere { get; } = new(linked.Inputs, j => linked.Columns[j].Process.Name);

        public SparseColumns Inputs { get; } = new(linked.Columns.Count, linked.Columns.Count);

        public double[] Values { get; } = new double[entries];

        public double[] Inventory { get; } = new double[linked.Flows.Count];

        public double[] Block { get; } = new double[uncertain * ProcessRealisations.Block];

        public double[] Demand(int column)
        {
            if (_demand is null)
            {
                _demand = new double[linked.Columns.Count];
                _demand[column] = 1;
            }
            return _demand;
        }
    }

    private static Distribution Distribution(ExchangeUncertainty u) => u.Distribution switch
    {
        ExchangeDistribution.Lognormal => new LognormalDistribution(u.First, u.Second),
        ExchangeDistribution.Normal => new NormalDistribution(u.First, u.Second),
        ExchangeDistribution.Triangular => new TriangularDistribution(u.First, u.Second, u.Third),
        _ => new UniformDistribution(u.First, u.Second, (u.First + u.Second) / 2),
    };
}
