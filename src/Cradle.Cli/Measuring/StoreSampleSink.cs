using Cradle.Measure.Sampling;
using Cradle.Measure.Sensors;
using Cradle.Store;
using StoreProvenance = Cradle.Store.SensorProvenance;

namespace Cradle.Cli.Measuring;

/// <summary>
/// Appends the sampler's batches to the run store, each batch in one transaction, and keeps what the summary needs (each
/// sensor's first and last reading). A sensor is registered in the store with the first batch it appears in, so its
/// stored description is the provenance of its first reading (method, source and, when not the preferred method, why).
/// </summary>
internal sealed class StoreSampleSink : ISampleSink
{
    private readonly IRunStore _store;
    private readonly string _runId;
    private readonly Dictionary<string, ISensor> _sensors;
    private readonly Dictionary<string, SensorTally> _tallies = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Lock _gate = new();

    private readonly double _thresholdCelsius;

    /// <summary>A sink for <paramref name="runId"/> in <paramref name="store"/>, for these sensors.</summary>
    /// <param name="store">The run store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="sensors">The sensors the sampler reads.</param>
    /// <param name="thermalThresholdCelsius">Temperature in °C above which time is counted (<c>--thermal-threshold</c>).</param>
    public StoreSampleSink(IRunStore store, string runId, IReadOnlyList<ISensor> sensors, double thermalThresholdCelsius = 80)
    {
        _thresholdCelsius = thermalThresholdCelsius;
        _store = store;
        _runId = runId;
        _sensors = sensors.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public void Append(IReadOnlyList<SensorSample> batch)
    {
        lock (_gate)
        {
            var fresh = batch.Select(s => s.SensorId).Distinct(StringComparer.Ordinal).Where(id => !_tallies.ContainsKey(id))
                .Select(id => batch.First(s => s.SensorId == id)).ToList();
            if (fresh.Count > 0)
            {
                _store.AddSensors(_runId, [.. fresh.Select(s => ToStoreSensor(_sensors[s.SensorId], s.Reading.Provenance))]);
                foreach (var sample in fresh)
                {
                    _tallies[sample.SensorId] = new SensorTally(_sensors[sample.SensorId], sample.Reading.Provenance, _thresholdCelsius);
                    _order.Add(sample.SensorId);
                }
            }

            _store.AppendSamples([.. batch.Select(ToStoreSample)]);
            foreach (var sample in batch)
            {
                _tallies[sample.SensorId].Add(sample.Reading);
            }
        }
    }

    /// <summary>Every sensor seen so far, in the order they were first read.</summary>
    public IReadOnlyList<SensorTally> Tallies
    {
        get
        {
            lock (_gate)
            {
                return [.. _order.Select(id => _tallies[id])];
            }
        }
    }

    /// <summary>The store's sensor record: kind, device, measured or modelled, and a description with the reason.</summary>
    internal static Sensor ToStoreSensor(ISensor sensor, Measure.Sensors.SensorProvenance provenance) => new(
        sensor.Id, KindName(sensor.Kind), sensor.DeviceLabel,
        provenance.Method == ProvenanceMethod.Unavailable ? StoreProvenance.Unavailable
            : sensor.Kind is SensorKind.ProcessCpu or SensorKind.ProcessMemory || provenance.Method == ProvenanceMethod.Modelled
                ? StoreProvenance.Modelled
                : StoreProvenance.Measured,
        Describe(provenance));

    /// <summary>One line: the method, the source, and why (when there is a reason).</summary>
    internal static string Describe(Measure.Sensors.SensorProvenance provenance) => provenance.Method switch
    {
        ProvenanceMethod.Unavailable => "unavailable: " + (provenance.Reason ?? provenance.Source),
        _ => MethodName(provenance.Method) + ": " + provenance.Source + (provenance.Reason is { } why ? " (" + why + ")" : ""),
    };

    /// <summary>The stored kind name of a sensor kind.</summary>
    internal static string KindName(SensorKind kind) => kind switch
    {
        SensorKind.Gpu => "nvml-gpu",
        SensorKind.CpuPackage => "rapl-package",
        SensorKind.Dram => "rapl-dram",
        SensorKind.Temperature => "temperature",
        SensorKind.ProcessCpu => "modelled-cpu",
        SensorKind.ProcessMemory => "process-memory",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The method as written in summaries: counter, power-integrated, instantaneous, modelled, unavailable.</summary>
    internal static string MethodName(ProvenanceMethod method) => method switch
    {
        ProvenanceMethod.Counter => "counter",
        ProvenanceMethod.PowerIntegrated => "power-integrated",
        ProvenanceMethod.Instantaneous => "instantaneous",
        ProvenanceMethod.Modelled => "modelled",
        _ => "unavailable",
    };

    private Sample ToStoreSample(SensorSample sample)
    {
        var r = sample.Reading;
        // Memory size has no column in the run store's schema; it stays out of the stored samples.
        return new Sample(_runId, sample.SensorId, r.At.TotalSeconds,
            r.EnergyJoules.Value, r.PowerWatts.Value, r.TemperatureCelsius.Value, r.Utilisation.Value);
    }
}

/// <summary>What one sensor reported over the run: its provenance at the first read, its last reading, how many.</summary>
internal sealed class SensorTally(ISensor sensor, Measure.Sensors.SensorProvenance firstProvenance, double thermalThresholdCelsius = 80)
{
    /// <summary>Its temperatures (a temperature probe's, or a GPU's); <see cref="TemperatureStats.Count"/> 0 when it gave none.</summary>
    public TemperatureStats Temperatures { get; } = new(thermalThresholdCelsius);

    /// <summary>The sensor.</summary>
    public ISensor Sensor { get; } = sensor;

    /// <summary>The provenance of its first reading (the one stored as its description).</summary>
    public Measure.Sensors.SensorProvenance FirstProvenance { get; } = firstProvenance;

    /// <summary>Its latest reading; null before the first.</summary>
    public SensorReading? Last { get; private set; }

    /// <summary>Readings stored.</summary>
    public int Samples { get; private set; }

    /// <summary>Counts <paramref name="reading"/> and keeps it as the latest.</summary>
    public void Add(SensorReading reading)
    {
        Last = reading;
        Samples++;
        if (reading.TemperatureCelsius.Value is { } celsius)
        {
            Temperatures.Add(reading.At, celsius);
        }
    }
}
