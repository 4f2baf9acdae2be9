using Cradle.Core.Engine;

namespace Cradle.Core.Tests.Engine.Sparse;

/// <summary>
/// A synthetic technosphere shaped like ecoinvent's, deterministic from a seed (shared by the tests and bench/ as a
/// linked source file): N processes making one product each; about 10 non-zeros per column of A (the unit diagonal and
/// 5–14 inputs drawn uniformly from the other processes, so some from earlier and some from later ones and the graph
/// is one large cycle); per process an input total between 0.1 and 0.6 of what it makes, in products' units a factor
/// 10 apart either way (kg beside kWh beside MJ); a biosphere of 100 flows with 2–6 entries per column; 3 categories
/// with factors for 40 flows each; and a lognormal uncertainty (geometric σ of ln between 0.05 and 0.3) on every
/// exchange, its median the base amount.
/// </summary>
internal sealed class EcoinventShapedSystem
{
    /// <summary>Elementary flows in the biosphere.</summary>
    public const int Flows = 100;

    private EcoinventShapedSystem(
        int processes, SparseColumns inputs, double[] inputSigmas, SparseColumns biosphere, IReadOnlyList<IReadOnlyList<(int Flow, double Factor)>> categories)
    {
        Processes = processes;
        Inputs = inputs;
        InputSigmas = inputSigmas;
        Biosphere = biosphere;
        Categories = categories;
    }

    /// <summary>Number of processes (and products).</summary>
    public int Processes { get; }

    /// <summary>N: product i consumed by process j per unit of j's product, at the median amounts.</summary>
    public SparseColumns Inputs { get; }

    /// <summary>The σ of ln of each input, in the order of <see cref="Inputs"/>' columns and their entries.</summary>
    public double[] InputSigmas { get; }

    /// <summary>B: flow f emitted by process j per unit of j's product.</summary>
    public SparseColumns Biosphere { get; }

    /// <summary>C, one row of (flow, factor) per category.</summary>
    public IReadOnlyList<IReadOnlyList<(int Flow, double Factor)>> Categories { get; }

    /// <summary>The system with <paramref name="processes"/> processes for <paramref name="seed"/>.</summary>
    public static EcoinventShapedSystem Generate(int processes, int seed)
    {
        var random = new Random(seed);
        var units = new double[processes];
        for (var i = 0; i < processes; i++)
        {
            units[i] = Math.Pow(10, random.NextDouble() * 2 - 1);
        }
        var inputs = new SparseColumns(processes, processes);
        var sigmas = new List<double>();
        var suppliers = new HashSet<int>();
        var weights = new List<double>();
        for (var j = 0; j < processes; j++)
        {
            var count = Math.Min(processes - 1, 5 + random.Next(10));
            suppliers.Clear();
            while (suppliers.Count < count)
            {
                var i = random.Next(processes);
                if (i != j)
                {
                    suppliers.Add(i);
                }
            }
            weights.Clear();
            foreach (var _ in suppliers)
            {
                weights.Add(random.NextDouble() + 0.01);
            }
            var total = 0.1 + 0.5 * random.NextDouble();
            var sum = weights.Sum();
            var k = 0;
            foreach (var i in suppliers.Order())
            {
                // In common units the column adds up to `total`; in the products' own units, scaled by their ratio.
                inputs.Add(i, j, total * weights[k++] / sum * units[i] / units[j]);
                sigmas.Add(0.05 + 0.25 * random.NextDouble());
            }
        }
        var biosphere = new SparseColumns(Flows, processes);
        for (var j = 0; j < processes; j++)
        {
            var count = 2 + random.Next(5);
            var flows = new HashSet<int>();
            while (flows.Count < count)
            {
                flows.Add(random.Next(Flows));
            }
            foreach (var f in flows.Order())
            {
                biosphere.Add(f, j, Math.Pow(10, random.NextDouble() * 3 - 3) / units[j]);
            }
        }
        var categories = new List<IReadOnlyList<(int, double)>>();
        for (var c = 0; c < 3; c++)
        {
            var flows = new HashSet<int>();
            while (flows.Count < 40)
            {
                flows.Add(random.Next(Flows));
            }
            categories.Add(flows.Order().Select(f => (f, Math.Pow(10, random.NextDouble() * 3 - 1))).ToList());
        }
        return new EcoinventShapedSystem(processes, inputs, [.. sigmas], biosphere, categories);
    }

    /// <summary>One Monte Carlo draw of the inputs: each amount times exp(σ z), z standard normal; same pattern as <see cref="Inputs"/>.</summary>
    public SparseColumns DrawInputs(Random random)
    {
        var drawn = new SparseColumns(Processes, Processes);
        var k = 0;
        for (var j = 0; j < Processes; j++)
        {
            foreach (var (row, value) in Inputs.Column(j))
            {
                drawn.Add(row, j, value * Math.Exp(InputSigmas[k++] * StandardNormal(random)));
            }
        }
        return drawn;
    }

    /// <summary>(c B)ⱼ for category <paramref name="category"/>: each process's direct score per unit of its product.</summary>
    public double[] DirectScores(int category)
    {
        var factors = new double[Flows];
        foreach (var (flow, factor) in Categories[category])
        {
            factors[flow] = factor;
        }
        var direct = new double[Processes];
        for (var j = 0; j < Processes; j++)
        {
            foreach (var (row, value) in Biosphere.Column(j))
            {
                direct[j] += factors[row] * value;
            }
        }
        return direct;
    }

    private static double StandardNormal(Random random)
    {
        // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
