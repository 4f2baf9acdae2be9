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

    /// <summary>The longest run of non-space characters <see cref="Elide"/> leaves whole.</summary>
    public const int LongestWord = 200;

    /// <summary>The longest message <see cref="Elide"/> leaves whole.</summary>
    public const int LongestMessage = 2_000;

    /// <summary>
    /// <paramref name="text"/> cut to a readable length when it echoes a huge input. Every run of non-space characters
    /// longer than <see cref="LongestWord"/> is cut to its first 60 characters and its length
    /// ("kkkk…(1,000,000 characters)"): no id, unit, number or path in a real message is that long. A message still longer
    /// than <see cref="LongestMessage"/> (an expression of thousands of terms quoted whole) keeps its start, which says
    /// what and where, and its end, which says what to do, around "…(N characters)…".
    /// </summary>
    public static string Elide(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= LongestWord)
        {
            return text;
        }
        var builder = new StringBuilder(Math.Min(text.Length, 4096));
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }
            var length = end - start;
            if (length > LongestWord)
            {
                builder.Append(text, start, 60).Append(CultureInfo.InvariantCulture, $"…({length:N0} characters)");
            }
            else
            {
                builder.Append(text, start, length);
            }
            if (end < text.Length)
            {
                builder.Append(text[end]);
            }
            start = end + 1;
        }
        if (builder.Length <= LongestMessage)
        {
            return builder.ToString();
        }
        const int Head = 1_200, Tail = 600;
        var omitted = builder.Length - Head - Tail;
        return string.Create(CultureInfo.InvariantCulture,
            $"{builder.ToString(0, Head)}…({omitted:N0} characters)…{builder.ToString(builder.Length - Tail, Tail)}");
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
