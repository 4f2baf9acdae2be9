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
}
