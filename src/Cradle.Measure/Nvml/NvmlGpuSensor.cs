using System.Globalization;
using Cradle.Measure.Sensors;

namespace Cradle.Measure.Nvml;

/// <summary>
/// One NVIDIA GPU through NVML. Energy comes from the total-energy counter (millijoules, Volta and newer); where the
/// device answers NOT_SUPPORTED, from the board power (milliwatts) integrated with the trapezoid rule over the read
/// times, labelled <see cref="ProvenanceMethod.PowerIntegrated"/> with that reason. A counter that goes backwards is a
/// reset (driver reload), not a wrap: the interval is dropped and reported. Once NVML says the GPU is lost, every
/// later reading is unavailable with that reason; the energy up to the last good read stays in
/// <see cref="LastGoodEnergyJoules"/>.
/// </summary>
public sealed class NvmlGpuSensor : ISensor
{
    private const string CounterSource =
        "NVML nvmlDeviceGetTotalEnergyConsumption (mJ since the driver was loaded)";

    private const string IntegratedSource = "NVML nvmlDeviceGetPowerUsage (mW; a 1 s trailing average on Ampere and "
        + "newer, instantaneous on older GPUs) integrated by the trapezoid rule over the read times";

    private readonly INvml _nvml;
    private readonly NvmlDevice _device;
    private readonly GpuIdentity _identity;

    private EnergyMode _mode = EnergyMode.Undetermined;
    private string? _modeReason;
    private ulong _segmentStartMj;
    private ulong _lastMj;
    private double _energyBeforeSegmentJ;
    private (TimeSpan At, double Watts)? _lastPowerSample;
    private double _integratedJ;
    private string? _lostReason;
    private TimeSpan? _lastGoodAt;

    /// <summary>Creates the sensor over an opened device.</summary>
    /// <param name="nvml">The initialised binding.</param>
    /// <param name="device">The device handle.</param>
    /// <param name="identity">Index, UUID and name, for labels.</param>
    public NvmlGpuSensor(INvml nvml, NvmlDevice device, GpuIdentity identity)
    {
        _nvml = nvml ?? throw new ArgumentNullException(nameof(nvml));
        _device = device;
        _identity = identity ?? throw new ArgumentNullException(nameof(identity));
    }

    private enum EnergyMode
    {
        Undetermined,
        Counter,
        PowerIntegrated,
    }

    /// <inheritdoc/>
    public string Id => "gpu:" + (_identity.Uuid.Length > 0
        ? _identity.Uuid
        : _identity.Index.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public SensorKind Kind => SensorKind.Gpu;

    /// <inheritdoc/>
    public string DeviceLabel => string.Create(CultureInfo.InvariantCulture, $"{_identity.Name} (GPU {_identity.Index})");

    /// <summary>Energy in joules up to the last reading that had a value, and when that was; null before any.</summary>
    public (double Joules, TimeSpan At)? LastGoodEnergyJoules { get; private set; }

    /// <summary>
    /// The compute processes on this GPU at the last <see cref="Read"/>, or unavailable with the reason (also before the
    /// first read). Use <see cref="GpuProcessList.IncludesAnyOf"/> with the measured command's process tree to learn
    /// whether it ran on this GPU.
    /// </summary>
    public GpuProcessList Processes { get; private set; } =
        GpuProcessList.Unavailable("the GPU has not been read yet (processes are listed at each reading)");

    /// <inheritdoc/>
    public SensorReading Read(TimeSpan at)
    {
        if (_lostReason is { } lost)
        {
            return Lost(at, lost, []);
        }

        var findings = new List<MeasureFinding>();
        var power = ReadPower(findings);
        var energy = ReadEnergy(at, power, findings);
        var temperature = Call(_nvml.GetTemperature(_device, out var celsius), "nvmlDeviceGetTemperature", () => celsius);
        var utilisation = Call(_nvml.GetUtilizationRates(_device, out var rates), "nvmlDeviceGetUtilizationRates",
            () => rates.GpuPercent / 100.0);
        var memory = Call(_nvml.GetMemoryInfo(_device, out var info), "nvmlDeviceGetMemoryInfo", () => info.UsedBytes);
        Processes = GpuProcessList.Query(_nvml, _device, out var processesCode);
        NoteLost(processesCode, GpuProcessList.Function);

        if (_lostReason is { } justLost)
        {
            return Lost(at, justLost, findings);
        }

        if (energy.Value is { } joules)
        {
            LastGoodEnergyJoules = (joules, at);
        }

        _lastGoodAt = at;
        return new SensorReading(at, energy, power, temperature, utilisation, memory, Provenance(), findings);
    }

    private SensorValue ReadPower(List<MeasureFinding> findings)
    {
        var code = _nvml.GetPowerUsage(_device, out var milliwatts);
        if (code != NvmlReturn.Success)
        {
            NoteLost(code, "nvmlDeviceGetPowerUsage");
            return SensorValue.Unavailable(NvmlErrors.Describe(code, "nvmlDeviceGetPowerUsage"));
        }

        if (milliwatts == 0)
        {
            // Polling faster than the sensor updates can return 0 mW (Zeus drops these): never integrate them.
            const string dropped = "NVML returned 0 mW (polled faster than the sensor updates); sample dropped";
            findings.Add(new MeasureFinding(MeasureFindingCodes.PowerSampleDropped, dropped));
            return SensorValue.Unavailable(dropped);
        }

        return SensorValue.Of(milliwatts / 1000.0);
    }

    private SensorValue ReadEnergy(TimeSpan at, SensorValue power, List<MeasureFinding> findings)
    {
        if (_mode != EnergyMode.PowerIntegrated)
        {
            var code = _nvml.GetTotalEnergyConsumption(_device, out var millijoules);
            if (code == NvmlReturn.Success)
            {
                return FromCounter(millijoules, findings);
            }

            NoteLost(code, "nvmlDeviceGetTotalEnergyConsumption");
            if (code != NvmlReturn.NotSupported || _mode == EnergyMode.Counter)
            {
                return SensorValue.Unavailable(NvmlErrors.Describe(code, "nvmlDeviceGetTotalEnergyConsumption"));
            }

            _mode = EnergyMode.PowerIntegrated;
            _modeReason = "the total-energy counter is not supported on this GPU (it needs Volta or newer and is "
                + "missing on many vGPUs), so energy is integrated from power readings";
        }

        return Integrate(at, power);
    }

    private SensorValue FromCounter(ulong millijoules, List<MeasureFinding> findings)
    {
        if (_mode == EnergyMode.Undetermined)
        {
            _mode = EnergyMode.Counter;
            _segmentStartMj = _lastMj = millijoules;
        }
        else if (millijoules < _lastMj)
        {
            // A 64-bit millijoule counter does not wrap in practice: going back means the driver reset it.
            findings.Add(new MeasureFinding(MeasureFindingCodes.CounterReset, string.Create(CultureInfo.InvariantCulture,
                $"the energy counter went back from {_lastMj} to {millijoules} mJ (driver reload?); the energy since ")
                + "the previous reading is not counted"));
            _energyBeforeSegmentJ += (_lastMj - _segmentStartMj) / 1000.0;
            _segmentStartMj = millijoules;
        }

        _lastMj = millijoules;
        return SensorValue.Of(_energyBeforeSegmentJ + ((millijoules - _segmentStartMj) / 1000.0));
    }

    private SensorValue Integrate(TimeSpan at, SensorValue power)
    {
        if (power.Value is not { } watts)
        {
            return SensorValue.Unavailable("no power sample at this reading, so no integrated energy: "
                + power.UnavailableReason);
        }

        if (_lastPowerSample is not { } previous)
        {
            _lastPowerSample = (at, watts);
            return SensorValue.Unavailable("one power sample so far; integration needs two");
        }

        if (at > previous.At)
        {
            _integratedJ += (previous.Watts + watts) / 2 * (at - previous.At).TotalSeconds;
            _lastPowerSample = (at, watts);
        }

        return SensorValue.Of(_integratedJ);
    }

    private SensorValue Call(NvmlReturn code, string function, Func<double> value)
    {
        if (code == NvmlReturn.Success)
        {
            return SensorValue.Of(value());
        }

        NoteLost(code, function);
        return SensorValue.Unavailable(NvmlErrors.Describe(code, function));
    }

    private void NoteLost(NvmlReturn code, string function)
    {
        if (code == NvmlReturn.GpuIsLost && _lostReason is null)
        {
            _lostReason = NvmlErrors.Describe(code, function);
        }
    }

    private SensorReading Lost(TimeSpan at, string reason, List<MeasureFinding> findings)
    {
        var kept = LastGoodEnergyJoules is { } good
            ? string.Create(CultureInfo.InvariantCulture,
                $"; energy up to the last good read ({good.At.TotalSeconds:0.###} s): {good.Joules:0.###} J")
            : _lastGoodAt is null ? "; it was never read successfully" : "";
        var full = $"{DeviceLabel} is unavailable from {at.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}"
            + $" s: {reason}{kept}";
        findings.Add(new MeasureFinding(MeasureFindingCodes.DeviceLost, full));
        Processes = GpuProcessList.Unavailable(full);
        return SensorReading.AllUnavailable(at, full, new SensorProvenance(ProvenanceMethod.Unavailable,
            _mode == EnergyMode.PowerIntegrated ? IntegratedSource : CounterSource, full), findings);
    }

    private SensorProvenance Provenance() => _mode switch
    {
        EnergyMode.PowerIntegrated => new SensorProvenance(ProvenanceMethod.PowerIntegrated, IntegratedSource, _modeReason),
        EnergyMode.Counter => new SensorProvenance(ProvenanceMethod.Counter, CounterSource),
        _ => new SensorProvenance(ProvenanceMethod.Unavailable, CounterSource,
            "the energy counter could not be read yet"),
    };
}
