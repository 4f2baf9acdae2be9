using System.Globalization;
using System.Text;
using Cradle.Catalog.Model;

namespace Cradle.Cli.Rendering;

/// <summary>Writes sources as a reference list or as BibTeX entries.</summary>
public static class CitationWriter
{
    /// <summary>Writes <paramref name="sources"/> in <paramref name="format"/> ("text" or "bibtex").</summary>
    public static void Write(IReadOnlyList<Source> sources, string format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var source in sources)
        {
            if (format == "bibtex")
            {
                writer.WriteLine($"@misc{{{source.Key},");
                writer.WriteLine($"  author = {{{Escape(source.Authors)}}},");
                writer.WriteLine($"  title = {{{Escape(source.Title)}}},");
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  year = {{{source.Year}}},"));
                if (source.Url is not null)
                {
                    writer.WriteLine($"  howpublished = {{\\url{{{source.Url}}}}},");
                }
                writer.WriteLine($"  note = {{{Escape($"Licence: {source.Licence}.{(source.Note is null ? "" : $" {source.Note}")}")}}}");
                writer.WriteLine("}");
            }
            else
            {
                writer.WriteLine($"[{source.Key}] {source.Citation()} Licence: {source.Licence}.");
            }
        }
    }

    /// <summary>Escapes the characters BibTeX treats specially.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "\\&",
                '%' => "\\%",
                '$' => "\\$",
                '#' => "\\#",
                '_' => "\\_",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
