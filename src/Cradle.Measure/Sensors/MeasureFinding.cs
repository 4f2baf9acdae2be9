namespace Cradle.Measure.Sensors;

/// <summary>Something noteworthy about a reading or a device selection, with a stable code a program can match.</summary>
/// <param name="Code">Stable kebab-case code, one of <see cref="MeasureFindingCodes"/>.</param>
/// <param name="Message">A sentence for people: what happened and what it means for the figures.</param>
public sealed record MeasureFinding(string Code, string Message);

/// <summary>The codes a <see cref="MeasureFinding"/> can carry.</summary>
public static class MeasureFindingCodes
{
    /// <summary>The energy counter wrapped once between two reads; the difference was corrected.</summary>
    public const string CounterWrapped = "counter-wrapped";

    /// <summary>The read interval was long enough for the counter to wrap more than once: the energy is ambiguous.</summary>
    public const string PossibleMultipleWraps = "possible-multiple-wraps";

    /// <summary>The counter has not moved for longer than its update period allows: reported, not read as 0 W.</summary>
    public const string CounterStale = "counter-stale";

    /// <summary>A counter went backwards without a wrap (driver reload, reset): that interval was discarded.</summary>
    public const string CounterReset = "counter-reset";

    /// <summary>A difference implied a power above the plausible ceiling: that interval was discarded.</summary>
    public const string ImplausibleDelta = "implausible-delta";

    /// <summary>The device disappeared (NVML "GPU is lost"); nothing is read from it afterwards.</summary>
    public const string DeviceLost = "device-lost";

    /// <summary>A zero or negative power sample was dropped rather than integrated.</summary>
    public const string PowerSampleDropped = "power-sample-dropped";

    /// <summary>A file or function could not be read because of permissions.</summary>
    public const string PermissionDenied = "permission-denied";

    /// <summary>A file or function could not be read for another reason (I/O error, unparseable text).</summary>
    public const string ReadError = "read-error";

    /// <summary>A GPU named by <c>CUDA_VISIBLE_DEVICES</c> or an explicit list does not exist.</summary>
    public const string UnknownGpu = "unknown-gpu";

    /// <summary>A MIG slice was named: NVML cannot measure a slice, and its parent GPU could not be resolved.</summary>
    public const string MigSlice = "mig-slice";

    /// <summary>CUDA ordinals were mapped to NVML indices while CUDA may order GPUs differently.</summary>
    public const string CudaOrder = "cuda-order";

    /// <summary><c>CUDA_VISIBLE_DEVICES</c> hides every GPU.</summary>
    public const string NoGpuVisible = "no-gpu-visible";

    /// <summary>A GPU could not be opened (permission, driver error); it is reported, not measured.</summary>
    public const string GpuNotOpened = "gpu-not-opened";
}
