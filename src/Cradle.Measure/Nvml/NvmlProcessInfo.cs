using System.Runtime.InteropServices;

namespace Cradle.Measure.Nvml;

/// <summary>
/// One row of <c>nvmlDeviceGetComputeRunningProcesses_v3</c> (<c>nvmlProcessInfo_t</c>, 24 bytes): the layout is
/// fixed here so the native call can fill an array of these directly.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
public readonly struct NvmlProcessInfo : IEquatable<NvmlProcessInfo>
{
    /// <summary>The value NVML puts in <see cref="UsedGpuMemoryBytes"/> when it cannot say (NVML_VALUE_NOT_AVAILABLE).</summary>
    public const ulong ValueNotAvailable = ulong.MaxValue;

    /// <summary>Creates a row.</summary>
    /// <param name="pid">Process id, as the driver sees it (the host's pid namespace).</param>
    /// <param name="usedGpuMemoryBytes">Device memory the process holds, bytes, or <see cref="ValueNotAvailable"/>.</param>
    /// <param name="gpuInstanceId">MIG GPU instance, or 0xFFFFFFFF when MIG is off.</param>
    /// <param name="computeInstanceId">MIG compute instance, or 0xFFFFFFFF when MIG is off.</param>
    public NvmlProcessInfo(uint pid, ulong usedGpuMemoryBytes, uint gpuInstanceId, uint computeInstanceId)
    {
        Pid = pid;
        UsedGpuMemoryBytes = usedGpuMemoryBytes;
        GpuInstanceId = gpuInstanceId;
        ComputeInstanceId = computeInstanceId;
    }

    /// <summary>Process id (offset 0).</summary>
    [field: FieldOffset(0)]
    public uint Pid { get; }

    /// <summary>Device memory in bytes (offset 8, after 4 bytes of padding), or <see cref="ValueNotAvailable"/>.</summary>
    [field: FieldOffset(8)]
    public ulong UsedGpuMemoryBytes { get; }

    /// <summary>MIG GPU instance id (offset 16).</summary>
    [field: FieldOffset(16)]
    public uint GpuInstanceId { get; }

    /// <summary>MIG compute instance id (offset 20).</summary>
    [field: FieldOffset(20)]
    public uint ComputeInstanceId { get; }

    /// <summary>Field-by-field equality.</summary>
    public static bool operator ==(NvmlProcessInfo left, NvmlProcessInfo right) => left.Equals(right);

    /// <summary>Field-by-field inequality.</summary>
    public static bool operator !=(NvmlProcessInfo left, NvmlProcessInfo right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(NvmlProcessInfo other) => Pid == other.Pid && UsedGpuMemoryBytes == other.UsedGpuMemoryBytes
        && GpuInstanceId == other.GpuInstanceId && ComputeInstanceId == other.ComputeInstanceId;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NvmlProcessInfo other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Pid, UsedGpuMemoryBytes, GpuInstanceId, ComputeInstanceId);
}
