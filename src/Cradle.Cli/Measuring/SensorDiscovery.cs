using Cradle.Catalog;
using Cradle.Measure.Modelled;
using Cradle.Measure.Nvml;
using Cradle.Measure.Rapl;
using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;

namespace Cradle.Cli.Measuring;

/// <summary>
/// Which sensors a measurement reads: the NVIDIA GPUs NVML sees (chosen by <c>--gpus</c> or <c>CUDA_VISIBLE_DEVICES</c>),
/// the RAPL package and DRAM zones, and, when no RAPL zone is readable, the modelled CPU and memory of the child's
/// process tree, with the RAPL reason carried into their provenance. An unreadable device class stays in the list as
/// an unavailable sensor saying why.
/// </summary>
internal static class SensorDiscovery
{
    /// <summary>Why RAPL cannot be used under <paramref name="root"/>, or null when at least one zone's counter reads.</summary>
    public static string? RaplUnavailableReason(string root, ISysfsReader reader)
    {
        var found = RaplDiscovery.Discover(root, reader);
        if (found.UnavailableReason is { } reason)
        {
            return reason;
        }

        var failures = new List<string>();
        foreach (var zone in found.Zones)
        {
            var path = Path.Combine(zone.Directory, "energy_uj");
            try
            {
                _ = reader.ReadAllText(path);
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                failures.Add($"{path}: permission denied (readable by root only since Linux 5.10; see docs/measurement.md)");
            }
            catch (IOException e)
            {
                failures.Add($"{path}: {e.Message}");
            }
        }

        return "no RAPL counter is readable: " + string.Join("; ", failures);
    }

    /// <summary>The CPU-side sensors for a child with process id <paramref name="childPid"/>.</summary>
    /// <param name="childPid">The measured process.</param>
    /// <param name="sysRoot">The file-system root holding <c>sys/class/powercap</c>, <c>/</c> on a host.</param>
    /// <param name="procRoot">The procfs mount, <c>/proc</c> on a host.</param>
    /// <param name="reader">File reader.</param>
    /// <param name="catalog">The catalog the modelled CPU power comes from.</param>
    /// <param name="declaredCpu">The CPU as <c>--cpu</c> names it, used instead of cpuinfo's model name; null to read cpuinfo.</param>
    public static IReadOnlyList<ISensor> CpuSensors(
        int childPid, string sysRoot, string procRoot, ISysfsReader reader, ReferenceCatalog catalog, string? declaredCpu = null)
    {
        if (RaplUnavailableReason(sysRoot, reader) is not { } why)
        {
            return RaplDiscovery.CreateSensors(sysRoot, reader);
        }

        var whyModelled = "RAPL unreadable: " + why;
        return [new UnavailableSensor("rapl", SensorKind.CpuPackage, "CPU packages (RAPL)", why),
            .. ModelledFallback.Create(childPid, procRoot, reader, catalog, whyModelled, declaredCpu: declaredCpu)];
    }

    /// <summary>Opens NVML and the chosen GPUs (or one unavailable sensor with the reason).</summary>
    public static GpuSensorSet Gpus(IReadOnlyList<string>? explicitList) =>
        GpuSensorSet.OpenSystem(explicitList, Environment.GetEnvironmentVariable);
}
