using System.Globalization;

namespace Cradle.Studies;

/// <summary>Sizes in messages, in binary units: "512 bytes", "16 MiB", "3.1 TiB".</summary>
public static class ByteSize
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    /// <summary>"512 bytes" below 1 KiB, else the largest binary unit with one decimal at most ("1.5 MiB").</summary>
    public static string Format(double bytes)
    {
        if (bytes < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes:0} bytes");
        }
        var unit = -1;
        while (bytes >= 1024 && unit < Units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{bytes:0.#} {Units[unit]}");
    }
}
