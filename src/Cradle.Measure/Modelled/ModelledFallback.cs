using Cradle.Catalog;
using Cradle.Measure.Procfs;
using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Modelled;

/// <summary>
/// Builds the modelled CPU and memory sensors for a process tree, used when no RAPL counter is readable. When the CPU
/// cannot be identified or is not in the catalog, the CPU sensor is an <see cref="UnavailableSensor"/> saying so.
/// </summary>
public static class ModelledFallback
{
    /// <summary>The modelled CPU sensor (or why there is none) and the process-memory sensor.</summary>
    /// <param name="rootPid">The measured process (the child Cradle started).</param>
    /// <param name="procRoot">The procfs mount, <c>/proc</c> on a real host.</param>
    /// <param name="reader">File reader.</param>
    /// <param name="catalog">The reference catalog (<see cref="CatalogLoader.Shipped"/> or with user files).</param>
    /// <param name="whyModelled">Why no counter is used, e.g. "RAPL unreadable: no powercap tree".</param>
    /// <param name="clockTicksPerSecond">The kernel's USER_HZ, greater than 0; 100 on mainstream Linux.</param>
    /// <param name="declaredCpu">The CPU as the user names it (a catalog id or name), used instead of cpuinfo, whose
    /// <c>model name</c> is often too vague to match in virtual machines ("AMD EPYC"); null to read cpuinfo. The
    /// provenance says the name was declared.</param>
    public static IReadOnlyList<ISensor> Create(
        int rootPid, string procRoot, ISysfsReader reader, ReferenceCatalog catalog, string whyModelled,
        long clockTicksPerSecond = 100, string? declaredCpu = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var tree = new ProcessTree(procRoot, reader);
        var memory = new ProcessTreeMemorySensor(rootPid, tree);
        if (declaredCpu is not null)
        {
            var declared = CpuCatalogLookup.Find(declaredCpu, catalog);
            ISensor named = declared.Model is { } declaredModel
                ? new ProcessTreeCpuSensor(rootPid, tree, declaredModel with { NameSource = "declared CPU" }, whyModelled, clockTicksPerSecond)
                : Unavailable(rootPid, declared.Reason!, whyModelled);
            return [named, memory];
        }

        string? modelName;
        try
        {
            modelName = CpuCatalogLookup.ReadModelName(procRoot, reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Unavailable(rootPid, $"cannot identify the CPU: {e.Message}", whyModelled), memory];
        }

        if (modelName is null)
        {
            return [Unavailable(rootPid, $"cannot identify the CPU: {Path.Combine(procRoot, "cpuinfo")} has no 'model name'", whyModelled), memory];
        }

        var lookup = CpuCatalogLookup.Find(modelName, catalog);
        ISensor cpu = lookup.Model is { } model
            ? new ProcessTreeCpuSensor(rootPid, tree, model, whyModelled, clockTicksPerSecond)
            : Unavailable(rootPid, lookup.Reason!, whyModelled);
        return [cpu, memory];
    }

    private static UnavailableSensor Unavailable(int rootPid, string reason, string whyModelled) => new(
        "modelled-cpu:" + rootPid.ToString(System.Globalization.CultureInfo.InvariantCulture), SensorKind.ProcessCpu,
        "CPU share of the measured process tree",
        $"CPU energy is neither measured ({whyModelled}) nor modelled: {reason}");
}
