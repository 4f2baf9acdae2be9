using System.Globalization;
using Cradle.Measure.Procfs;
using Cradle.Measure.Sensors;

namespace Cradle.Measure.Modelled;

/// <summary>
/// The measured process tree's resident memory (VmRSS summed over the tree, bytes), read directly from procfs. Its power
/// is not modelled: that would need a cited per-GB memory power figure, and the reference catalog has none (its memory
/// entries are <c>component</c> entries, which carry embodied impacts only). Energy and power are therefore
/// unavailable with that reason, never a guessed figure.
/// </summary>
public sealed class ProcessTreeMemorySensor : ISensor
{
    /// <summary>Why memory energy and power are unavailable.</summary>
    public const string NotModelledReason = "memory power is not modelled: the reference catalog has no cited per-GB " +
                                            "memory power figure (its memory entries hold embodied impacts only)";

    private readonly int _rootPid;
    private readonly ProcessTree _tree;
    private readonly SensorProvenance _provenance;

    /// <summary>Creates the sensor; nothing is read until the first <see cref="Read"/>.</summary>
    /// <param name="rootPid">The measured process; its descendants are included.</param>
    /// <param name="tree">The procfs reader.</param>
    public ProcessTreeMemorySensor(int rootPid, ProcessTree tree)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rootPid);
        _rootPid = rootPid;
        _tree = tree ?? throw new ArgumentNullException(nameof(tree));
        _provenance = new SensorProvenance(ProvenanceMethod.Instantaneous,
            $"VmRSS of {rootPid.ToString(CultureInfo.InvariantCulture)} and its descendants (procfs status, kB)",
            NotModelledReason);
    }

    /// <inheritdoc/>
    public string Id => "process-memory:" + _rootPid.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public SensorKind Kind => SensorKind.ProcessMemory;

    /// <inheritdoc/>
    public string DeviceLabel => $"memory of process {_rootPid.ToString(CultureInfo.InvariantCulture)} and its descendants";

    /// <inheritdoc/>
    public SensorReading Read(TimeSpan at)
    {
        ProcessTreeUsage? usage;
        try
        {
            usage = _tree.Read(_rootPid);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or FormatException or IOException)
        {
            var reason = $"cannot read the process tree of {_rootPid}: {e.Message}";
            return SensorReading.AllUnavailable(at, reason, _provenance, [new MeasureFinding(
                e is UnauthorizedAccessException ? MeasureFindingCodes.PermissionDenied : MeasureFindingCodes.ReadError, reason)]);
        }

        var resident = usage?.ResidentBytes is { } bytes
            ? SensorValue.Of(bytes)
            : SensorValue.Unavailable(usage is null ? $"process {_rootPid} has exited" : "no process of the tree reports VmRSS");
        var notModelled = SensorValue.Unavailable(NotModelledReason);
        return new SensorReading(at, notModelled, notModelled,
            SensorValue.Unavailable("the process-memory sensor has no temperature"),
            SensorValue.Unavailable("the process-memory sensor has no utilisation"), resident, _provenance, []);
    }
}
