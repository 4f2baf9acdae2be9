using System.Globalization;
using System.Text.RegularExpressions;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;

namespace Cradle.Reports.Tests;

/// <summary>
/// A study with 200 alternatives still gets a whole report: every alternative's tables, charts for the first ten
/// (charts cost most of the time and size), and the pairs with the first alternative rather than all 19,900 pairs;
/// each cut is said in the report.
/// </summary>
public sealed partial class ManyAlternativesTests
{
    private static AssessmentResults WithAlternatives(int count)
    {
        var example = ExampleResults.Model;
        var alternatives = Enumerable.Range(0, count)
            .Select(i => example.Alternatives[i % example.Alternatives.Count] with { Id = string.Create(CultureInfo.InvariantCulture, $"variant-{i}") })
            .ToList();
        var template = example.Comparison!.Pairs[0];
        var pairs = (from i in Enumerable.Range(0, count) from j in Enumerable.Range(i + 1, count - i - 1)
                     select (alternatives[i].Id!, alternatives[j].Id!, template.Difference, template.ProbabilityALower)).ToList();
        var comparison = example.Comparison with
        {
            Alternatives = [.. alternatives.Select(a => (a.Id!, a.Totals, example.Comparison.Alternatives[0].Uncertainty))],
            Pairs = pairs,
        };
        return example with { Alternatives = alternatives, Comparison = comparison };
    }

    private static string Render(AssessmentResults model, string format)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ReportFormats.Write(model, format, writer);
        return writer.ToString();
    }

    [Fact]
    public void Two_hundred_alternatives_get_every_table_and_charts_for_the_first_ten()
    {
        var html = Render(WithAlternatives(200), "html");

        // One stage-share chart per charted alternative, and every alternative's stage table.
        Assert.Equal(HtmlReport.ChartedAlternatives, StageShareCharts().Count(html));
        Assert.Equal(200, Regex.Count(html, "<h3>Contributions by life-cycle stage — variant-", RegexOptions.None, TimeSpan.FromSeconds(10)));
        Assert.Contains("Charts are drawn for the first 10 of the 200 alternatives", html, StringComparison.Ordinal);
        Assert.Contains("variant-199", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_alternatives_all_get_their_charts_and_no_note()
    {
        var html = Render(WithAlternatives(3), "html");

        Assert.Equal(3, StageShareCharts().Count(html));
        Assert.DoesNotContain("Charts are drawn for the first", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("md")]
    public void Two_hundred_alternatives_list_the_pairs_with_the_first_and_say_so(string format)
    {
        var text = Render(WithAlternatives(200), format);

        Assert.Contains("The results compare 19,900 pairs of alternatives; listed here are the 199 pairs with variant-0.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("variant-1 | variant-2 |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>variant-1</td><td>variant-2</td>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Up_to_a_hundred_pairs_are_all_listed()
    {
        var text = Render(WithAlternatives(14), "md"); // 91 pairs

        Assert.DoesNotContain("pairs of alternatives; listed here", text, StringComparison.Ordinal);
        Assert.Contains("| variant-12 | variant-13 |", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-chart=\"stage-shares\"")]
    private static partial Regex StageShareCharts();
}
