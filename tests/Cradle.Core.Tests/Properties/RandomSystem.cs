using System.Globalization;
using Cradle.Core.Engine;
using Cradle.Core.Model;
using Cradle.Core.Tests.Builders;
using Cradle.Core.Units;
using CsCheck;

namespace Cradle.Core.Tests.Properties;

/// <summary>
/// A randomly generated product system, described in canonical units (the first unit of each product's family,
/// kg for flows). Process j makes product j. <see cref="Build"/> writes it in any choice of equivalent units:
/// every exchange is a parameter whose value and unit are converted, so the physics stays the same.
/// </summary>
/// <param name="Families">The unit family of each product (index into <see cref="ProductUnits"/>).</param>
/// <param name="Inputs">(supplier i, consumer j, amount of i per unit of j, in canonical units).</param>
/// <param name="Emissions">(flow f, process j, kg of f per unit of j).</param>
/// <param name="Stages">The stage label of each process.</param>
/// <param name="Demanded">The demanded product.</param>
/// <param name="DemandAmount">The demand, in the demanded product's canonical unit.</param>
internal sealed record RandomSystem(
    int[] Families,
    (int Supplier, int Consumer, double Amount)[] Inputs,
    (int Flow, int Process, double Amount)[] Emissions,
    string[] Stages,
    int Demanded,
    double DemandAmount)
{
    /// <summary>Equivalent units of each product family; the first is canonical.</summary>
    public static readonly string[][] ProductUnits =
    [
        ["kWh", "Wh", "MJ", "MWh", "J"],
        ["h", "min", "s", "d"],
        ["request", "krequest"],
        ["kg", "g", "t"],
        ["token", "ktoken", "Mtoken"],
    ];

    /// <summary>Equivalent units of every flow; the first (kg) is canonical.</summary>
    public static readonly string[] FlowUnits = ["kg", "g", "t", "mg"];

    public static readonly string[] FlowIds = ["co2", "ch4", "so2"];

    /// <summary>GWP100 (CO2 1, CH4 29.8) and acidification (SO2 1), per kg.</summary>
    public static readonly (string Category, string Flow, double PerKg)[] Factors =
        [("gwp100", "co2", 1), ("gwp100", "ch4", Methods.Ch4FossilGwp100), ("acidification", "so2", 1)];

    public int ProcessCount => Families.Length;

    /// <summary>Systems whose processes only consume products of higher-numbered processes (no loops).</summary>
    public static Gen<RandomSystem> Acyclic { get; } = Generate(cyclic: false);

    /// <summary>
    /// Systems with loops and self-loops (processes 0 and 1 always feed each other). Each process consumes at most 0.9 units of products in total per unit made
    /// (in canonical units), so the spectral radius of the input matrix is below 0.9 and A = I − N is invertible;
    /// changing units is a diagonal similarity, which keeps that.
    /// </summary>
    public static Gen<RandomSystem> Cyclic { get; } = Generate(cyclic: true);

    /// <summary>
    /// Acyclic systems in which processes may also consume their own product (at most 0.3 units per unit made): every
    /// strongly connected component is one process, so the vectorised model solves them column-wise, self-loops included.
    /// </summary>
    public static Gen<RandomSystem> AcyclicWithSelfLoops { get; } = Generate(cyclic: false, selfLoops: true);

    private static Gen<RandomSystem> Generate(bool cyclic, bool selfLoops = false) =>
        from n in Gen.Int[2, 12]
        from families in Gen.Int[0, ProductUnits.Length - 1].Array[n]
        from presence in Gen.Double[0, 1].Array[n * n]
        from amounts in (cyclic ? Gen.Double[0.001, 0.9 / n] : Gen.Double[0.01, 3]).Array[n * n]
        from flowPresence in Gen.Double[0, 1].Array[FlowIds.Length * n]
        from flowAmounts in Gen.Double[0.001, 10].Array[FlowIds.Length * n]
        from stages in Gen.OneOf("pre-training", "inference", "hardware").Array[n]
        from demanded in Gen.Int[0, n - 1]
        from demandAmount in Gen.Double[0.1, 100]
        select new RandomSystem(
            families,
            [.. from i in Enumerable.Range(0, n)
                from j in Enumerable.Range(0, n)
                where (cyclic || i > j || (selfLoops && i == j)) && (presence[(i * n) + j] < (cyclic ? 0.3 : 0.4) || (cyclic && i + j == 1))
                select (i, j, !cyclic && i == j ? amounts[(i * n) + j] / 10 : amounts[(i * n) + j])],
            [.. from f in Enumerable.Range(0, FlowIds.Length)
                from j in Enumerable.Range(0, n)
                where flowPresence[(f * n) + j] < 0.6
                select (f, j, flowAmounts[(f * n) + j])],
            stages,
            demanded,
            demandAmount);

    /// <summary>A unit choice: the canonical one (all zeros) or a random one.</summary>
    public sealed record Units(int[] Product, int[] Flow)
    {
        public static Units Canonical(RandomSystem system) => new(new int[system.ProcessCount], new int[FlowIds.Length]);

        public override string ToString() => $"units: products [{string.Join(", ", Product)}], flows [{string.Join(", ", Flow)}]";
    }

    /// <summary>A random choice of equivalent units for this system's products and flows.</summary>
    public Gen<Units> OtherUnits() =>
        Gen.Select(
            Gen.Int[0, 1000].Array[ProcessCount].Select(picks => picks.Select((p, j) => p % ProductUnits[Families[j]].Length).ToArray()),
            Gen.Int[0, FlowUnits.Length - 1].Array[FlowIds.Length],
            (product, flow) => new Units(product, flow));

    public string ProductUnit(Units units, int j) => ProductUnits[Families[j]][units.Product[j]];

    private double ProductFactor(Units units, int j) => UnitParser.Parse(ProductUnit(units, j)).FactorToBase;

    private double CanonicalProductFactor(int j) => UnitParser.Parse(ProductUnits[Families[j]][0]).FactorToBase;

    private static double FlowFactor(Units units, int f) => UnitParser.Parse(FlowUnits[units.Flow[f]]).FactorToBase;

    /// <summary>The system written in <paramref name="units"/>.</summary>
    public ProductSystem Build(Units units)
    {
        var builder = new SystemBuilder();
        for (var j = 0; j < ProcessCount; j++)
        {
            builder.Product($"p{j}", ProductUnit(units, j));
        }
        for (var f = 0; f < FlowIds.Length; f++)
        {
            builder.Flow(FlowIds[f], FlowUnits[units.Flow[f]]);
        }
        foreach (var (i, j, amount) in Inputs)
        {
            // amount is in canonical_i per canonical_j; in the chosen units it is amount × (c_i / u_i) × (u_j / c_j)
            var value = amount * (CanonicalProductFactor(i) / ProductFactor(units, i)) * (ProductFactor(units, j) / CanonicalProductFactor(j));
            builder.Parameter($"a_{i}_{j}", value, $"{ProductUnit(units, i)}/{ProductUnit(units, j)}");
        }
        foreach (var (f, j, amount) in Emissions)
        {
            var value = amount * (1 / FlowFactor(units, f)) * (ProductFactor(units, j) / CanonicalProductFactor(j));
            builder.Parameter($"e_{f}_{j}", value, $"{FlowUnits[units.Flow[f]]}/{ProductUnit(units, j)}");
        }
        for (var j = 0; j < ProcessCount; j++)
        {
            var process = j;
            builder.Process($"process {j}", makes: $"p{j}", p =>
            {
                foreach (var (i, _, _) in Inputs.Where(x => x.Consumer == process))
                {
                    p.Consumes($"p{i}", $"a_{i}_{process}");
                }
                foreach (var (f, _, _) in Emissions.Where(x => x.Process == process))
                {
                    p.Emits(FlowIds[f], $"e_{f}_{process}");
                }
            }, stage: Stages[j]);
        }
        return builder.Build();
    }

    /// <summary>The method with factors per one unit of each flow as written in <paramref name="units"/>.</summary>
    public static ImpactMethod Method(Units units) => Methods.Of(
        [.. Factors.GroupBy(x => x.Category).Select(category => new ImpactCategory(
            category.Key, category.Key, UnitParser.Parse(category.Key == "gwp100" ? "kg CO2 eq" : "kg SO2 eq"),
            category.ToDictionary(
                x => x.Flow,
                x => x.PerKg * FlowFactor(units, Array.IndexOf(FlowIds, x.Flow)))))]);

    /// <summary>The demand in <paramref name="units"/>.</summary>
    public Demand Demand(Units units, double scale = 1) =>
        new($"p{Demanded}", scale * DemandAmount * CanonicalProductFactor(Demanded) / ProductFactor(units, Demanded));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{ProcessCount} processes; inputs [{string.Join(", ", Inputs.Select(x => $"{x.Supplier}→{x.Consumer}: {x.Amount:R}"))}]; " +
        $"emissions [{string.Join(", ", Emissions.Select(x => $"{FlowIds[x.Flow]}@{x.Process}: {x.Amount:R}"))}]; demand {DemandAmount:R} of p{Demanded}");
}
