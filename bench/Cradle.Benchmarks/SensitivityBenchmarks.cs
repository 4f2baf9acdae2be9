using BenchmarkDotNet.Attributes;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;

namespace Cradle.Benchmarks;

/// <summary>
/// <c>cradle sensitivity</c>'s analysis (tornado, and Sobol with N = 4,096 and 200 bootstrap resamples) on the example
/// (offline batching, its own 5 uncertain inputs) and on <see cref="ManyStagesStudy"/> with 100 and 1,000 stages (one
/// uncertain input per stage, and the grid's, the PUE's and the GPU's), compiled beforehand. Runs on every processor;
/// the results do not depend on how many.
/// </summary>
[MemoryDiagnoser]
public class SensitivityBenchmarks
{
    private CompiledStudy _study = null!;

    [Params("example", "100 stages", "1000 stages")]
    public string Study { get; set; } = "example";

    [GlobalSetup]
    public void Setup()
    {
        var (text, path) = Study switch
        {
            "example" => (ExampleStudy.Text, ExampleStudy.Path),
            "100 stages" => (ManyStagesStudy.Text(100), "stages.yaml"),
            _ => (ManyStagesStudy.Text(1000), "stages.yaml"),
        };
        _study = StudyAssessor.Compile(text, path, [], null).Alternatives[0];
    }

    [Benchmark(Description = "sensitivity: tornado and Sobol, N = 4,096, 200 resamples")]
    public SensitivityResult Sensitivity() => SensitivityAnalysis.Run(_study, 4096, 200, 1);
}
