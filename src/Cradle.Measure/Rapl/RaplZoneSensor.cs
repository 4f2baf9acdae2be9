using System.Globalization;
using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Rapl;

/// <summary>
/// Energy and power of one RAPL zone from differences of its <c>energy_uj</c> counter (microjoules), with the wrap at
/// <c>max_energy_range_uj</c> corrected. An interval too long to exclude a second wrap, or one implying a power above
/// <see cref="RaplOptions.PowerCeilingWatts"/>, makes the cumulative energy unavailable from then on (its true value
/// is unknown) rather than guessed; a counter that stops moving is reported stale rather than read as 0 W.
/// </summary>
public sealed class RaplZoneSensor : ISensor
{
    private readonly RaplZone _zone;
    private readonly ISysfsReader _reader;
    private readonly string _powercapDirectory;
    private readonly RaplOptions _options;
    private readonly string _energyPath;
    private readonly SensorProvenance _provenance;

    private ulong _maxRangeUj;
    private bool _hasBaseline;
    private ulong _lastUj;
    private TimeSpan _lastAt;
    private TimeSpan _lastChangeAt;
    private ulong _cumulativeUj;
    private string? _gapReason;

    /// <summary>Creates the sensor; nothing is read until the first <see cref="Read"/>.</summary>
    /// <param name="zone">The zone, from <see cref="RaplDiscovery"/>.</param>
    /// <param name="reader">File reader for the zone's files.</param>
    /// <param name="powercapDirectory">The powercap class directory, used in the permission fix command.</param>
    /// <param name="options">Power ceiling and stale limit.</param>
    public RaplZoneSensor(RaplZone zone, ISysfsReader reader, string powercapDirectory, RaplOptions options)
    {
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _powercapDirectory = powercapDirectory ?? throw new ArgumentNullException(nameof(powercapDirectory));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (!(options.PowerCeilingWatts > 0) || options.StaleAfter <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the power ceiling and stale limit must be positive");
        }

        _energyPath = Path.Combine(zone.Directory, "energy_uj");
        _provenance = new SensorProvenance(ProvenanceMethod.Counter,
            $"RAPL powercap counter {_energyPath} (µJ, wraps at max_energy_range_uj)");
    }

    /// <inheritdoc/>
    public string Id => "rapl:" + _zone.ZoneId;

    /// <inheritdoc/>
    public SensorKind Kind => _zone.IsPackage ? SensorKind.CpuPackage : SensorKind.Dram;

    /// <inheritdoc/>
    public string DeviceLabel => _zone.IsPackage
        ? $"{_zone.DomainName} ({_zone.ZoneId})"
        : $"{_zone.DomainName} of {_zone.PackageDomainName} ({_zone.ZoneId})";

    /// <inheritdoc/>
    public SensorReading Read(TimeSpan at)
    {
        ulong nowUj;
        try
        {
            if (_maxRangeUj == 0)
            {
                _maxRangeUj = SysfsText.ReadUInt64(_reader, Path.Combine(_zone.Directory, "max_energy_range_uj"));
            }

            nowUj = SysfsText.ReadUInt64(_reader, _energyPath);
        }
        catch (UnauthorizedAccessException)
        {
            return Unavailable(at, PermissionReason(), MeasureFindingCodes.PermissionDenied);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            // A failed read is a gap, never 0 µJ: the next good read still differences against the last good one.
            return Unavailable(at, $"cannot read {_energyPath}: {e.Message}", MeasureFindingCodes.ReadError);
        }

        if (!_hasBaseline)
        {
            _hasBaseline = true;
            (_lastUj, _lastAt, _lastChangeAt) = (nowUj, at, at);
            return Reading(at, SensorValue.Of(0), SensorValue.Unavailable("power needs two readings of the counter"), []);
        }

        return Advance(at, nowUj);
    }

    private SensorReading Advance(TimeSpan at, ulong nowUj)
    {
        var dt = at - _lastAt;
        if (dt <= TimeSpan.Zero)
        {
            return Reading(at, Cumulative(), SensorValue.Unavailable("no time has passed since the previous reading"), []);
        }

        var findings = new List<MeasureFinding>();
        var previousUj = _lastUj;
        _lastUj = nowUj;
        _lastAt = at;

        var safe = RaplCounter.WrapSafeInterval(_maxRangeUj, _options.PowerCeilingWatts);
        if (dt > safe)
        {
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{dt.TotalSeconds:0.###} s passed between reads, longer than the {safe.TotalSeconds:0.###} s in which ")
                + string.Create(CultureInfo.InvariantCulture,
                $"the counter (range {_maxRangeUj} µJ) cannot wrap twice at {_options.PowerCeilingWatts} W: the ")
                + "energy of that interval is ambiguous";
            return Gap(at, findings, MeasureFindingCodes.PossibleMultipleWraps, message);
        }

        if (RaplCounter.Difference(previousUj, nowUj, _maxRangeUj) is not var (deltaUj, wrapped))
        {
            return Gap(at, findings, MeasureFindingCodes.CounterReset,
                $"the counter went back from {previousUj} to {nowUj} µJ with no known range: the interval is discarded");
        }

        if (wrapped)
        {
            findings.Add(new MeasureFinding(MeasureFindingCodes.CounterWrapped, string.Create(
                CultureInfo.InvariantCulture, $"the counter wrapped at {_maxRangeUj} µJ; difference {deltaUj} µJ")));
        }

        var watts = deltaUj / 1e6 / dt.TotalSeconds;
        if (watts > _options.PowerCeilingWatts)
        {
            return Gap(at, findings, MeasureFindingCodes.ImplausibleDelta, string.Create(CultureInfo.InvariantCulture,
                $"a difference of {deltaUj} µJ in {dt.TotalSeconds:0.###} s means {watts:0.#} W, above the "
                + $"{_options.PowerCeilingWatts} W ceiling: the interval is discarded"));
        }

        _cumulativeUj += deltaUj;
        if (deltaUj > 0)
        {
            _lastChangeAt = at;
            return Reading(at, Cumulative(), SensorValue.Of(watts), findings);
        }

        var still = at - _lastChangeAt;
        if (still < _options.StaleAfter)
        {
            return Reading(at, Cumulative(), SensorValue.Unavailable(string.Create(CultureInfo.InvariantCulture,
                $"the counter did not advance in {dt.TotalMilliseconds:0.#} ms (below its update period)")), findings);
        }

        var stale = string.Create(CultureInfo.InvariantCulture,
            $"the counter has not moved for {still.TotalSeconds:0.###} s (stuck at {nowUj} µJ): the zone may be ")
            + "disabled or its firmware stopped updating it; not read as 0 W";
        findings.Add(new MeasureFinding(MeasureFindingCodes.CounterStale, stale));
        return Reading(at, SensorValue.Unavailable(stale), SensorValue.Unavailable(stale), findings);
    }

    private SensorValue Cumulative() => _gapReason is { } gap
        ? SensorValue.Unavailable(gap)
        : SensorValue.Of(_cumulativeUj / 1e6);

    private SensorReading Gap(TimeSpan at, List<MeasureFinding> findings, string code, string message)
    {
        findings.Add(new MeasureFinding(code, message));
        _gapReason ??= string.Create(CultureInfo.InvariantCulture,
            $"energy since the start is unknown after the reading at {at.TotalSeconds:0.###} s: {message}");
        return Reading(at, Cumulative(), SensorValue.Unavailable(message), findings);
    }

    private SensorReading Reading(TimeSpan at, SensorValue energy, SensorValue power, List<MeasureFinding> findings) =>
        new(at, energy, power,
            SensorValue.Unavailable("RAPL does not measure temperature"),
            SensorValue.Unavailable("RAPL does not measure utilisation"),
            SensorValue.Unavailable("RAPL does not measure memory use"),
            _provenance, findings);

    private SensorReading Unavailable(TimeSpan at, string reason, string code) => SensorReading.AllUnavailable(
        at, reason, _provenance with { Method = ProvenanceMethod.Unavailable, Reason = reason },
        [new MeasureFinding(code, reason)]);

    private string PermissionReason() =>
        $"permission denied reading {_energyPath}: energy_uj is readable by root only since Linux 5.10 "
        + "(CVE-2020-8694, PLATYPUS). Fix: sudo chmod o+r "
        + Path.Combine(_powercapDirectory, "intel-rapl:*", "energy_uj")
        + " (lost at reboot; a sysfsutils or udev rule makes it permanent), or measure as root";
}
