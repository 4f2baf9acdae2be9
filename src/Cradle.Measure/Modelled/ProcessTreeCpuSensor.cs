using System.Globalization;
using Cradle.Measure.Procfs;
using Cradle.Measure.Sensors;

namespace Cradle.Measure.Modelled;

/// <summary>
/// Modelled CPU energy of one process tree, used when no RAPL counter is readable: the tree's CPU time (procfs clock
/// ticks ÷ ticks per second) × <see cref="CpuPowerModel.WattsPerLogicalCpu"/>. Labelled <see cref="ProvenanceMethod.Modelled"/>
/// with the reason RAPL could not be used and the catalog match. The model charges only busy time, at the package's
/// TDP share: it ignores idle power, frequency and the difference between a light and a heavy instruction mix.
/// </summary>
public sealed class ProcessTreeCpuSensor : ISensor
{
    private readonly int _rootPid;
    private readonly ProcessTree _tree;
    private readonly CpuPowerModel _model;
    private readonly double _ticksPerSecond;
    private readonly SensorProvenance _provenance;

    private bool _hasBaseline;
    private ulong _lastTicks;
    private TimeSpan _lastAt;
    private double _cumulativeCpuSeconds;
    private bool _exited;

    /// <summary>Creates the sensor; nothing is read until the first <see cref="Read"/>.</summary>
    /// <param name="rootPid">The measured process (the child Cradle started); its descendants are included.</param>
    /// <param name="tree">The procfs reader.</param>
    /// <param name="model">The CPU's power figure from the catalog.</param>
    /// <param name="whyModelled">Why no counter is used, e.g. "RAPL unreadable: no powercap tree".</param>
    /// <param name="clockTicksPerSecond">The kernel's USER_HZ (<c>getconf CLK_TCK</c>), greater than 0; 100 on every
    /// mainstream Linux architecture.</param>
    public ProcessTreeCpuSensor(
        int rootPid, ProcessTree tree, CpuPowerModel model, string whyModelled, long clockTicksPerSecond = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rootPid);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockTicksPerSecond);
        ArgumentException.ThrowIfNullOrWhiteSpace(whyModelled);
        _rootPid = rootPid;
        _tree = tree ?? throw new ArgumentNullException(nameof(tree));
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _ticksPerSecond = clockTicksPerSecond;
        _provenance = new SensorProvenance(ProvenanceMethod.Modelled, model.Describe(), "modelled, because " + whyModelled);
    }

    /// <inheritdoc/>
    public string Id => "modelled-cpu:" + _rootPid.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public SensorKind Kind => SensorKind.ProcessCpu;

    /// <inheritdoc/>
    public string DeviceLabel => $"{_model.CatalogName}, share of process {_rootPid.ToString(CultureInfo.InvariantCulture)} and its descendants";

    /// <inheritdoc/>
    public SensorReading Read(TimeSpan at)
    {
        ProcessTreeUsage? usage;
        try
        {
            usage = _exited ? null : _tree.Read(_rootPid);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or FormatException or IOException)
        {
            var reason = $"cannot read the process tree of {_rootPid}: {e.Message}";
            return SensorReading.AllUnavailable(at, reason, _provenance, [new MeasureFinding(
                e is UnauthorizedAccessException ? MeasureFindingCodes.PermissionDenied : MeasureFindingCodes.ReadError, reason)]);
        }

        var noTemperature = SensorValue.Unavailable("the modelled CPU sensor has no temperature (see the temperature sensors)");
        var noUtilisation = SensorValue.Unavailable("the modelled CPU sensor reports CPU time, not utilisation");
        var noMemory = SensorValue.Unavailable("memory is reported by the process-memory sensor");
        if (usage is null)
        {
            // The root has exited and been reaped: its CPU time up to the last read stays counted; what it used after
            // that read is lost with its stat file.
            _exited = true;
            var gone = $"process {_rootPid} has exited";
            var energy = _hasBaseline ? SensorValue.Of(Joules()) : SensorValue.Unavailable(gone + " before its first read");
            return new SensorReading(at, energy, SensorValue.Unavailable(gone), noTemperature, noUtilisation, noMemory,
                _provenance, []);
        }

        if (!_hasBaseline)
        {
            // The first read is the origin: CPU time the process used before it is not part of the measurement.
            (_hasBaseline, _lastTicks, _lastAt) = (true, usage.CpuTicks, at);
            return new SensorReading(at, SensorValue.Of(0), SensorValue.Unavailable("power needs two reads"),
                noTemperature, noUtilisation, noMemory, _provenance, []);
        }

        // A descendant that outlives its parent is re-parented out of the tree and takes its ticks with it: the sum can
        // fall. Such an interval counts nothing rather than a negative amount.
        var deltaTicks = usage.CpuTicks >= _lastTicks ? usage.CpuTicks - _lastTicks : 0;
        var deltaCpuSeconds = deltaTicks / _ticksPerSecond;
        _cumulativeCpuSeconds += deltaCpuSeconds;
        var interval = at - _lastAt;
        (_lastTicks, _lastAt) = (usage.CpuTicks, at);
        var power = interval > TimeSpan.Zero
            ? SensorValue.Of(deltaCpuSeconds * _model.WattsPerLogicalCpu / interval.TotalSeconds)
            : SensorValue.Unavailable("two reads at the same time");
        return new SensorReading(at, SensorValue.Of(Joules()), power, noTemperature, noUtilisation, noMemory, _provenance, []);
    }

    private double Joules() => _cumulativeCpuSeconds * _model.WattsPerLogicalCpu;
}
