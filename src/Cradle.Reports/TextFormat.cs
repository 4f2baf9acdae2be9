namespace Cradle.Reports;

/// <summary>Text for fixed-width columns: long names shortened at a word boundary, never in the middle of a word.</summary>
public static class TextFormat
{
    // '.' separates the parts of a parameter name (devices.h100_sxm.embodied.gwp100).
    private static readonly char[] Breaks = [' ', ',', ';', '/', ':', '.'];

    /// <summary>
    /// <paramref name="text"/> when it fits in <paramref name="width"/> characters; otherwise its longest start that
    /// ends at a word boundary, followed by "…", within the width. Only a first word longer than the whole width is cut
    /// inside the word (there is no boundary to cut at).
    /// </summary>
    /// <param name="text">The text to fit.</param>
    /// <param name="width">The column width, at least 2 (room for one character and the ellipsis).</param>
    public static string Shorten(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        if (text.Length <= width)
        {
            return text;
        }
        // The ellipsis takes one column. A word ends before a space or punctuation, or just after a hyphen
        // ("hardware-…"); cut at the last such end that leaves a non-empty start.
        for (var end = width - 1; end > 0; end--)
        {
            if (Array.IndexOf(Breaks, text[end]) >= 0 || text[end - 1] == '-')
            {
                var start = text[..end].TrimEnd(Breaks);
                if (start.Length > 0)
                {
                    return start + "…";
                }
            }
        }
        return text[..(width - 1)] + "…";
    }
}
