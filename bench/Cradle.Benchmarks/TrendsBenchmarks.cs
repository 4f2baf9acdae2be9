using BenchmarkDotNet.Attributes;
using Cradle.Catalog;
using Cradle.Trends.Assessment;
using Cradle.Trends.Study;

namespace Cradle.Benchmarks;

/// <summary>
/// <c>cradle trends</c> in process: the whole Epoch notable-models file (884 rows, 119 assessed) read, selected and
/// assessed with 10,000 Monte Carlo draws per model, trends fitted — under the baseline alone and under the four
/// default scenarios. The goal: the whole dataset at 10,000 draws per model under 2 s on this machine.
/// </summary>
[MemoryDiagnoser]
public class TrendsBenchmarks
{
    private string _csv = "";

    [Params(1, 4)]
    public int Scenarios { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cradle.slnx")))
        {
            directory = directory.Parent;
        }

        _csv = File.ReadAllText(Path.Combine(directory?.FullName ?? throw new InvalidOperationException("run from the repository"),
            "tests", "data", "epoch-notable-ai-models", "notable_ai_models.csv"));
        _ = CatalogLoader.Shipped;
    }

    [Benchmark(Description = "whole dataset, 10,000 draws per model")]
    public TrendStudyResult Run()
    {
        using var reader = new StringReader(_csv);
        return TrendStudy.Run("notable_ai_models.csv", reader, CatalogLoader.Shipped,
            new TrendStudyOptions([.. TrendStudyOptions.DefaultScenarios.Take(Scenarios)], TrainingAssumptions.Default));
    }
}
