using System.Runtime.InteropServices;
using System.Text;

namespace Cradle.Measure.Nvml;

/// <summary>
/// NVML over the real library, loaded at run time with <see cref="NativeLibrary.TryLoad(string, out nint)"/> so that
/// a machine without an NVIDIA driver still runs (its GPU sensors then say why they are unavailable). Entry points are
/// plain C (cdecl on every platform, nvml.h); the versioned <c>_v2</c> names are the ones the header maps to.
/// Functions missing from an old driver answer <see cref="NvmlReturn.FunctionNotFound"/>.
/// </summary>
public sealed unsafe class NvmlNativeLibrary : INvml, IDisposable
{
    // NVML_DEVICE_NAME_V2_BUFFER_SIZE and NVML_DEVICE_UUID_V2_BUFFER_SIZE (nvml.h).
    private const int StringBufferBytes = 96;

    // nvmlTemperature_v1_t is 12 bytes; its version word is sizeof | (1 << 24) (nvml.h NVML_STRUCT_VERSION).
    private const uint TemperatureV1Version = 12u | (1u << 24);

    private readonly nint _library;
    private readonly delegate* unmanaged[Cdecl]<int> _init;
    private readonly delegate* unmanaged[Cdecl]<int> _shutdown;
    private readonly delegate* unmanaged[Cdecl]<uint*, int> _getCount;
    private readonly delegate* unmanaged[Cdecl]<uint, nint*, int> _getHandle;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, uint, int> _getName;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, uint, int> _getUuid;
    private readonly delegate* unmanaged[Cdecl]<nint, ulong*, int> _getEnergy;
    private readonly delegate* unmanaged[Cdecl]<nint, uint*, int> _getPower;
    private readonly delegate* unmanaged[Cdecl]<nint, TemperatureV1*, int> _getTemperatureV;
    private readonly delegate* unmanaged[Cdecl]<nint, int, uint*, int> _getTemperature;
    private readonly delegate* unmanaged[Cdecl]<nint, NvmlUtilization*, int> _getUtilization;
    private readonly delegate* unmanaged[Cdecl]<nint, NvmlMemory*, int> _getMemory;
    private readonly delegate* unmanaged[Cdecl]<nint, uint*, NvmlProcessInfo*, int> _getProcesses;

    private NvmlNativeLibrary(nint library)
    {
        _library = library;
        _init = (delegate* unmanaged[Cdecl]<int>)Export("nvmlInit_v2");
        _shutdown = (delegate* unmanaged[Cdecl]<int>)Export("nvmlShutdown");
        _getCount = (delegate* unmanaged[Cdecl]<uint*, int>)Export("nvmlDeviceGetCount_v2");
        _getHandle = (delegate* unmanaged[Cdecl]<uint, nint*, int>)Export("nvmlDeviceGetHandleByIndex_v2");
        _getName = (delegate* unmanaged[Cdecl]<nint, byte*, uint, int>)Export("nvmlDeviceGetName");
        _getUuid = (delegate* unmanaged[Cdecl]<nint, byte*, uint, int>)Export("nvmlDeviceGetUUID");
        _getEnergy = (delegate* unmanaged[Cdecl]<nint, ulong*, int>)Export("nvmlDeviceGetTotalEnergyConsumption");
        _getPower = (delegate* unmanaged[Cdecl]<nint, uint*, int>)Export("nvmlDeviceGetPowerUsage");
        _getTemperatureV = (delegate* unmanaged[Cdecl]<nint, TemperatureV1*, int>)Export("nvmlDeviceGetTemperatureV");
        _getTemperature = (delegate* unmanaged[Cdecl]<nint, int, uint*, int>)Export("nvmlDeviceGetTemperature");
        _getUtilization = (delegate* unmanaged[Cdecl]<nint, NvmlUtilization*, int>)Export("nvmlDeviceGetUtilizationRates");
        _getMemory = (delegate* unmanaged[Cdecl]<nint, NvmlMemory*, int>)Export("nvmlDeviceGetMemoryInfo");
        _getProcesses = (delegate* unmanaged[Cdecl]<nint, uint*, NvmlProcessInfo*, int>)Export(GpuProcessList.Function);
    }

    /// <summary>The file names tried, in order, on this operating system.</summary>
    public static IReadOnlyList<string> DefaultCandidates => OperatingSystem.IsWindows()
        ?
        [
            "nvml.dll",
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "nvml.dll"),
            @"C:\Program Files\NVIDIA Corporation\NVSMI\nvml.dll",
        ]
        // The unversioned libnvidia-ml.so is a development link that driver-only installs lack.
        : ["libnvidia-ml.so.1", "libnvidia-ml.so"];

    /// <summary>Loads the first of <paramref name="candidates"/> that exists and exports <c>nvmlInit_v2</c>.</summary>
    /// <param name="candidates">Library names or paths; <see cref="DefaultCandidates"/> when null.</param>
    /// <param name="library">The loaded library, or null.</param>
    /// <param name="reason">Why nothing was loaded; null on success.</param>
    public static bool TryLoad(IReadOnlyList<string>? candidates, out NvmlNativeLibrary? library, out string? reason)
    {
        foreach (var name in candidates ?? DefaultCandidates)
        {
            if (!NativeLibrary.TryLoad(name, out var handle))
            {
                continue;
            }

            if (!NativeLibrary.TryGetExport(handle, "nvmlInit_v2", out _))
            {
                NativeLibrary.Free(handle);
                continue;
            }

            library = new NvmlNativeLibrary(handle);
            reason = null;
            return true;
        }

        library = null;
        reason = NvmlErrors.LibraryNotFoundReason;
        return false;
    }

    /// <inheritdoc/>
    public NvmlReturn Init() => _init == null ? NvmlReturn.FunctionNotFound : (NvmlReturn)_init();

    /// <inheritdoc/>
    public NvmlReturn Shutdown() => _shutdown == null ? NvmlReturn.FunctionNotFound : (NvmlReturn)_shutdown();

    /// <inheritdoc/>
    public NvmlReturn GetDeviceCount(out uint count)
    {
        uint value = 0;
        var code = _getCount == null ? NvmlReturn.FunctionNotFound : (NvmlReturn)_getCount(&value);
        count = value;
        return code;
    }

    /// <inheritdoc/>
    public NvmlReturn GetHandleByIndex(uint index, out NvmlDevice device)
    {
        nint handle = 0;
        var code = _getHandle == null ? NvmlReturn.FunctionNotFound : (NvmlReturn)_getHandle(index, &handle);
        device = new NvmlDevice(handle);
        return code;
    }

    /// <inheritdoc/>
    public NvmlReturn GetName(NvmlDevice device, out string name) => ReadString(_getName, device, out name);

    /// <inheritdoc/>
    public NvmlReturn GetUuid(NvmlDevice device, out string uuid) => ReadString(_getUuid, device, out uuid);

    /// <inheritdoc/>
    public NvmlReturn GetTotalEnergyConsumption(NvmlDevice device, out ulong millijoules)
    {
        ulong value = 0;
        var code = _getEnergy == null ? NvmlReturn.FunctionNotFound : (NvmlReturn)_getEnergy(device.Value, &value);
        millijoules = value;
        return code;
    }

    /// <inheritdoc/>
    public NvmlReturn GetPowerUsage(NvmlDevice device, out uint milliwatts)
    {
        uint value = 0;
        var code = _getPower == null ? NvmlReturn.FunctionNotFound : (NvmlReturn)_getPower(device.Value, &value);
        milliwatts = value;
        return code;
    }

    /// <inheritdoc/>
    public NvmlReturn GetTemperature(NvmlDevice device, out int celsius)
    {
        // The V form is current (the plain one is deprecated in NVML 13); older drivers only have the plain one.
        if (_getTemperatureV != null)
        {
            var probe = new TemperatureV1 { Version = TemperatureV1Version, SensorType = 0 };
            var code = (NvmlReturn)_getTemperatureV(device.Value, &probe);
            celsius = probe.Temperature;
            return code;
        }

        uint value = 0;
        var old = _getTemperature == null ? NvmlReturn.FunctionNotFound : (NvmlReturn)_getTemperature(device.Value, 0, &value);
        celsius = (int)value;
        return old;
    }

    /// <inheritdoc/>
    public NvmlReturn GetUtilizationRates(NvmlDevice device, out NvmlUtilization utilization)
    {
        NvmlUtilization value = default;
        var code = _getUtilization == null ? NvmlReturn.FunctionNotFound : (NvmlReturn)_getUtilization(device.Value, &value);
        utilization = value;
        return code;
    }

    /// <inheritdoc/>
    public NvmlReturn GetMemoryInfo(NvmlDevice device, out NvmlMemory memory)
    {
        NvmlMemory value = default;
        var code = _getMemory == null ? NvmlReturn.FunctionNotFound : (NvmlReturn)_getMemory(device.Value, &value);
        memory = value;
        return code;
    }

    /// <inheritdoc/>
    public NvmlReturn GetComputeRunningProcesses(NvmlDevice device, ref uint count, Span<NvmlProcessInfo> processes)
    {
        if (_getProcesses == null)
        {
            return NvmlReturn.FunctionNotFound;
        }

        // Never let NVML write past the span, whatever the caller claimed.
        var value = Math.Min(count, (uint)processes.Length);
        fixed (NvmlProcessInfo* rows = processes)
        {
            var code = (NvmlReturn)_getProcesses(device.Value, &value, rows);
            count = value;
            return code;
        }
    }

    /// <summary>Unloads the library. Call <see cref="Shutdown"/> first for every successful <see cref="Init"/>.</summary>
    public void Dispose() => NativeLibrary.Free(_library);

    private static NvmlReturn ReadString(
        delegate* unmanaged[Cdecl]<nint, byte*, uint, int> function, NvmlDevice device, out string text)
    {
        if (function == null)
        {
            text = "";
            return NvmlReturn.FunctionNotFound;
        }

        var buffer = stackalloc byte[StringBufferBytes];
        var code = (NvmlReturn)function(device.Value, buffer, StringBufferBytes);
        var span = new ReadOnlySpan<byte>(buffer, StringBufferBytes);
        var end = span.IndexOf((byte)0);
        text = code == NvmlReturn.Success ? Encoding.UTF8.GetString(end < 0 ? span : span[..end]) : "";
        return code;
    }

    private void* Export(string name) =>
        NativeLibrary.TryGetExport(_library, name, out var address) ? (void*)address : null;

    [StructLayout(LayoutKind.Sequential)]
    private struct TemperatureV1
    {
        public uint Version;
        public int SensorType;
        public int Temperature;
    }
}
