using System.Globalization;
using Cradle.Core.Engine;
using Cradle.Core.Engine.Sparse;
using Cradle.Core.Uncertainty;
using Cradle.Interchange.Reading;
using Cradle.Studies.Background;

namespace Cradle.Interchange.Background;

/// <summary>
/// Realisations of a linked provider for a sampled background: every exchange with a stated uncertainty drawn from it
/// (one stream per exchange, keyed on its process and internal id, so every link to the database sees the same
/// realisations), N and B refilled, and A solved again with the pattern and the ILU's symbolic structure kept
/// (<see cref="SparseTechnosphere.Update"/>): only the numeric factorisation is redone per realisation.
/// </summary>
internal static class ProcessRealisations
{
    /// <summary>The stream seed of the background's draws: fixed, so the realisations are the same in every run; the study's seed picks among them.</summary>
    private const ulong Seed = 0x0C7A5D2E3B614F0AUL;

    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Draw(LinkedDatabase linked, int column, IndicatorFactors factors, int draws)
    {
        var samples = new Dictionary<MatrixEntry, double[]>(ReferenceEqualityComparer.Instance);
        foreach (var entry in linked.Entries.Where(e => e.Uncertainty is not null))
        {
            var values = new double[draws];
            Distribution(entry.Uncertainty!).Sample(new RandomDraws(Seed, entry.Key, 0), values);
            samples[entry] = values;
        }
        var technosphere = new SparseTechnosphere(linked.Inputs, j => linked.Columns[j].Process.Name);
        var demand = new double[linked.Columns.Count];
        demand[column] = 1;
        var inventory = new double[linked.Flows.Count];
        var realisations = new IReadOnlyDictionary<string, double>[draws];
        for (var k = 0; k < draws; k++)
        {
            var (inputs, biosphere) = linked.Matrices(e => samples.TryGetValue(e, out var v) ? v[k] * e.Scale : e.Value);
            double[] scaling;
            try
            {
                technosphere.Update(inputs);
                scaling = technosphere.Solve(demand);
            }
            catch (EngineException e)
            {
                throw new BackgroundSourceException(string.Create(CultureInfo.InvariantCulture,
                    $"realisation {k + 1} of {draws} of the background cannot be solved ({e.Message}); the exchanges' stated distributions give a system with no solution, so it cannot be sampled: write 'monte_carlo: fixed'."), withFile: true);
            }
            Array.Clear(inventory);
            for (var j = 0; j < scaling.Length; j++)
            {
                if (scaling[j] != 0)
                {
                    foreach (var (row, value) in biosphere.Column(j))
                    {
                        inventory[row] += value * scaling[j];
                    }
                }
            }
            realisations[k] = factors.Score(inventory);
        }
        return realisations;
    }

    private static Distribution Distribution(ExchangeUncertainty u) => u.Distribution switch
    {
        ExchangeDistribution.Lognormal => new LognormalDistribution(u.First, u.Second),
        ExchangeDistribution.Normal => new NormalDistribution(u.First, u.Second),
        ExchangeDistribution.Triangular => new TriangularDistribution(u.First, u.Second, u.Third),
        _ => new UniformDistribution(u.First, u.Second, (u.First + u.Second) / 2),
    };
}
