namespace Cradle.Measure.Nvml;

/// <summary>An opaque NVML device handle (<c>nvmlDevice_t</c>).</summary>
/// <param name="Value">The pointer NVML returned; fakes may use any number.</param>
public readonly record struct NvmlDevice(nint Value);

/// <summary>GPU and memory busy percentages of the last sample period (<c>nvmlUtilization_t</c>), 0 to 100.</summary>
/// <param name="GpuPercent">Percent of time a kernel was running.</param>
/// <param name="MemoryPercent">Percent of time device memory was being read or written.</param>
public readonly record struct NvmlUtilization(uint GpuPercent, uint MemoryPercent);

/// <summary>Device memory in bytes (<c>nvmlMemory_t</c>).</summary>
/// <param name="TotalBytes">Installed memory.</param>
/// <param name="FreeBytes">Unallocated memory.</param>
/// <param name="UsedBytes">Allocated memory.</param>
public readonly record struct NvmlMemory(ulong TotalBytes, ulong FreeBytes, ulong UsedBytes);

/// <summary>
/// The few NVML calls Cradle needs, one method per C function, returning the NVML code. Implemented by
/// <see cref="NvmlNativeLibrary"/> over the real library and by fakes in tests.
/// </summary>
public interface INvml
{
    /// <summary><c>nvmlInit_v2</c>; pair every success with <see cref="Shutdown"/> (NVML counts them).</summary>
    NvmlReturn Init();

    /// <summary><c>nvmlShutdown</c>.</summary>
    NvmlReturn Shutdown();

    /// <summary><c>nvmlDeviceGetCount_v2</c>: every GPU, including ones the user may not open.</summary>
    NvmlReturn GetDeviceCount(out uint count);

    /// <summary><c>nvmlDeviceGetHandleByIndex_v2</c>; the index is NVML's (PCI bus order).</summary>
    NvmlReturn GetHandleByIndex(uint index, out NvmlDevice device);

    /// <summary><c>nvmlDeviceGetName</c>.</summary>
    NvmlReturn GetName(NvmlDevice device, out string name);

    /// <summary><c>nvmlDeviceGetUUID</c>, e.g. <c>GPU-8f0c…</c>.</summary>
    NvmlReturn GetUuid(NvmlDevice device, out string uuid);

    /// <summary><c>nvmlDeviceGetTotalEnergyConsumption</c>: millijoules since the driver was last loaded (Volta+).</summary>
    NvmlReturn GetTotalEnergyConsumption(NvmlDevice device, out ulong millijoules);

    /// <summary><c>nvmlDeviceGetPowerUsage</c>: board power in milliwatts (a 1 s average on Ampere and newer).</summary>
    NvmlReturn GetPowerUsage(NvmlDevice device, out uint milliwatts);

    /// <summary>GPU core temperature in °C (<c>nvmlDeviceGetTemperatureV</c>, or the older form on old drivers).</summary>
    NvmlReturn GetTemperature(NvmlDevice device, out int celsius);

    /// <summary><c>nvmlDeviceGetUtilizationRates</c>.</summary>
    NvmlReturn GetUtilizationRates(NvmlDevice device, out NvmlUtilization utilization);

    /// <summary><c>nvmlDeviceGetMemoryInfo</c>.</summary>
    NvmlReturn GetMemoryInfo(NvmlDevice device, out NvmlMemory memory);

    /// <summary>
    /// <c>nvmlDeviceGetComputeRunningProcesses_v3</c>. On entry <paramref name="count"/> is the number of rows
    /// <paramref name="processes"/> may take (0 with an empty span asks for the size); on return it is the number
    /// filled, or, with <see cref="NvmlReturn.InsufficientSize"/>, the number needed.
    /// </summary>
    NvmlReturn GetComputeRunningProcesses(NvmlDevice device, ref uint count, Span<NvmlProcessInfo> processes);
}
