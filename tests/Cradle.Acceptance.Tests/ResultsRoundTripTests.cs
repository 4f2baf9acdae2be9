using System.Globalization;
using System.Text.Json.Nodes;
using Cradle.Acceptance.Tests.Fuzzing;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Studies.Assessment;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// The results records carry everything the JSON carries: for the bundled example and the acceptance-test studies,
/// with and without Monte Carlo (uncertainty, sensitivity, amortisation, comparison), writing the results, reading them
/// back and writing them again gives the same text; and a cradle.assessment/1 document still reads.
/// </summary>
public sealed class ResultsRoundTripTests
{
    public static TheoryData<string, bool> Studies => new()
    {
        { "example", false },
        { "example", true },
        { "small", false },
        { "small", true },
        { "modelled", false },
        { "modelled", true },
        { "delivers", true },
    };

    private static string Text(string study) => study switch
    {
        "example" => File.ReadAllText(Repository.Example),
        "small" => SeedStudies.Small,
        "delivers" => TradeoffCommandTests.Study,
        _ => SeedStudies.Modelled,
    };

    private static AssessmentResults Results(string study, bool monteCarlo, ResultProvenance? provenance)
    {
        // Few draws: the round trip needs every block present, not converged statistics.
        var assessment = StudyAssessor.Assess(Text(study), $"{study}.yaml", [], null, monteCarlo ? new MonteCarloOptions(64, 3, 1) : null);
        return ResultsBuilder.From(assessment, provenance);
    }

    private static string Write(AssessmentResults results)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        ResultsWriter.Write(results, writer);
        return writer.ToString();
    }

    private static ResultProvenance Provenance(string study) =>
        ProvenanceOfResults.Of("cradle", "1.2.3-test", $"{study}.yaml", Text(study), [("extra.yaml", "catalog: 1\n")]);

    [Theory]
    [MemberData(nameof(Studies))]
    public void Writing_reading_and_writing_again_gives_the_same_text(string study, bool monteCarlo)
    {
        var first = Write(Results(study, monteCarlo, Provenance(study)));
        var read = ResultsReader.Read(first);
        Assert.Equal(first, Write(read));
        var expected = Provenance(study);
        Assert.Equal(expected with { CatalogFiles = [] }, read.Provenance! with { CatalogFiles = [] });
        Assert.Equal(expected.CatalogFiles, read.Provenance!.CatalogFiles);
        if (monteCarlo && study == "example")
        {
            // The blocks Monte Carlo adds are all there, so the round trip covered them.
            Assert.NotNull(read.Comparison);
            Assert.All(read.Alternatives, a => Assert.NotNull(a.Uncertainty));
            Assert.All(read.Alternatives, a => Assert.NotNull(a.Sensitivity));
            Assert.All(read.Alternatives, a => Assert.NotNull(a.Amortisation));
        }
    }

    [Fact]
    public void A_version_1_document_reads_and_is_written_again_as_version_2_without_provenance()
    {
        var results = Results("example", monteCarlo: false, Provenance("example"));
        var version2 = JsonNode.Parse(Write(results))!.AsObject();
        version2.Remove("provenance");
        version2["schema"] = "cradle.assessment/1";

        var read = ResultsReader.Read(version2.ToJsonString());

        Assert.Null(read.Provenance);
        Assert.Equal(Write(results with { Provenance = null }), Write(read));
    }

    [Fact]
    public void The_report_of_assess_is_made_from_the_same_records_as_its_json()
    {
        // 'assess --report' renders the records in memory; 'cradle report' reads them back from the JSON: same report.
        var results = Results("example", monteCarlo: false, Provenance("example"));
        Assert.Equal(Markdown(results), Markdown(ResultsReader.Read(Write(results))));
    }

    [Fact]
    public void A_malformed_hash_is_refused_naming_its_path()
    {
        var json = JsonNode.Parse(Write(Results("small", monteCarlo: false, Provenance("small"))))!;
        json["provenance"]!["study"]!["sha256"] = "not-a-hash";
        var e = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(json.ToJsonString()));
        Assert.Contains("the text \"not-a-hash\" at $.provenance.study.sha256, where schema 'cradle.assessment/2' has a SHA-256 of 64 lower-case hex digits",
            e.Message, StringComparison.Ordinal);
    }

    private static string Markdown(AssessmentResults results)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Cradle.Reports.Rendering.ReportFormats.Write(results, "md", writer);
        return writer.ToString();
    }
}
