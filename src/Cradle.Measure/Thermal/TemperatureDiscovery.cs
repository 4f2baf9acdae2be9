using System.Text.RegularExpressions;
using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Thermal;

/// <summary>
/// Finds temperature probes under a sysfs root: every <c>tempK_input</c> of every
/// <c>&lt;root&gt;/sys/class/hwmon/hwmonN</c> (labelled by the chip's <c>name</c> and the input's <c>tempK_label</c>)
/// and every <c>&lt;root&gt;/sys/class/thermal/thermal_zoneN/temp</c> (labelled by its <c>type</c>). The thermal
/// framework mirrors zones into hwmon, so one physical probe can appear twice; each sensor's label says which
/// interface it came from.
/// </summary>
public static partial class TemperatureDiscovery
{
    /// <summary>All hwmon temperature inputs, in directory and input order.</summary>
    public static IReadOnlyList<TemperatureSensor> Hwmon(string root, ISysfsReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var hwmon = Path.Combine(root, "sys", "class", "hwmon");
        if (!Directory.Exists(hwmon))
        {
            return [];
        }

        var sensors = new List<TemperatureSensor>();
        foreach (var dir in Directory.EnumerateDirectories(hwmon).Order(StringComparer.Ordinal))
        {
            var chip = SysfsText.TryReadLine(reader, Path.Combine(dir, "name")) ?? Path.GetFileName(dir);
            var inputs = Directory.EnumerateFiles(dir, "temp*_input")
                .Select(p => (Path: p, Match: TempInput().Match(Path.GetFileName(p))))
                .Where(x => x.Match.Success)
                .OrderBy(x => int.Parse(x.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (path, match) in inputs)
            {
                var input = "temp" + match.Groups[1].Value;
                var label = SysfsText.TryReadLine(reader, Path.Combine(dir, input + "_label")) ?? input;
                sensors.Add(new TemperatureSensor(
                    $"hwmon:{Path.GetFileName(dir)}:{input}", $"{chip} {label} (hwmon)", path, reader));
            }
        }

        return sensors;
    }

    /// <summary>All thermal zones with a <c>temp</c> file, in directory order.</summary>
    public static IReadOnlyList<TemperatureSensor> ThermalZones(string root, ISysfsReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var thermal = Path.Combine(root, "sys", "class", "thermal");
        if (!Directory.Exists(thermal))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(thermal, "thermal_zone*").Order(StringComparer.Ordinal)
            .Where(dir => File.Exists(Path.Combine(dir, "temp")))
            .Select(dir =>
            {
                var zone = Path.GetFileName(dir);
                var type = SysfsText.TryReadLine(reader, Path.Combine(dir, "type")) ?? zone;
                return new TemperatureSensor($"thermal:{zone}", $"{type} ({zone})", Path.Combine(dir, "temp"), reader);
            })];
    }

    [GeneratedRegex("^temp([0-9]+)_input$")]
    private static partial Regex TempInput();
}
