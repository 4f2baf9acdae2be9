using System.Globalization;
using Cradle.Measure.Sensors;

namespace Cradle.Measure.Nvml;

/// <summary>Which GPUs to measure, and what was noticed while choosing them.</summary>
/// <param name="Indices">NVML indices of the chosen GPUs, in the order they were named, without repeats.</param>
/// <param name="Findings">Unknown names, MIG slices, ordering caveats; empty when none.</param>
public sealed record GpuSelection(IReadOnlyList<uint> Indices, IReadOnlyList<MeasureFinding> Findings)
{
    /// <summary>
    /// Chooses GPUs from an explicit list (as <c>--gpus</c> gives it) or else from <c>CUDA_VISIBLE_DEVICES</c>; with
    /// neither, every GPU. Entries are NVML indices or GPU UUIDs (<c>GPU-…</c>, a unique prefix is enough, as CUDA
    /// allows). As in CUDA, an empty <c>CUDA_VISIBLE_DEVICES</c> hides every GPU and parsing stops at the first entry
    /// that names no GPU.
    /// </summary>
    /// <param name="devices">Every GPU NVML enumerates.</param>
    /// <param name="explicitList">GPUs named by the user; null when not given.</param>
    /// <param name="environment">Environment lookup (injected; <see cref="Environment.GetEnvironmentVariable(string)"/>
    /// on a real host).</param>
    public static GpuSelection Choose(
        IReadOnlyList<GpuIdentity> devices, IReadOnlyList<string>? explicitList, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(environment);
        var findings = new List<MeasureFinding>();
        IReadOnlyList<string> entries;
        string origin;
        if (explicitList is not null)
        {
            (entries, origin) = (explicitList, "the GPU list");
        }
        else if (environment("CUDA_VISIBLE_DEVICES") is { } visible)
        {
            entries = visible.Split(',', StringSplitOptions.TrimEntries);
            origin = "CUDA_VISIBLE_DEVICES";
            if (visible.Trim().Length == 0)
            {
                findings.Add(new MeasureFinding(MeasureFindingCodes.NoGpuVisible,
                    "CUDA_VISIBLE_DEVICES is empty: the workload sees no GPU, so none is measured"));
                return new GpuSelection([], findings);
            }

            if (devices.Count > 1 && entries.Any(IsIndex)
                && environment("CUDA_DEVICE_ORDER") != "PCI_BUS_ID")
            {
                findings.Add(new MeasureFinding(MeasureFindingCodes.CudaOrder,
                    "CUDA_VISIBLE_DEVICES indices were read in NVML (PCI bus) order, but CUDA orders GPUs fastest "
                    + "first unless CUDA_DEVICE_ORDER=PCI_BUS_ID; set that, or name GPUs by UUID, to be sure the "
                    + "measured GPUs are the ones the workload uses"));
            }
        }
        else
        {
            return new GpuSelection([.. devices.Select(d => d.Index)], findings);
        }

        var chosen = new List<uint>();
        foreach (var entry in entries)
        {
            if (Resolve(entry, devices, origin, findings) is not { } index)
            {
                if (explicitList is null)
                {
                    break; // CUDA ignores the rest of the list after an invalid entry; so does the measurement.
                }

                continue;
            }

            if (!chosen.Contains(index))
            {
                chosen.Add(index);
            }
        }

        return new GpuSelection(chosen, findings);
    }

    private static bool IsIndex(string entry) => uint.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static uint? Resolve(string entry, IReadOnlyList<GpuIdentity> devices, string origin, List<MeasureFinding> findings)
    {
        if (uint.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            if (devices.Any(d => d.Index == index))
            {
                return index;
            }

            Unknown(entry, devices, origin, findings);
            return null;
        }

        if (entry.StartsWith("MIG-", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new MeasureFinding(MeasureFindingCodes.MigSlice,
                $"{origin} names the MIG slice '{entry}': NVML measures power and energy only for the whole GPU, and "
                + "the slice's parent GPU cannot be resolved here; name the parent GPU's UUID or index to measure it "
                + "(the figure is then whole-device)"));
            return null;
        }

        var matches = devices.Where(d => d.Uuid.Length > 0
            && d.Uuid.StartsWith(entry.StartsWith("GPU-", StringComparison.OrdinalIgnoreCase) ? entry : "GPU-" + entry,
                StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1)
        {
            return matches[0].Index;
        }

        Unknown(entry, devices, origin, findings);
        return null;
    }

    private static void Unknown(string entry, IReadOnlyList<GpuIdentity> devices, string origin, List<MeasureFinding> findings)
    {
        var known = devices.Count == 0
            ? "NVML sees no GPU"
            : "known: " + string.Join(", ", devices.Select(d =>
                string.Create(CultureInfo.InvariantCulture, $"{d.Index} = {d.Uuid} ({d.Name})")));
        findings.Add(new MeasureFinding(MeasureFindingCodes.UnknownGpu,
            $"{origin} names '{entry}', which is no single GPU here ({known})"));
    }
}
