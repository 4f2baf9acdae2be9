using System.Net.Http.Headers;
using System.Text;
using Cradle.Server.Hosting;
using Cradle.Studies;
using Cradle.Studies.Assessment;
using Cradle.Syntax;

namespace Cradle.Server.Tests.Studies;

/// <summary>The studies the tests send: the bundled example (README's first command), and the same with real mistakes.</summary>
internal static class StudyTexts
{
    /// <summary>examples/olmo2-7b/study.yaml, as committed.</summary>
    public static string Example { get; } = File.ReadAllText(Path.Combine(FindRoot(), "examples", "olmo2-7b", "study.yaml"));

    /// <summary>The example's own name (its <c>name:</c>).</summary>
    public const string ExampleName = "OLMo 2 7B — development, training and serving";

    /// <summary>The example with a comment that makes its text (and hash) its own, for a store other tests share.</summary>
    public static string Unique() => Example + $"# {Guid.NewGuid():N}\n";

    /// <summary>The example with the serving stage's device misspelt (h100-sxm → h100-sxn): an unknown device id.</summary>
    public static string UnknownDevice()
    {
        const string Reference = "    device: h100-sxm\n";
        Assert.Contains(Reference, Example, StringComparison.Ordinal);
        return Example.Replace(Reference, "    device: h100-sxn\n", StringComparison.Ordinal);
    }

    /// <summary>The 1-based line of the first line of <paramref name="text"/> that contains <paramref name="part"/>.</summary>
    public static int LineOf(string text, string part) =>
        text.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(part, StringComparison.Ordinal)).i + 1;

    /// <summary>The example with its name replaced by <paramref name="name"/> (written as a double-quoted YAML string).</summary>
    public static string Named(string name)
    {
        var line = $"name: {ExampleName}\n";
        Assert.Contains(line, Example, StringComparison.Ordinal);
        return Example.Replace(line, $"name: \"{name}\"\n", StringComparison.Ordinal);
    }

    /// <summary>The problems the CLI prints for <paramref name="text"/> (what 'cradle assess' reports, by its library path).</summary>
    public static IReadOnlyList<InputProblem> CliProblems(string text) =>
        Assert.Throws<StudyException>(() => StudyAssessor.Compile(text, "study.yaml", [], null)).Problems;

    /// <summary>The results document 'cradle assess study.yaml --format json' prints for <paramref name="text"/>.</summary>
    public static string CliResults(string text, MonteCarloOptions? monteCarlo = null)
    {
        var assessment = StudyAssessor.Assess(text, "study.yaml", [], null, monteCarlo);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Cradle.Results.Json.ResultsWriter.Write(
            ResultsBuilder.From(assessment, ProvenanceOfResults.Of(ServerState.Tool, ServerState.ToolVersion, "study.yaml", text, [])), writer);
        return writer.ToString();
    }

    public static StringContent Yaml(string text, string mediaType = "application/yaml")
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cradle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Cannot find Cradle.slnx above " + AppContext.BaseDirectory);
    }
}
