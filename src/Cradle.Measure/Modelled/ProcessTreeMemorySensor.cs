using System.Globalization;
using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Core.Units;
using Cradle.Measure.Procfs;
using Cradle.Measure.Sensors;

namespace Cradle.Measure.Modelled;

/// <summary>
/// The measured process tree's resident memory (VmRSS summed over the tree, bytes). Its power is modelled only when the
/// catalog holds a cited per-GB memory power figure (a <c>component</c> entry with <c>type: memory</c>, <c>per: GB</c>
/// and a <c>power</c> figure): energy = resident GB × W/GB, integrated over the reads. Otherwise energy and power are
/// unavailable, saying that memory power is not modelled and why; never a guessed figure.
/// </summary>
public sealed class ProcessTreeMemorySensor : ISensor
{
    private const double BytesPerGigabyte = 1e9;

    private readonly int _rootPid;
    private readonly ProcessTree _tree;
    private readonly double? _wattsPerGigabyte;
    private readonly string? _notModelledReason;
    private readonly SensorProvenance _provenance;

    private bool _hasBaseline;
    private TimeSpan _lastAt;
    private double _lastGigabytes;
    private double _cumulativeJoules;

    /// <summary>Creates the sensor, looking the per-GB memory power figure up in <paramref name="catalog"/>.</summary>
    /// <param name="rootPid">The measured process; its descendants are included.</param>
    /// <param name="tree">The procfs reader.</param>
    /// <param name="catalog">The reference catalog.</param>
    /// <param name="whyModelled">Why no counter is used, e.g. "RAPL unreadable: no powercap tree".</param>
    public ProcessTreeMemorySensor(int rootPid, ProcessTree tree, ReferenceCatalog catalog, string whyModelled)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rootPid);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(whyModelled);
        _rootPid = rootPid;
        _tree = tree ?? throw new ArgumentNullException(nameof(tree));
        var source = $"VmRSS of {rootPid.ToString(CultureInfo.InvariantCulture)} and its descendants (procfs status, kB)";
        var figure = catalog.List(CatalogKinds.Component).FirstOrDefault(IsMemoryPowerPerGigabyte);
        if (figure is null)
        {
            _notModelledReason = "memory power is not modelled: the reference catalog has no cited per-GB memory power " +
                                 "figure (its memory entries hold embodied impacts only)";
            _provenance = new SensorProvenance(ProvenanceMethod.Instantaneous, source, _notModelledReason);
        }
        else
        {
            var estimate = figure.Figure("power")!.Default;
            _wattsPerGigabyte = estimate.Value.BaseValue;
            var citation = catalog.Sources.TryGetValue(estimate.Source, out var s) ? s.Citation() : estimate.Source;
            _provenance = new SensorProvenance(ProvenanceMethod.Modelled,
                $"{source} × {_wattsPerGigabyte.Value.ToString("0.####", CultureInfo.InvariantCulture)} W per GB " +
                $"(catalog '{figure.Id}'; source: {citation})", "modelled, because " + whyModelled);
        }
    }

    /// <inheritdoc/>
    public string Id => "modelled-memory:" + _rootPid.ToString(CultureInfo.InvariantCulture);

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

        var noTemperature = SensorValue.Unavailable("the process-memory sensor has no temperature");
        var noUtilisation = SensorValue.Unavailable("the process-memory sensor has no utilisation");
        var resident = usage?.ResidentBytes is { } bytes
            ? SensorValue.Of(bytes)
            : SensorValue.Unavailable(usage is null ? $"process {_rootPid} has exited" : "no process of the tree reports VmRSS");
        if (_wattsPerGigabyte is not { } wattsPerGigabyte)
        {
            var none = SensorValue.Unavailable(_notModelledReason!);
            return new SensorReading(at, none, none, noTemperature, noUtilisation, resident, _provenance, []);
        }

        // Left-rectangle rule: the size seen at a read holds until the next one (a process exit ends the tree's use).
        var gigabytes = resident.Value is { } b ? b / BytesPerGigabyte : 0;
        if (_hasBaseline)
        {
            _cumulativeJoules += _lastGigabytes * wattsPerGigabyte * (at - _lastAt).TotalSeconds;
        }

        (_hasBaseline, _lastAt, _lastGigabytes) = (true, at, gigabytes);
        var power = resident.IsAvailable ? SensorValue.Of(gigabytes * wattsPerGigabyte) : resident;
        return new SensorReading(at, SensorValue.Of(_cumulativeJoules), power, noTemperature, noUtilisation, resident,
            _provenance, []);
    }

    private static bool IsMemoryPowerPerGigabyte(CatalogEntry entry) =>
        entry.Attributes.GetValueOrDefault("type") == "memory" && entry.Attributes.GetValueOrDefault("per") == "GB"
        && entry.Figure("power") is { } power && power.Default.Value.Dimension == Dimension.Power;
}
