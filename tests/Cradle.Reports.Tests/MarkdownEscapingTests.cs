using System.Globalization;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;

namespace Cradle.Reports.Tests;

/// <summary>
/// Study text that holds HTML is written as text in Markdown and the model card: a README viewer must not run a
/// description's script or load its image. The YAML front matter of the model card stays valid YAML.
/// </summary>
public sealed class MarkdownEscapingTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(2)>";

    private static AssessmentResults Hostile()
    {
        var example = ExampleResults.Model;
        var first = example.Alternatives[0];
        var inputs = first.Inputs.Select((i, n) => n == 0 ? i with { Source = $"{Image} & more" } : i).ToList();
        return example with
        {
            Name = $"Study {Script}",
            Description = $"A description with {Script} and {Image}.",
            Goal = example.Goal with { Application = Image, Reasons = Script },
            FunctionalUnit = example.FunctionalUnit with { Description = $"one {Script}\n\"quoted\" \u001b[31m" },
            Alternatives = [first with { Inputs = inputs, Conventions = [.. first.Conventions.Select(c => c with { Description = Script })] }, .. example.Alternatives.Skip(1)],
        };
    }

    private static string Render(string format)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ReportFormats.Write(Hostile(), format, writer);
        return writer.ToString();
    }

    [Theory]
    [InlineData("md")]
    [InlineData("model-card")]
    public void Raw_html_from_the_study_is_escaped(string format)
    {
        // The model card's front matter is YAML data, quoted as YAML (tested below); the Markdown after it is escaped.
        var rendered = Render(format);
        var text = format == "md" ? rendered : rendered[rendered.IndexOf("## Environmental impact", StringComparison.Ordinal)..];

        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_report_escapes_every_place_study_text_appears()
    {
        var text = Render("md");

        Assert.Contains("# Study &lt;script&gt;", text, StringComparison.Ordinal);
        Assert.Contains("A description with &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt;.", text, StringComparison.Ordinal);
        Assert.Contains("**Application:** &lt;img src=x onerror=alert(2)&gt;", text, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt; &amp; more", text, StringComparison.Ordinal); // a table cell
        Assert.Contains("Energy convention — &lt;script&gt;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_card_front_matter_quotes_line_breaks_and_control_characters()
    {
        var model = Hostile() with { Name = "line one\nline two \"q\" \u001b" };
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ModelCardReport.Write(model, writer);
        var source = writer.ToString().Split('\n').Single(l => l.StartsWith("  source:", StringComparison.Ordinal));

        Assert.Contains("'line one\\nline two \\\"q\\\" \\u001b'", source, StringComparison.Ordinal);
    }
}
