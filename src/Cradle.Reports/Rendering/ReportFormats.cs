using Cradle.Results;

namespace Cradle.Reports.Rendering;

/// <summary>The report formats, by the name the CLI uses.</summary>
public static class ReportFormats
{
    /// <summary>html, md, model-card, csv.</summary>
    public static IReadOnlyList<string> Names { get; } = ["html", "md", "model-card", "csv"];

    /// <summary>
    /// Writes <paramref name="model"/> in <paramref name="format"/>; <paramref name="alternative"/> chooses the one a
    /// model card describes (the other formats show every alternative and refuse it).
    /// </summary>
    public static void Write(AssessmentResults model, string format, TextWriter writer, string? alternative = null)
    {
        if (alternative is not null && format != "model-card")
        {
            throw new ReportException($"only the model card describes one alternative; the {format} report shows every alternative.");
        }
        switch (format)
        {
            case "html": HtmlReport.Write(model, writer); break;
            case "md": MarkdownReport.Write(model, writer); break;
            case "model-card": ModelCardReport.Write(model, writer, alternative); break;
            case "csv": CsvReport.Write(model, writer); break;
            default: throw new ReportException($"Unknown report format '{format}'; the formats are {string.Join(", ", Names)}.");
        }
    }

    /// <summary>The format a file name implies (.html, .md, .csv), or null.</summary>
    public static string? FromFileName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "html",
        ".md" => path.EndsWith(".model-card.md", StringComparison.OrdinalIgnoreCase) ? "model-card" : "md",
        ".csv" => "csv",
        _ => null,
    };
}
