using System.Globalization;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;

namespace Cradle.Reports.Tests;

/// <summary>
/// A comparison against a reference (more than three alternatives without --all-pairs): the JSON names the reference
/// and reads it back, and the reports list every pair with a note naming the reference; so with pairs chosen (--pair).
/// </summary>
public sealed class ReferencePairsTests
{
    private static AssessmentResults AgainstReference(int count)
    {
        var example = ExampleResults.Model;
        var alternatives = Enumerable.Range(0, count)
            .Select(i => example.Alternatives[i % example.Alternatives.Count] with { Id = string.Create(CultureInfo.InvariantCulture, $"variant-{i}") })
            .ToList();
        var template = example.Comparison!.Pairs[0];
        var comparison = example.Comparison with
        {
            Alternatives = [.. alternatives.Select(a => (a.Id!, a.Totals, example.Comparison.Alternatives[0].Uncertainty))],
            Pairs = [.. alternatives.Skip(1).Select(a => ("variant-0", a.Id!, template.Difference, template.ProbabilityALower))],
            Reference = "variant-0",
        };
        return example with { Alternatives = alternatives, Comparison = comparison };
    }

    [Fact]
    public void The_reference_survives_the_comparison_json()
    {
        var model = AgainstReference(150);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ComparisonJson.Write(model.Comparison!, writer);
        Assert.Contains("\"pairs_mode\": \"reference\"", writer.ToString(), StringComparison.Ordinal);
        using var results = new StringWriter(CultureInfo.InvariantCulture);
        ResultsWriter.Write(model, results);
        var read = ResultsReader.Read(results.ToString()).Comparison!;
        Assert.Equal("variant-0", read.Reference);
        Assert.Equal(149, read.Pairs.Count);
    }

    [Fact]
    public void Reports_list_every_pair_against_the_reference_and_say_so()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ReportFormats.Write(AgainstReference(150), "md", writer);
        var markdown = writer.ToString();
        Assert.Contains("Each alternative is compared with variant-0 (149 pairs); --all-pairs compares every pair.", markdown, StringComparison.Ordinal);
        Assert.Contains("variant-149", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Chosen_pairs_survive_the_json_and_are_all_listed_with_a_note()
    {
        var reference = AgainstReference(150);
        var model = reference with { Comparison = reference.Comparison! with { Reference = null, PairsChosen = true } };
        using var results = new StringWriter(CultureInfo.InvariantCulture);
        ResultsWriter.Write(model, results);
        Assert.Contains("\"pairs_mode\": \"chosen\"", results.ToString(), StringComparison.Ordinal);
        var read = ResultsReader.Read(results.ToString()).Comparison!;
        Assert.True(read.PairsChosen);
        Assert.Null(read.Reference);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ReportFormats.Write(model, "md", writer);
        var markdown = writer.ToString();
        Assert.Contains("The pairs chosen with --pair (149).", markdown, StringComparison.Ordinal);
        Assert.Contains("variant-149", markdown, StringComparison.Ordinal);
    }
}
