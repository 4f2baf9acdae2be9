using System.Text.Json.Nodes;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;

namespace Cradle.Reports.Tests;

/// <summary>Categories an assessed method has but Cradle does not cover are said in the reports, never shown as zero.</summary>
public sealed class NotCoveredCategoryTests
{
    private static AssessmentResults WithNotCovered()
    {
        var results = JsonNode.Parse(ExampleResults.Json)!;
        foreach (var alternative in results["alternatives"]!.AsArray())
        {
            alternative!["not_covered_categories"] = new JsonArray(new JsonObject
            {
                ["id"] = "ecotoxicity", ["name"] = "Ecotoxicity, freshwater (TRACI 2.1, USEtox, CTUe)", ["method"] = "traci-2.1", ["reason"] = "no factors",
            });
        }
        return ResultsReader.Read(results.ToJsonString());
    }

    [Fact]
    public void Markdown_and_html_say_which_categories_are_not_covered()
    {
        var model = WithNotCovered();
        using var markdown = new StringWriter();
        MarkdownReport.Write(model, markdown);
        Assert.Contains("Not covered (traci-2.1; not assessed, not zero): Ecotoxicity, freshwater (TRACI 2.1, USEtox, CTUe).", markdown.ToString(), StringComparison.Ordinal);
        using var html = new StringWriter();
        HtmlReport.Write(model, html);
        Assert.Contains("Not covered (traci-2.1; not assessed, not zero): Ecotoxicity, freshwater (TRACI 2.1, USEtox, CTUe).</p>", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Results_without_the_field_read_as_nothing_not_covered()
    {
        var results = JsonNode.Parse(ExampleResults.Json)!;
        foreach (var alternative in results["alternatives"]!.AsArray())
        {
            alternative!.AsObject().Remove("not_covered_categories");
        }
        Assert.All(ResultsReader.Read(results.ToJsonString()).Alternatives, a => Assert.Empty(a.NotCovered));
    }
}
