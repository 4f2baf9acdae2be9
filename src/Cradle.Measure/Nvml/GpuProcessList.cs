using System.Globalization;

namespace Cradle.Measure.Nvml;

/// <summary>A compute process on a GPU.</summary>
/// <param name="Pid">Process id in the driver's (the host's) pid namespace.</param>
/// <param name="UsedGpuMemoryBytes">Device memory the process holds, bytes; null when NVML cannot say (not 0).</param>
public sealed record GpuProcess(int Pid, ulong? UsedGpuMemoryBytes);

/// <summary>
/// The compute processes on one GPU at one moment, or <em>unavailable</em> with the reason. An empty list means the
/// GPU had no compute process; it is never used for "could not be read".
/// </summary>
public sealed class GpuProcessList
{
    /// <summary>The NVML function this list comes from.</summary>
    public const string Function = "nvmlDeviceGetComputeRunningProcesses_v3";

    /// <summary>The reason given when the driver's NVML does not export <see cref="Function"/>.</summary>
    public const string MissingFunctionReason = "the driver's NVML lacks " + Function;

    // The list can grow between the size call and the fill call; a few tries with some spare rows is what peers do.
    private const int MaxFillAttempts = 4;
    private const int SpareRows = 4;

    private GpuProcessList(IReadOnlyList<GpuProcess>? processes, string? unavailableReason)
    {
        Processes = processes;
        UnavailableReason = unavailableReason;
    }

    /// <summary>The processes; null when <see cref="UnavailableReason"/> says why there is no list.</summary>
    public IReadOnlyList<GpuProcess>? Processes { get; }

    /// <summary>Why there is no list; null when <see cref="Processes"/> is set.</summary>
    public string? UnavailableReason { get; }

    /// <summary>True when <see cref="Processes"/> holds a list (possibly empty).</summary>
    public bool IsAvailable => Processes is not null;

    /// <summary>A list that was read.</summary>
    public static GpuProcessList Of(IReadOnlyList<GpuProcess> processes) =>
        new(processes ?? throw new ArgumentNullException(nameof(processes)), null);

    /// <summary>No list, because <paramref name="reason"/>.</summary>
    public static GpuProcessList Unavailable(string reason) =>
        new(null, string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("a reason is required", nameof(reason)) : reason);

    /// <summary>
    /// Lists the compute processes on <paramref name="device"/>: asks for the size with an empty buffer, then fills a
    /// buffer with a few spare rows, asking again (up to 4 fills) while NVML answers that the list has grown.
    /// </summary>
    /// <param name="nvml">The initialised binding.</param>
    /// <param name="device">The device.</param>
    /// <param name="code">The last NVML code (so callers can notice a lost GPU).</param>
    public static GpuProcessList Query(INvml nvml, NvmlDevice device, out NvmlReturn code)
    {
        ArgumentNullException.ThrowIfNull(nvml);
        uint count = 0;
        code = nvml.GetComputeRunningProcesses(device, ref count, []);
        if (code == NvmlReturn.Success)
        {
            return Of([]);
        }

        for (var attempt = 0; attempt < MaxFillAttempts && code == NvmlReturn.InsufficientSize; attempt++)
        {
            var buffer = new NvmlProcessInfo[checked((int)count + SpareRows)];
            count = (uint)buffer.Length;
            code = nvml.GetComputeRunningProcesses(device, ref count, buffer);
            if (code == NvmlReturn.Success)
            {
                return Of([.. buffer.Take((int)Math.Min(count, (uint)buffer.Length)).Select(ToProcess)]);
            }
        }

        return Unavailable(code switch
        {
            NvmlReturn.FunctionNotFound => MissingFunctionReason,
            NvmlReturn.InsufficientSize => string.Create(CultureInfo.InvariantCulture,
                $"{Function}: the process list kept growing between calls ({MaxFillAttempts} tries)"),
            _ => NvmlErrors.Describe(code, Function),
        });
    }

    /// <summary>
    /// Whether any of <paramref name="pids"/> (e.g. the measured command's process tree) runs on the GPU; null when
    /// the list is unavailable, so "unknown" never reads as "no".
    /// </summary>
    public bool? IncludesAnyOf(IReadOnlySet<int> pids)
    {
        ArgumentNullException.ThrowIfNull(pids);
        return Processes?.Any(p => pids.Contains(p.Pid));
    }

    /// <summary>The processes whose pid is in <paramref name="pids"/>; null when the list is unavailable.</summary>
    public IReadOnlyList<GpuProcess>? Matching(IReadOnlySet<int> pids)
    {
        ArgumentNullException.ThrowIfNull(pids);
        return Processes is null ? null : [.. Processes.Where(p => pids.Contains(p.Pid))];
    }

    // Linux pids are at most 2^22, so the driver's uint always fits the int that procfs code uses.
    private static GpuProcess ToProcess(NvmlProcessInfo info) => new(
        unchecked((int)info.Pid),
        info.UsedGpuMemoryBytes == NvmlProcessInfo.ValueNotAvailable ? null : info.UsedGpuMemoryBytes);
}
