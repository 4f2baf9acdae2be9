using System.Globalization;
using BenchmarkDotNet.Attributes;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;

namespace Cradle.Benchmarks;

/// <summary>
/// `cradle report` on the OLMo 2 7B example's results with 4,000 Monte Carlo iterations: read the results JSON into the
/// report model, then render each format. HTML is the one that draws charts (ScottPlot to SVG), so it is the one to watch.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private string _json = "";
    private AssessmentResults _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = ExampleStudy.ResultsJson(4000, 7);
        _model = ResultsReader.Read(_json);
    }

    [Benchmark(Description = "read results JSON into the report model")]
    public AssessmentResults Read() => ResultsReader.Read(_json);

    [Benchmark(Description = "Markdown")]
    public int Markdown() => Render(MarkdownReport.Write);

    [Benchmark(Description = "model card")]
    public int ModelCard() => Render((model, writer) => ModelCardReport.Write(model, writer));

    [Benchmark(Description = "CSV")]
    public int Csv() => Render(CsvReport.Write);

    [Benchmark(Baseline = true, Description = "HTML with its 16 charts (ScottPlot, SVG)")]
    public int Html() => Render(HtmlReport.Write);

    private int Render(Action<AssessmentResults, TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(_model, writer);
        return writer.GetStringBuilder().Length;
    }
}
