using Prometheus;

namespace Cradle.Server.Metrics;

/// <summary>
/// The series of one running <c>cradle measure</c>, in a registry of its own: per sensor its cumulative energy and its
/// latest power, temperature and utilisation (a figure the sensor does not give has no series, never 0), the samples
/// committed to the run store, and which run this is. Safe to feed from the sampler's thread while a scrape reads.
/// </summary>
public sealed class MeasurementMetrics
{
    private static readonly string[] SensorLabels = ["sensor", "kind", "device", "provenance"];

    private readonly Lock _gate = new();
    private readonly Counter _energy;
    private readonly Gauge _power;
    private readonly Gauge _temperature;
    private readonly Gauge _utilisation;
    private readonly Counter _samplesWritten;
    private readonly Gauge _runInfo;
    private readonly Gauge _startTime;

    /// <summary>Empty series in a new registry.</summary>
    public MeasurementMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _energy = factory.CreateCounter("cradle_measure_energy_joules_total",
            "Energy per sensor since the measurement started, joules: the sensor's latest cumulative figure.",
            new CounterConfiguration { LabelNames = SensorLabels });
        _power = factory.CreateGauge("cradle_measure_power_watts", "Power per sensor at its latest sample, watts.",
            new GaugeConfiguration { LabelNames = SensorLabels });
        _temperature = factory.CreateGauge("cradle_measure_temperature_celsius", "Temperature per sensor at its latest sample, degrees Celsius.",
            new GaugeConfiguration { LabelNames = SensorLabels });
        _utilisation = factory.CreateGauge("cradle_measure_utilisation_ratio", "Utilisation per sensor at its latest sample, a fraction from 0 to 1.",
            new GaugeConfiguration { LabelNames = SensorLabels });
        _samplesWritten = factory.CreateCounter("cradle_measure_samples_written_total",
            "Samples committed to the run store (all sensors together).");
        _runInfo = factory.CreateGauge("cradle_measure_run_info", "The run being measured (always 1): its id, host and batch job.",
            new GaugeConfiguration { LabelNames = ["run", "host", "job"] });
        _startTime = factory.CreateGauge("cradle_measure_start_time_seconds", "When the run started, seconds since the Unix epoch.");
    }

    /// <summary>The registry the measurement's /metrics exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Names the run: its id, host, batch job (empty when none) and start time.</summary>
    public void Started(string runId, string host, string? job, DateTimeOffset startedUtc)
    {
        _runInfo.WithLabels(runId, host, job ?? "").Set(1);
        _startTime.Set((startedUtc - DateTimeOffset.UnixEpoch).TotalSeconds);
    }

    /// <summary>Counts samples the run store has committed.</summary>
    public void Written(int samples) => _samplesWritten.Inc(samples);

    /// <summary>Takes a sensor's latest figures; a null figure removes its series (the sensor does not give it now).</summary>
    public void Observe(MeasuredSensor sensor, double? energyJoules, double? powerWatts, double? temperatureCelsius, double? utilisation)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        string[] labels = [sensor.Id, sensor.Kind, sensor.Device, sensor.Provenance];
        lock (_gate)
        {
            if (energyJoules is { } joules)
            {
                // Cumulative since the start, so a counter; IncTo never lowers it.
                _energy.WithLabels(labels).IncTo(joules);
            }
            Set(_power, labels, powerWatts);
            Set(_temperature, labels, temperatureCelsius);
            Set(_utilisation, labels, utilisation);
        }
    }

    private static void Set(Gauge gauge, string[] labels, double? value)
    {
        if (value is { } figure)
        {
            gauge.WithLabels(labels).Set(figure);
        }
        else
        {
            gauge.RemoveLabelled(labels);
        }
    }
}
