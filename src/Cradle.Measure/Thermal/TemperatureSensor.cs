using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Thermal;

/// <summary>
/// One temperature file in millidegrees Celsius (hwmon <c>tempK_input</c> or thermal-zone <c>temp</c>), read as °C.
/// </summary>
public sealed class TemperatureSensor : ISensor
{
    private readonly string _path;
    private readonly ISysfsReader _reader;
    private readonly SensorProvenance _provenance;

    /// <summary>Creates a sensor over one millidegree file.</summary>
    /// <param name="id">Stable identifier, e.g. <c>hwmon:coretemp:temp1</c>.</param>
    /// <param name="deviceLabel">Label, e.g. <c>coretemp Package id 0</c>.</param>
    /// <param name="path">The file holding millidegrees Celsius.</param>
    /// <param name="reader">File reader.</param>
    public TemperatureSensor(string id, string deviceLabel, string path, ISysfsReader reader)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        DeviceLabel = deviceLabel ?? throw new ArgumentNullException(nameof(deviceLabel));
        _path = path ?? throw new ArgumentNullException(nameof(path));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _provenance = new SensorProvenance(ProvenanceMethod.Instantaneous, $"{path} (millidegrees Celsius)");
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public SensorKind Kind => SensorKind.Temperature;

    /// <inheritdoc/>
    public string DeviceLabel { get; }

    /// <inheritdoc/>
    public SensorReading Read(TimeSpan at)
    {
        SensorValue celsius;
        IReadOnlyList<MeasureFinding> findings = [];
        try
        {
            celsius = SensorValue.Of(SysfsText.ReadInt64(_reader, _path) / 1000.0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            var reason = $"cannot read {_path}: {e.Message}";
            celsius = SensorValue.Unavailable(reason);
            findings = [new MeasureFinding(
                e is UnauthorizedAccessException ? MeasureFindingCodes.PermissionDenied : MeasureFindingCodes.ReadError,
                reason)];
        }

        var none = SensorValue.Unavailable("a temperature probe measures temperature only");
        return new SensorReading(at, none, none, celsius, none, none, _provenance, findings);
    }
}
