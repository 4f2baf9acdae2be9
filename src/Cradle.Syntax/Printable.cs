using System.Globalization;
using System.Text;

namespace Cradle.Syntax;

/// <summary>
/// Makes text from an input file safe to echo in a message: control characters (ESC, NUL, tab, newline, …),
/// invisible format characters (such as the right-to-left override) and line separators are written as escapes,
/// so that a key cannot recolour the terminal, hide part of a message or break it over lines.
/// </summary>
public static class Printable
{
    /// <summary>
    /// <paramref name="text"/> with \t, \n, \r and \\ for tab, newline, carriage return and backslash when escaping
    /// is needed, and \uXXXX for every other control, format, separator or lone surrogate character; text that needs
    /// none is returned as it is.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        if (!NeedsEscape(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            switch (c)
            {
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (IsUnprintable(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.ToString();
    }

    // A backslash alone needs no escaping: "C:\data" reads as written. It is escaped only beside other escapes,
    // so that "\u001b" typed literally and an ESC character do not print alike.
    private static bool NeedsEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (c is '\t' or '\n' or '\r' || IsUnprintable(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsUnprintable(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is
            UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
