using Cradle.Measure.Nvml;

namespace Cradle.Measure.Tests;

/// <summary>One GPU of <see cref="FakeNvml"/>; tests change its fields between reads.</summary>
internal sealed class FakeGpu(string uuid, string name)
{
    public string Uuid { get; } = uuid;
    public string Name { get; } = name;
    public ulong EnergyMj { get; set; }
    public bool EnergySupported { get; set; } = true;
    public uint PowerMw { get; set; } = 100_000;
    public NvmlReturn TemperatureCode { get; set; } = NvmlReturn.Success;
    public int TemperatureCelsius { get; set; } = 60;
    public uint UtilisationPercent { get; set; } = 75;
    public ulong MemoryUsedBytes { get; set; } = 1UL << 30;
    public bool Lost { get; set; }
    public NvmlReturn HandleCode { get; set; } = NvmlReturn.Success;

    /// <summary>The process list each successive call sees (the last repeats); empty: no processes.</summary>
    public List<NvmlProcessInfo[]> ProcessListsByCall { get; } = [];
    public NvmlReturn ProcessesCode { get; set; } = NvmlReturn.Success;
    public int ProcessCalls { get; set; }
}

/// <summary>NVML with scripted GPUs; the device handle is the GPU's index.</summary>
internal sealed class FakeNvml(params FakeGpu[] gpus) : INvml
{
    public NvmlReturn InitCode { get; set; } = NvmlReturn.Success;
    public int InitCalls { get; private set; }
    public int ShutdownCalls { get; private set; }

    public NvmlReturn Init()
    {
        InitCalls++;
        return InitCode;
    }

    public NvmlReturn Shutdown()
    {
        ShutdownCalls++;
        return NvmlReturn.Success;
    }

    public NvmlReturn GetDeviceCount(out uint count)
    {
        count = (uint)gpus.Length;
        return NvmlReturn.Success;
    }

    public NvmlReturn GetHandleByIndex(uint index, out NvmlDevice device)
    {
        device = new NvmlDevice((nint)index);
        return gpus[index].HandleCode;
    }

    public NvmlReturn GetName(NvmlDevice device, out string name)
    {
        name = Gpu(device).Name;
        return NvmlReturn.Success;
    }

    public NvmlReturn GetUuid(NvmlDevice device, out string uuid)
    {
        uuid = Gpu(device).Uuid;
        return NvmlReturn.Success;
    }

    public NvmlReturn GetTotalEnergyConsumption(NvmlDevice device, out ulong millijoules)
    {
        var gpu = Gpu(device);
        millijoules = gpu.EnergyMj;
        return gpu.Lost ? NvmlReturn.GpuIsLost : gpu.EnergySupported ? NvmlReturn.Success : NvmlReturn.NotSupported;
    }

    public NvmlReturn GetPowerUsage(NvmlDevice device, out uint milliwatts)
    {
        milliwatts = Gpu(device).PowerMw;
        return Gpu(device).Lost ? NvmlReturn.GpuIsLost : NvmlReturn.Success;
    }

    public NvmlReturn GetTemperature(NvmlDevice device, out int celsius)
    {
        celsius = Gpu(device).TemperatureCelsius;
        return Gpu(device).Lost ? NvmlReturn.GpuIsLost : Gpu(device).TemperatureCode;
    }

    public NvmlReturn GetUtilizationRates(NvmlDevice device, out NvmlUtilization utilization)
    {
        utilization = new NvmlUtilization(Gpu(device).UtilisationPercent, 10);
        return Gpu(device).Lost ? NvmlReturn.GpuIsLost : NvmlReturn.Success;
    }

    public NvmlReturn GetMemoryInfo(NvmlDevice device, out NvmlMemory memory)
    {
        memory = new NvmlMemory(80UL << 30, (80UL << 30) - Gpu(device).MemoryUsedBytes, Gpu(device).MemoryUsedBytes);
        return Gpu(device).Lost ? NvmlReturn.GpuIsLost : NvmlReturn.Success;
    }

    /// <summary>Behaves as NVML documents: too small a buffer → INSUFFICIENT_SIZE with the size needed.</summary>
    public NvmlReturn GetComputeRunningProcesses(NvmlDevice device, ref uint count, Span<NvmlProcessInfo> processes)
    {
        var gpu = Gpu(device);
        var call = gpu.ProcessCalls++;
        if (gpu.Lost)
        {
            return NvmlReturn.GpuIsLost;
        }

        if (gpu.ProcessesCode != NvmlReturn.Success)
        {
            return gpu.ProcessesCode;
        }

        var lists = gpu.ProcessListsByCall;
        var current = lists.Count == 0 ? [] : lists[Math.Min(call, lists.Count - 1)];
        if (count > processes.Length)
        {
            return NvmlReturn.InvalidArgument;
        }

        if (current.Length > count)
        {
            count = (uint)current.Length;
            return NvmlReturn.InsufficientSize;
        }

        current.CopyTo(processes);
        count = (uint)current.Length;
        return NvmlReturn.Success;
    }

    private FakeGpu Gpu(NvmlDevice device) => gpus[(int)device.Value];
}
