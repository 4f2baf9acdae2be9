namespace Cradle.Measure.Nvml;

/// <summary>The NVML return codes (<c>nvmlReturn_t</c>, nvml.h) that Cradle distinguishes; others keep their number.</summary>
public enum NvmlReturn
{
    /// <summary>NVML_SUCCESS.</summary>
    Success = 0,

    /// <summary>NVML_ERROR_UNINITIALIZED.</summary>
    Uninitialized = 1,

    /// <summary>NVML_ERROR_INVALID_ARGUMENT.</summary>
    InvalidArgument = 2,

    /// <summary>NVML_ERROR_NOT_SUPPORTED.</summary>
    NotSupported = 3,

    /// <summary>NVML_ERROR_NO_PERMISSION.</summary>
    NoPermission = 4,

    /// <summary>NVML_ERROR_NOT_FOUND.</summary>
    NotFound = 6,

    /// <summary>NVML_ERROR_INSUFFICIENT_SIZE.</summary>
    InsufficientSize = 7,

    /// <summary>NVML_ERROR_DRIVER_NOT_LOADED.</summary>
    DriverNotLoaded = 9,

    /// <summary>NVML_ERROR_LIBRARY_NOT_FOUND.</summary>
    LibraryNotFound = 12,

    /// <summary>NVML_ERROR_FUNCTION_NOT_FOUND.</summary>
    FunctionNotFound = 13,

    /// <summary>NVML_ERROR_GPU_IS_LOST.</summary>
    GpuIsLost = 15,

    /// <summary>NVML_ERROR_OPERATING_SYSTEM: the call was blocked by the operating system or cgroups.</summary>
    OperatingSystem = 17,

    /// <summary>NVML_ERROR_LIB_RM_VERSION_MISMATCH.</summary>
    LibRmVersionMismatch = 18,

    /// <summary>NVML_ERROR_UNKNOWN.</summary>
    Unknown = 999,
}
