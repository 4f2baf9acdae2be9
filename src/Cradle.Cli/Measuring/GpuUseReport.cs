using Cradle.Results.Json;
using System.Globalization;
using System.Text.Json;
using Cradle.Cli.Rendering;
using Cradle.Measure.Nvml;

namespace Cradle.Cli.Measuring;

/// <summary>
/// The "GPU processes" part of the <c>cradle measure</c> summary: on which GPUs the command ran and who else shared
/// them, since NVML's energy is the whole device's.
/// </summary>
internal static class GpuUseReport
{
    /// <summary>Said when the command was seen on no GPU although lists were read: the usual container pitfall.</summary>
    public const string NotSeenHint = "NVML lists pids in the host's pid namespace; inside a container they do not match "
        + "the command's, and a command that only used the CPU is not listed either";

    /// <summary>Writes one line per GPU; nothing when no NVML GPU was measured.</summary>
    public static void WriteText(TextWriter writer, IReadOnlyList<GpuUse> uses)
    {
        if (uses.Count == 0)
        {
            return;
        }

        writer.WriteLine($"  GPU processes ({GpuProcessList.Function}, listed at each sampler batch):");
        foreach (var use in uses)
        {
            writer.WriteLine($"      {use.SensorId}: {Describe(use)}");
        }
    }

    /// <summary>What one GPU's listings showed, in words.</summary>
    public static string Describe(GpuUse use)
    {
        var text = use.CommandSeen switch
        {
            null => "unknown: the process list could not be read: " + use.UnavailableReason,
            true => "the command ran here (pids " + Pids(use.CommandPids) + ")"
                + (use.PeakCommandMemoryBytes is { } bytes
                    ? string.Create(CultureInfo.InvariantCulture, $", peak {bytes / (double)(1UL << 30):0.###} GiB of device memory")
                    : ""),
            false => string.Create(CultureInfo.InvariantCulture,
                $"none of the command's processes was seen in {use.Listings} listings ({NotSeenHint})"),
        };
        if (use.Shared)
        {
            text += "; also on this GPU: pids " + Pids(use.OtherPids)
                + " — the energy above is the whole device's and includes their work";
        }

        if (use.CommandSeen is not null && use.UnavailableListings > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $"; {use.UnavailableListings} listings failed ({use.UnavailableReason})");
        }

        return text;
    }

    /// <summary>Writes the <c>gpu_processes</c> array.</summary>
    public static void WriteJson(Utf8JsonWriter json, IReadOnlyList<GpuUse> uses)
    {
        json.WriteStartArray("gpu_processes");
        foreach (var use in uses)
        {
            json.WriteStartObject();
            json.WriteString("sensor", use.SensorId);
            json.WriteString("device", use.Device);
            json.WriteBooleanOrNull("command_seen", use.CommandSeen);

            WritePids(json, "command_pids", use.CommandPids);
            json.WriteNumberOrNull("peak_command_memory_bytes", use.PeakCommandMemoryBytes);
            WritePids(json, "other_pids", use.OtherPids);
            json.WriteNumber("listings", use.Listings);
            json.WriteNumber("unavailable_listings", use.UnavailableListings);
            json.WriteStringOrNull("unavailable_reason", use.UnavailableReason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WritePids(Utf8JsonWriter json, string name, IReadOnlyList<int> pids)
    {
        json.WriteStartArray(name);
        foreach (var pid in pids)
        {
            json.WriteNumberValue(pid);
        }

        json.WriteEndArray();
    }

    private static string Pids(IReadOnlyList<int> pids) =>
        string.Join(", ", pids.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
