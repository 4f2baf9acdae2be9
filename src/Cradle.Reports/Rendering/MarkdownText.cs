using System.Text;

namespace Cradle.Reports.Rendering;

/// <summary>
/// Text from a study or the catalog made safe to place in Markdown: raw HTML is written as entities, so that a
/// description holding <c>&lt;script&gt;</c> or <c>&lt;img onerror=…&gt;</c> shows as text in every renderer instead of
/// running. Markdown's own emphasis characters are left alone: they cannot run anything, and names such as
/// <c>gpu_hours</c> read better unescaped.
/// </summary>
internal static class MarkdownText
{
    /// <summary>&amp;, &lt; and &gt; as entities; null as empty.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text ?? "";
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary>As <see cref="Escape"/>, for a table cell: pipes escaped and line breaks made spaces, so the row holds.</summary>
    public static string Cell(string? text) =>
        Escape(text).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
