using System.Globalization;

namespace Cradle.Measure.Sysfs;

/// <summary>Parsing of sysfs attribute files (one decimal integer and a newline).</summary>
internal static class SysfsText
{
    /// <summary>Reads an unsigned integer attribute such as <c>energy_uj</c>.</summary>
    /// <exception cref="FormatException">The file does not hold one unsigned decimal integer.</exception>
    public static ulong ReadUInt64(ISysfsReader reader, string path)
    {
        var text = reader.ReadAllText(path).Trim();
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{path}' holds '{text}', not an unsigned integer");
    }

    /// <summary>Reads a signed integer attribute such as <c>temp1_input</c> (millidegrees can be negative).</summary>
    /// <exception cref="FormatException">The file does not hold one decimal integer.</exception>
    public static long ReadInt64(ISysfsReader reader, string path)
    {
        var text = reader.ReadAllText(path).Trim();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{path}' holds '{text}', not an integer");
    }

    /// <summary>The trimmed text of a file, or null when it cannot be read (optional attributes such as labels).</summary>
    public static string? TryReadLine(ISysfsReader reader, string path)
    {
        try
        {
            return reader.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
