using System.Globalization;
using System.Text;

namespace Cradle.Studies.Text;

/// <summary>
/// How numbers and names the user wrote are echoed in problem messages: numbers in one invariant form that reads like
/// the study's own notation (<c>1e+20</c>, never .NET's <c>1E+20</c>), and names with control characters escaped, so
/// that a key holding an escape sequence or a NUL cannot garble a terminal or a log.
/// </summary>
public static class MessageText
{
    /// <summary>
    /// <paramref name="value"/> with six significant digits, in invariant culture, exponent in lower case
    /// (<c>0.5</c>, <c>1.5e+08</c>, <c>1e-12</c>); infinities and NaN as words (<c>infinity</c>, <c>-infinity</c>,
    /// <c>not a number</c>).
    /// </summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "not a number";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "infinity" : "-infinity";
        }
        return value.ToString("G6", CultureInfo.InvariantCulture).Replace('E', 'e');
    }

    /// <summary>
    /// <paramref name="text"/> with every control character (C0, DEL, C1) and the Unicode line and paragraph
    /// separators written as escapes: <c>\t</c>, <c>\n</c>, <c>\r</c>, <c>\0</c>, otherwise <c>\u001b</c>. A backslash
    /// is left as it is.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\0' => "\\0",
                _ when NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
