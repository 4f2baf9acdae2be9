namespace Cradle.Measure.Sensors;

/// <summary>What a sensor measures.</summary>
public enum SensorKind
{
    /// <summary>A whole NVIDIA GPU board (NVML): energy, power, temperature, utilisation, memory.</summary>
    Gpu,

    /// <summary>One CPU package (socket or die) through RAPL: energy and power.</summary>
    CpuPackage,

    /// <summary>The DRAM attached to one package through RAPL: energy and power.</summary>
    Dram,

    /// <summary>A temperature probe (hwmon or thermal zone): temperature only.</summary>
    Temperature,

    /// <summary>The CPU share of the measured process tree, modelled from its CPU time (no RAPL counter readable).</summary>
    ProcessCpu,

    /// <summary>The memory of the measured process tree: resident size, and power only where a cited figure exists.</summary>
    ProcessMemory,
}
