using System.Globalization;
using System.Text.RegularExpressions;
using Cradle.Cli.Commands;
using Cradle.Cli.Rendering;
using Cradle.Results.Json;
using Cradle.Studies.Assessment;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// The exact table and JSON output for the bundled example, compared with committed snapshots, and identical under
/// a comma-decimal culture. After an intended change, regenerate with CRADLE_UPDATE_SNAPSHOTS=1 ./test.sh and review the diff.
/// </summary>
public sealed partial class OutputSnapshotTests
{
    private const string StudyName = "examples/olmo2-7b/study.yaml";

    private static string Render(Action<StudyAssessment, string, TextWriter> renderer, CultureInfo culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            // A fixed file name, so snapshots do not depend on where the repository is checked out.
            var text = File.ReadAllText(Repository.Example);
            var assessment = StudyAssessor.Assess(text, StudyName);
            using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            renderer(assessment, text, writer);
            return writer.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    public static TheoryData<string> Formats => ["table", "json"];

    // The JSON as 'assess --format json' writes it: with the provenance of the run (this tool's version, the study's hash).
    private static Action<StudyAssessment, string, TextWriter> Renderer(string format) => format == "json"
        ? (assessment, text, writer) => ResultsWriter.Write(
            ResultsBuilder.From(assessment, ProvenanceOfResults.Of(RunProvenance.Tool, RunProvenance.Version, StudyName, text, [])), writer)
        : (assessment, _, writer) => TableRenderer.Write(assessment, writer);

    /// <summary>
    /// The output without what changes with every build or catalog edit: the tool's version and the hash of the bundled
    /// catalog's files (ProvenanceTests checks both). The study's hash stays: it changes only with the example itself.
    /// </summary>
    private static string Stable(string output) =>
        BundledHash().Replace(ToolVersion().Replace(output, "$1\"(version)\"", 1), "$1\"(sha256)\"", 1);

    [GeneratedRegex("(\"tool\": \"cradle\",\n    \"version\": )\"[^\"]*\"")]
    private static partial Regex ToolVersion();

    [GeneratedRegex("(\"bundled\": \\{\n        \"version\": \"[^\"]*\",\n        \"sha256\": )\"[0-9a-f]{64}\"")]
    private static partial Regex BundledHash();

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_matches_the_committed_snapshot(string format)
    {
        var actual = Stable(Render(Renderer(format), CultureInfo.InvariantCulture));
        var path = Path.Combine(Repository.Root, "tests", "Cradle.Acceptance.Tests", "Snapshots", $"olmo2-7b.{(format == "json" ? "json" : "txt")}");
        if (Environment.GetEnvironmentVariable("CRADLE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"No snapshot at {path}; run with CRADLE_UPDATE_SNAPSHOTS=1 to create it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_is_the_same_under_a_comma_decimal_culture(string format)
    {
        Assert.Equal(
            Render(Renderer(format), CultureInfo.InvariantCulture),
            Render(Renderer(format), CultureInfo.GetCultureInfo("de-DE")));
    }
}
