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
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cradle.slnx")))
        {
            directory = directory.Parent;
        }
        _text = File.ReadAllText(Path.Combine(directory!.FullName, "examples", "olmo2-7b", "study.yaml"));
    }

    [Benchmark(Description = "assess OLMo 2 7B example")]
    public StudyAssessment Assess() => StudyAssessor.Assess(_text, "study.yaml");
}
