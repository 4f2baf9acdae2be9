using System.Globalization;
using BenchmarkDotNet.Attributes;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;

namespace Cradle.Benchmarks;

/// <summary>
/// The comparison of 100 alternatives under 10,000 Monte Carlo draws (issue 13: 13–16 s as a whole process, every pair
/// computed). The example is given 100 alternatives that differ in their serving energy, as
/// scripts/many-alternatives-study.py writes it for the whole-process timing. Timed: compiling the 100 alternatives (on
/// every core, as the tool does); the comparison on draws already made, each against the reference (the default, 99
/// pairs) and every pair (--all-pairs, 4,950); and the comparison with its sampling, as <c>cradle compare --mc 10000</c>
/// does it. The comparisons run with <c>--threads 1</c>, so they show the work saved, not the cores used.
/// </summary>
[MemoryDiagnoser]
public class ManyAlternativesComparisonBenchmarks
{
    private const int Alternatives = 100;
    private static readonly MonteCarloOptions Options = new(10_000, 1, 1);
    private string _text = null!;
    private List<(string Label, CompiledStudy Compiled)> _candidates = null!;
    private List<MonteCarloResult> _runs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = ExampleStudy.Text;
        var head = text[..text.IndexOf("\nalternatives:", StringComparison.Ordinal)];
        var tail = text[text.IndexOf("\ninterpretation:", StringComparison.Ordinal)..];
        var alternatives = string.Concat(Enumerable.Range(0, Alternatives).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"  variant-{i:000}:\n    description: Synthetic variant {i}.\n    parameters:\n      serving_energy:\n        value: {0.03 + (0.004 * i):0.0000} kWh\n        provenance: measured\n        source: synthetic\n")));
        _text = head + "\nalternatives:\n" + alternatives + tail;
        _candidates = Compile();
        _runs = [.. _candidates.Select(c => UncertaintyAnalysis.Sample(c.Compiled, Options))];
    }

    [Benchmark(Description = "compile the study's 100 alternatives")]
    public int CompileAll() => Compile().Count;

    [Benchmark(Baseline = true, Description = "100 alternatives, 10,000 draws made, each against the reference (99 pairs)")]
    public int Reference() => ComparisonAnalysis.Compare(_candidates, _runs, Options, ComparisonPairs.Default).Pairs.Count;

    [Benchmark(Description = "100 alternatives, 10,000 draws made, every pair (4,950)")]
    public int AllPairs() => ComparisonAnalysis.Compare(_candidates, _runs, Options, new ComparisonPairs(true, null)).Pairs.Count;

    [Benchmark(Description = "100 alternatives sampled 10,000 times and compared with the reference")]
    public int SampleAndCompare() => ComparisonAnalysis.Compare(_candidates, Options, new ComparisonAcceptance(null, null), ComparisonPairs.Default).Pairs.Count;

    private List<(string Label, CompiledStudy Compiled)> Compile()
    {
        var (_, compiled, _) = StudyAssessor.Compile(_text, ExampleStudy.Path, [], null);
        return [.. compiled.Select(c => (c.Alternative!.Id, c))];
    }
}
