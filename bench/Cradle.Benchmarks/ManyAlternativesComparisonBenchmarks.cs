using System.Globalization;
using BenchmarkDotNet.Attributes;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;

namespace Cradle.Benchmarks;

/// <summary>
/// The comparison of 100 alternatives under 10,000 Monte Carlo draws (issue 13: 13–16 s as a whole process, every pair
/// computed). The example is given 100 alternatives that differ in their serving energy; the draws are made once in
/// the setup, so what is timed is the comparison itself: each against the reference (the default, 99 pairs) against
/// every pair (--all-pairs, 4,950).
/// </summary>
[MemoryDiagnoser]
public class ManyAlternativesComparisonBenchmarks
{
    private const int Alternatives = 100;
    private static readonly MonteCarloOptions Options = new(10_000, 1, 1);
    private List<(string Label, CompiledStudy Compiled)> _candidates = null!;
    private List<MonteCarloResult> _runs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = ExampleStudy.Text;
        var head = text[..text.IndexOf("\nalternatives:", StringComparison.Ordinal)];
        var tail = text[text.IndexOf("\ninterpretation:", StringComparison.Ordinal)..];
        var alternatives = string.Concat(Enumerable.Range(0, Alternatives).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"  variant-{i:000}:\n    parameters:\n      serving_energy:\n        value: {0.03 + (0.004 * i)} kWh\n        provenance: measured\n        source: synthetic\n")));
        var (_, compiled, _) = StudyAssessor.Compile(head + "\nalternatives:\n" + alternatives + tail, ExampleStudy.Path, [], null);
        _candidates = [.. compiled.Select(c => (c.Alternative!.Id, c))];
        _runs = [.. compiled.Select(c => UncertaintyAnalysis.Sample(c, Options))];
    }

    [Benchmark(Baseline = true, Description = "100 alternatives, 10,000 draws, each against the reference (99 pairs)")]
    public int Reference() => ComparisonAnalysis.Compare(_candidates, _runs, Options, ComparisonPairs.Default).Pairs.Count;

    [Benchmark(Description = "100 alternatives, 10,000 draws, every pair (4,950)")]
    public int AllPairs() => ComparisonAnalysis.Compare(_candidates, _runs, Options, new ComparisonPairs(true, null)).Pairs.Count;
}
