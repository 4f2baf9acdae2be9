using System.Globalization;
using BenchmarkDotNet.Attributes;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;

namespace Cradle.Benchmarks;

/// <summary>
/// A report of a study with many alternatives (issue 8: 200 alternatives used to take 38 s of HTML). The example's
/// results with 1,000 Monte Carlo draws are repeated to N alternatives with every pair compared; HTML draws charts for
/// the first ten and lists the pairs with the first alternative once there are more than 100 pairs.
/// </summary>
[MemoryDiagnoser]
public class ManyAlternativesReportBenchmarks
{
    private AssessmentResults _model = null!;

    /// <summary>How many alternatives the report covers.</summary>
    [Params(20, 200)]
    public int Alternatives { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var example = ExampleStudy.Report(1000, 7);

        var alternatives = Enumerable.Range(0, Alternatives)
            .Select(i => example.Alternatives[i % example.Alternatives.Count] with { Id = string.Create(CultureInfo.InvariantCulture, $"variant-{i}") })
            .ToList();
        var template = example.Comparison!.Pairs[0];
        var pairs = (from i in Enumerable.Range(0, Alternatives)
                     from j in Enumerable.Range(i + 1, Alternatives - i - 1)
                     select (alternatives[i].Id!, alternatives[j].Id!, template.Difference, template.ProbabilityALower)).ToList();
        var comparison = example.Comparison with
        {
            Alternatives = [.. alternatives.Select(a => (a.Id!, a.Totals, example.Comparison.Alternatives[0].Uncertainty))],
            Pairs = pairs,
        };
        _model = example with { Alternatives = alternatives, Comparison = comparison };
    }

    [Benchmark(Baseline = true, Description = "Markdown")]
    public int Markdown() => Render(MarkdownReport.Write);

    [Benchmark(Description = "HTML")]
    public int Html() => Render(HtmlReport.Write);

    private int Render(Action<AssessmentResults, TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(_model, writer);
        return writer.GetStringBuilder().Length;
    }
}
