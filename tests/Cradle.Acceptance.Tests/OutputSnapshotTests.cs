using System.Globalization;
using Cradle.Cli.Rendering;
using Cradle.Studies.Assessment;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// The exact table and JSON output for the bundled example, compared with committed snapshots, and identical under
/// a comma-decimal culture. After an intended change, regenerate with CRADLE_UPDATE_SNAPSHOTS=1 ./test.sh and review the diff.
/// </summary>
public sealed class OutputSnapshotTests
{
    private static string Render(Action<StudyAssessment, TextWriter> renderer, CultureInfo culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            // A fixed file name, so snapshots do not depend on where the repository is checked out.
            var assessment = StudyAssessor.Assess(File.ReadAllText(Repository.Example), "examples/olmo2-7b/study.yaml");
            using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            renderer(assessment, writer);
            return writer.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    public static TheoryData<string> Formats => ["table", "json"];

    private static Action<StudyAssessment, TextWriter> Renderer(string format) =>
        format == "json" ? JsonRenderer.Write : TableRenderer.Write;

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_matches_the_committed_snapshot(string format)
    {
        var actual = Render(Renderer(format), CultureInfo.InvariantCulture);
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
