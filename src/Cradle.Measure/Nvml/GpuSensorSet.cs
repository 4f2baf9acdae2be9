using System.Globalization;
using Cradle.Measure.Sensors;

namespace Cradle.Measure.Nvml;

/// <summary>
/// The GPU sensors of one measurement: NVML initialised once, devices enumerated and selected, one
/// <see cref="NvmlGpuSensor"/> per chosen GPU. When NVML cannot be used at all the set holds one
/// <see cref="UnavailableSensor"/> saying why, so the absence shows in every output. Dispose to shut NVML down.
/// </summary>
public sealed class GpuSensorSet : IDisposable
{
    private readonly INvml? _nvml;
    private readonly bool _ownsNvml;
    private bool _initialised;

    private GpuSensorSet(INvml? nvml, bool ownsNvml)
    {
        _nvml = nvml;
        _ownsNvml = ownsNvml;
    }

    /// <summary>The sensors: one per selected GPU, or one unavailable sensor with the reason.</summary>
    public IReadOnlyList<ISensor> Sensors { get; private set; } = [];

    /// <summary>Every GPU NVML enumerated (selected or not); empty when NVML is unusable.</summary>
    public IReadOnlyList<GpuIdentity> Devices { get; private set; } = [];

    /// <summary>Selection findings and GPUs that could not be opened.</summary>
    public IReadOnlyList<MeasureFinding> Findings { get; private set; } = [];

    /// <summary>Loads the system's NVML library and opens the GPUs chosen by <paramref name="explicitList"/> or
    /// <c>CUDA_VISIBLE_DEVICES</c> (see <see cref="GpuSelection.Choose"/>).</summary>
    public static GpuSensorSet OpenSystem(IReadOnlyList<string>? explicitList, Func<string, string?> environment)
    {
        return NvmlNativeLibrary.TryLoad(null, out var library, out var reason)
            ? Open(library!, explicitList, environment, ownsNvml: true)
            : Unusable(reason!);
    }

    /// <summary>Opens the chosen GPUs through <paramref name="nvml"/>.</summary>
    /// <param name="nvml">The binding (the real library or a fake).</param>
    /// <param name="explicitList">GPUs named by the user (indices or UUIDs); null when not given.</param>
    /// <param name="environment">Environment lookup, for <c>CUDA_VISIBLE_DEVICES</c>.</param>
    /// <param name="ownsNvml">Whether disposing the set disposes <paramref name="nvml"/> too.</param>
    public static GpuSensorSet Open(
        INvml nvml, IReadOnlyList<string>? explicitList, Func<string, string?> environment, bool ownsNvml = false)
    {
        ArgumentNullException.ThrowIfNull(nvml);
        var set = new GpuSensorSet(nvml, ownsNvml);
        var init = nvml.Init();
        if (init != NvmlReturn.Success)
        {
            set.Sensors = [Unavailable(NvmlErrors.Describe(init, "nvmlInit_v2"))];
            return set;
        }

        set._initialised = true;
        var count = nvml.GetDeviceCount(out var n);
        if (count != NvmlReturn.Success)
        {
            set.Sensors = [Unavailable(NvmlErrors.Describe(count, "nvmlDeviceGetCount_v2"))];
            return set;
        }

        var findings = new List<MeasureFinding>();
        var opened = new Dictionary<uint, (NvmlDevice Device, GpuIdentity Identity)>();
        var devices = new List<GpuIdentity>();
        for (uint i = 0; i < n; i++)
        {
            // GetCount includes GPUs the user may not open (NO_PERMISSION per device): report each, keep going.
            var handle = nvml.GetHandleByIndex(i, out var device);
            if (handle != NvmlReturn.Success)
            {
                findings.Add(new MeasureFinding(MeasureFindingCodes.GpuNotOpened, string.Create(
                    CultureInfo.InvariantCulture, $"GPU {i}: {NvmlErrors.Describe(handle, "nvmlDeviceGetHandleByIndex_v2")}")));
                continue;
            }

            var identity = new GpuIdentity(i,
                nvml.GetUuid(device, out var uuid) == NvmlReturn.Success ? uuid : "",
                nvml.GetName(device, out var name) == NvmlReturn.Success ? name : "NVIDIA GPU");
            devices.Add(identity);
            opened[i] = (device, identity);
        }

        var selection = GpuSelection.Choose(devices, explicitList, environment);
        findings.AddRange(selection.Findings);
        set.Devices = devices;
        set.Findings = findings;
        set.Sensors = selection.Indices.Count == 0
            ? [Unavailable(devices.Count == 0 ? "NVML sees no usable GPU" : "no GPU selected"
                + (findings.Count > 0 ? ": " + findings[^1].Message : ""))]
            : [.. selection.Indices.Select(i => new NvmlGpuSensor(nvml, opened[i].Device, opened[i].Identity))];
        return set;
    }

    /// <summary>A set with no NVML: one unavailable sensor with <paramref name="reason"/>.</summary>
    public static GpuSensorSet Unusable(string reason) => new(null, false) { Sensors = [Unavailable(reason)] };

    /// <summary>Shuts NVML down (once per successful init) and unloads the library when the set owns it.</summary>
    public void Dispose()
    {
        if (_initialised)
        {
            _nvml!.Shutdown();
            _initialised = false;
        }

        if (_ownsNvml && _nvml is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private static UnavailableSensor Unavailable(string reason) =>
        new("gpu", SensorKind.Gpu, "NVIDIA GPUs", reason);
}
