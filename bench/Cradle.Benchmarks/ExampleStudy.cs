using System.Globalization;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Studies.Assessment;

namespace Cradle.Benchmarks;

/// <summary>The bundled OLMo 2 7B example, found from the benchmark's output folder, and its results.</summary>
internal static class ExampleStudy
{
    /// <summary>The example study's path.</summary>
    public static string Path { get; } = FindPath();

    /// <summary>The example study's text.</summary>
    public static string Text => File.ReadAllText(Path);

    /// <summary>The example's results JSON with <paramref name="iterations"/> Monte Carlo draws, as <c>cradle assess --format json</c> writes it.</summary>
    public static string ResultsJson(int iterations, ulong seed)
    {
        var assessment = StudyAssessor.Assess(Text, "study.yaml", [], null, new MonteCarloOptions(iterations, seed, 1));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ResultsWriter.Write(ResultsBuilder.From(assessment, null), writer);
        return writer.ToString();
    }

    /// <summary>The example's report model with <paramref name="iterations"/> Monte Carlo draws.</summary>
    public static AssessmentResults Report(int iterations, ulong seed) => ResultsReader.Read(ResultsJson(iterations, seed));

    private static string FindPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Cradle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory is null
            ? throw new InvalidOperationException("Cradle.slnx not found above " + AppContext.BaseDirectory)
            : System.IO.Path.Combine(directory.FullName, "examples", "olmo2-7b", "study.yaml");
    }
}
