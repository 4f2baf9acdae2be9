using BenchmarkDotNet.Attributes;
using Cradle.Studies.Assessment;

namespace Cradle.Benchmarks;

/// <summary>The whole `cradle assess` pipeline on the OLMo 2 7B example: read YAML, compile three alternatives, calculate.</summary>
[MemoryDiagnoser]
public class StudyBenchmarks
{
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = ExampleStudy.Text;
    }

    [Benchmark(Description = "assess OLMo 2 7B example")]
    public StudyAssessment Assess() => StudyAssessor.Assess(_text, "study.yaml");
}
