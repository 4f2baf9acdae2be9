using System.Globalization;
using System.Text;
using Cradle.Core.Engine;
using Cradle.Core.Sensitivity;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// The sensitivity analysis re-evaluates only what each input reaches and runs on all threads (issue 13). The tornado
/// must equal the per-input re-solve it replaced, the Sobol indices the full evaluation of every matrix, and every
/// figure must be the same bits at any number of threads.
/// </summary>
public sealed class SensitivitySweepTests
{
    private static readonly int[] ThreadCounts = [1, 2, 4];

    [Fact]
    public void The_tornado_of_the_example_equals_the_per_input_re_solve()
    {
        foreach (var compiled in Example())
        {
            AssertSwingsMatch(compiled);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_tornado_of_a_random_study_equals_the_per_input_re_solve(int seed)
    {
        AssertSwingsMatch(Compile(RandomStudy(seed)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_Sobol_runs_equal_a_full_evaluation_of_every_matrix(int seed)
    {
        var compiled = Compile(RandomStudy(seed));
        var inputs = UncertaintyAnalysis.Inputs(compiled);
        var swept = SensitivityAnalysis.Run(compiled, inputs, 512, 50, 7, maxThreads: 2);
        var full = FullSobol(compiled, inputs, 512, 50, 7);
        foreach (var result in swept.Inputs)
        {
            var i = inputs.ToList().FindIndex(x => x.Name == result.Input);
            for (var c = 0; c < full.Outputs.Count; c++)
            {
                Close(full.Outputs[c].First[i], result.First[c], 1e-9);
                Close(full.Outputs[c].Total[i], result.Total[c], 1e-9);
                Close(full.Outputs[c].FirstInterval[i].Low, result.FirstInterval[c].Low, 1e-9);
                Close(full.Outputs[c].TotalInterval[i].High, result.TotalInterval[c].High, 1e-9);
            }
        }
    }

    [Fact]
    public void The_example_gives_the_same_bits_at_1_2_and_4_threads()
    {
        foreach (var compiled in Example())
        {
            AssertSameAtAnyThreadCount(compiled, 1024);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_random_study_gives_the_same_bits_at_1_2_and_4_threads(int seed)
    {
        // 700 base samples: blocks of 256 with a short last one.
        AssertSameAtAnyThreadCount(Compile(RandomStudy(seed)), 700);
    }

    private static void AssertSameAtAnyThreadCount(CompiledStudy compiled, int samples)
    {
        var results = ThreadCounts.Select(t => SensitivityAnalysis.Run(compiled, samples, 40, 5, t)).ToList();
        foreach (var other in results.Skip(1))
        {
            Assert.Equal(Bits(results[0]), Bits(other));
        }
    }

    private static List<long> Bits(SensitivityResult result) =>
    [
        .. result.Inputs.SelectMany(x => x.AtLow.Concat(x.AtHigh).Concat(x.First).Concat(x.Total)
            .Concat(x.FirstInterval.SelectMany(i => new[] { i.Low, i.High }))
            .Concat(x.TotalInterval.SelectMany(i => new[] { i.Low, i.High })))
            .Select(BitConverter.DoubleToInt64Bits),
    ];

    private static void AssertSwingsMatch(CompiledStudy compiled)
    {
        var inputs = UncertaintyAnalysis.Inputs(compiled);
        Assert.NotEmpty(inputs);
        var totals = LcaCalculator.Calculate(compiled.System, compiled.Method, compiled.Demand, compiled.Values).Impacts;
        var (low, high) = Tornado.Swings(compiled, inputs, totals);
        var (expectedLow, expectedHigh) = Tornado.ByResolving(compiled, inputs);
        for (var i = 0; i < inputs.Count; i++)
        {
            for (var c = 0; c < totals.Count; c++)
            {
                Close(expectedLow[i][c], low[i][c], 1e-12);
                Close(expectedHigh[i][c], high[i][c], 1e-12);
                if (expectedLow[i][c] == expectedHigh[i][c])
                {
                    // An input that does not reach a category leaves it exactly at its total.
                    Assert.Equal(low[i][c], high[i][c]);
                }
            }
        }
    }

    private static void Close(double expected, double actual, double relative)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual));
            return;
        }
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1e-300, Math.Max(Math.Abs(expected), Math.Abs(actual))) + 1e-15,
            string.Create(CultureInfo.InvariantCulture, $"expected {expected:R}, got {actual:R}"));
    }

    /// <summary>The Sobol indices the way they were first computed: the whole model evaluated for A, B and each AB_i.</summary>
    private static SobolResult FullSobol(CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs, int n, int bootstrap, ulong seed)
    {
        double[][] Matrix(string which) => [.. inputs.Select(input =>
        {
            var column = new double[n];
            input.Distribution.Sample(new RandomDraws(seed, $"{input.Name}#{which}", 0), column);
            return column;
        })];
        var model = new VectorisedModel(compiled.System, compiled.Method);
        var workspace = model.CreateWorkspace(n);
        var slots = Enumerable.Range(0, model.SlotCount).Select(_ => new double[n]).ToArray();
        var sampled = new bool[model.SlotCount];
        foreach (var input in inputs)
        {
            sampled[input.Slot] = true;
        }
        var categories = compiled.Method.Categories.Count;
        double[][] Evaluate(double[][] columns)
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                columns[i].CopyTo(slots[inputs[i].Slot], 0);
            }
            var impacts = new[] { Enumerable.Range(0, categories).Select(_ => new double[n]).ToArray() };
            var stages = model.Stages.Select(_ => Enumerable.Range(0, categories).Select(_ => new double[n]).ToArray()).ToArray();
            model.Evaluate(slots, sampled, n, [compiled.Demand], workspace, impacts, stages, 0);
            return impacts[0];
        }
        return SobolAnalysis.Estimate(Matrix("A"), Matrix("B"), Evaluate, bootstrap, seed);
    }

    private static IEnumerable<CompiledStudy> Example()
    {
        var path = Path.Combine(RepositoryRoot(), "examples", "olmo2-7b", "study.yaml");
        return StudyAssessor.Compile(File.ReadAllText(path), path, [], null).Alternatives;
    }

    private static CompiledStudy Compile(string text) => StudyAssessor.Compile(text, TinyStudy.File, [], null).Alternatives[0];

    /// <summary>
    /// The tiny study with 2 to 6 more stages of random energy, one a share of another (a parameter computed from two
    /// inputs), and random uncertainties on the grid, the PUE and the stages.
    /// </summary>
    private static string RandomStudy(int seed)
    {
        var random = new Random(seed);
        string Uncertainty() => random.Next(3) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"{{distribution: lognormal, gsd: {1.05 + (random.NextDouble() * 0.5):0.###}}}"),
            1 => string.Create(CultureInfo.InvariantCulture, $"{{distribution: triangular, min_factor: {0.5 + (random.NextDouble() * 0.4):0.###}, max_factor: {1.1 + random.NextDouble():0.###}}}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{{distribution: uniform, min_factor: {0.6 + (random.NextDouble() * 0.3):0.###}, max_factor: {1.05 + random.NextDouble():0.###}}}"),
        };
        var stages = new StringBuilder("stages:\n");
        var count = 2 + random.Next(5);
        for (var i = 0; i < count; i++)
        {
            stages.Append(CultureInfo.InvariantCulture, $"""
                  run-{i}:
                    kind: pre-training
                    hardware: fleet
                    site: s
                    energy: {"{"}value: {10 + random.Next(5000)} kWh, uncertainty: {Uncertainty()}{"}"}
                    device_time: {1 + random.Next(3000)} h

                """);
        }
        stages.Append(CultureInfo.InvariantCulture, $"""
              experimentation:
                share_of: run-0
                share: {"{"}value: {0.1 + (random.NextDouble() * 0.8):0.###}, uncertainty: {Uncertainty()}{"}"}

            """);
        var text = TinyStudy.With("included: [pre-training, inference, hardware-manufacture]", "included: [experimentation, pre-training, inference, hardware-manufacture]");
        text = TinyStudy.With("gwp100: 0.5 kg CO2e/kWh", $"gwp100: {{value: 0.5 kg CO2e/kWh, uncertainty: {Uncertainty()}}}", text);
        text = TinyStudy.With("    pue: 1.5\n", $"    pue: {{value: 1.5, uncertainty: {Uncertainty()}}}\n", text);
        var from = text.IndexOf("stages:\n", StringComparison.Ordinal);
        var to = text.IndexOf("inference:\n", StringComparison.Ordinal);
        return text[..from] + stages + text[to..];
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cradle.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Cradle.slnx above {AppContext.BaseDirectory}.");
    }
}
