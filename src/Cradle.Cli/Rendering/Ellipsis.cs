namespace Cradle.Cli.Rendering;

/// <summary>Fitting a name into a table column.</summary>
internal static class Ellipsis
{
    /// <summary>
    /// <paramref name="text"/> shortened to at most <paramref name="width"/> characters, ending in "…". It is cut at a
    /// word boundary (a space, or the '.' of a parameter name), because a name cut mid-word reads as another name
    /// ("Austin Ener…"); only a single word longer than half the width is cut inside.
    /// </summary>
    public static string Fit(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }
        var cut = text.AsSpan(0, width).LastIndexOfAny(' ', '.');
        var kept = cut > width / 2 ? text[..cut].TrimEnd(' ', ',', ';', ':') : text[..(width - 1)];
        return kept + "…";
    }
}
