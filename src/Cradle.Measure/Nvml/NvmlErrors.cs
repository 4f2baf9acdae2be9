using System.Globalization;

namespace Cradle.Measure.Nvml;

/// <summary>Readable reasons for NVML return codes.</summary>
public static class NvmlErrors
{
    /// <summary>The reason used when the NVML library itself cannot be loaded.</summary>
    public const string LibraryNotFoundReason =
        "NVML library not found (no NVIDIA driver): looked for libnvidia-ml.so.1 / nvml.dll";

    /// <summary>A sentence saying what <paramref name="code"/> means for the call <paramref name="function"/>.</summary>
    public static string Describe(NvmlReturn code, string function)
    {
        var what = code switch
        {
            NvmlReturn.Uninitialized => "NVML was not initialised",
            NvmlReturn.InvalidArgument => "invalid argument",
            NvmlReturn.NotSupported => "not supported by this device",
            NvmlReturn.NoPermission => "no permission (the user may not query this GPU)",
            NvmlReturn.NotFound => "not found",
            NvmlReturn.DriverNotLoaded => "the NVIDIA kernel driver is not loaded",
            NvmlReturn.LibraryNotFound => "NVML library not found",
            NvmlReturn.FunctionNotFound => "the installed driver's NVML lacks this function (driver too old)",
            NvmlReturn.GpuIsLost => "the GPU is lost (fell off the bus or stopped responding)",
            NvmlReturn.OperatingSystem => "blocked by the operating system or cgroups",
            NvmlReturn.LibRmVersionMismatch =>
                "NVML library and kernel driver versions differ (reload the driver or reboot after an upgrade)",
            NvmlReturn.Unknown => "unknown NVML error",
            _ => "NVML error",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{function} failed: {what} (NVML code {(int)code})");
    }
}
