using Cradle.Store;
using Prometheus;

namespace Cradle.Server.Metrics;

/// <summary>
/// One server's Prometheus series, in a registry of its own (tests start many servers in one process, so never the
/// static default registry). The run series are read from the store at every scrape: runs in progress and, per running
/// run and sensor, the latest figures it stored. Series of runs that are no longer running, and figures a sensor does not
/// give, are absent — never 0.
/// </summary>
internal sealed class ServerMetrics
{
    private static readonly string[] SensorLabels = ["run", "sensor", "kind", "device", "provenance"];

    private readonly IRunStore _store;
    private readonly Lock _scrape = new();
    private readonly Gauge _runsInProgress;
    private readonly LiveSeries<Counter.Child> _energy;
    private readonly LiveSeries<Gauge.Child> _power;
    private readonly LiveSeries<Gauge.Child> _temperature;
    private readonly LiveSeries<Gauge.Child> _utilisation;
    private readonly LiveSeries<Counter.Child> _samples;

    public ServerMetrics(IRunStore store)
    {
        _store = store;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _runsInProgress = factory.CreateGauge("cradle_runs_in_progress", "Runs the store holds as running (writer alive or on another host).");
        _energy = new(factory.CreateCounter("cradle_run_energy_joules_total",
            "A running run's cumulative energy per sensor since the run started, joules: the sensor's latest stored figure.",
            new CounterConfiguration { LabelNames = SensorLabels }));
        _power = new(factory.CreateGauge("cradle_run_power_watts",
            "A running run's power per sensor at its latest stored sample, watts.", new GaugeConfiguration { LabelNames = SensorLabels }));
        _temperature = new(factory.CreateGauge("cradle_run_temperature_celsius",
            "A running run's temperature per sensor at its latest stored sample, degrees Celsius.", new GaugeConfiguration { LabelNames = SensorLabels }));
        _utilisation = new(factory.CreateGauge("cradle_run_utilisation_ratio",
            "A running run's utilisation per sensor at its latest stored sample, a fraction from 0 to 1.", new GaugeConfiguration { LabelNames = SensorLabels }));
        _samples = new(factory.CreateCounter("cradle_run_samples_total", "Samples a running run has stored, all sensors together.",
            new CounterConfiguration { LabelNames = ["run"] }));
        RequestDuration = factory.CreateHistogram("cradle_http_request_duration_seconds",
            "Time to answer a request of the server, seconds, by method, route pattern and status code.",
            new HistogramConfiguration
            {
                LabelNames = ["method", "route", "code"],
                // 1 ms to about 33 s, doubling: a page or API answer is milliseconds, a large assessment seconds.
                Buckets = Histogram.ExponentialBuckets(0.001, 2, 16),
            });
        Registry.AddBeforeCollectCallback(Refresh);
    }

    /// <summary>The registry /metrics exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Request latencies, fed by <see cref="RequestDurations"/>.</summary>
    public Histogram RequestDuration { get; }

    /// <summary>Sets the run series from the store as it is now (called before each scrape).</summary>
    private void Refresh()
    {
        lock (_scrape)
        {
            // A run whose writer died is stored as interrupted first, so it is not counted as in progress.
            _store.MarkInterruptedRuns();
            var running = _store.ListRuns(new RunFilter(Status: RunStatus.Running));
            _runsInProgress.Set(running.Count);
            foreach (var run in running)
            {
                try
                {
                    Publish(run.Id);
                }
                catch (RunNotFoundException)
                {
                    // Deleted between the listing and this read: it has no series any more.
                }
            }
            _energy.Sweep();
            _power.Sweep();
            _temperature.Sweep();
            _utilisation.Sweep();
            _samples.Sweep();
        }
    }

    private void Publish(string runId)
    {
        var sensors = _store.GetSensors(runId);
        var (latest, count) = LatestSamples(runId);
        _samples.Touch(runId).IncTo(count);
        foreach (var sensor in sensors)
        {
            if (!latest.TryGetValue(sensor.Id, out var sample))
            {
                continue;
            }
            var labels = MeasuredSensor.Of(sensor);
            string[] values = [runId, labels.Id, labels.Kind, labels.Device, labels.Provenance];
            if (sample.EnergyJoules is { } joules)
            {
                // Cumulative since the run started, so a counter; IncTo never lowers it.
                _energy.Touch(values).IncTo(joules);
            }
            if (sample.PowerWatts is { } watts)
            {
                _power.Touch(values).Set(watts);
            }
            if (sample.TemperatureCelsius is { } celsius)
            {
                _temperature.Touch(values).Set(celsius);
            }
            if (sample.Utilisation is { } ratio)
            {
                _utilisation.Touch(values).Set(ratio);
            }
        }
    }

    /// <summary>Each sensor's latest sample (by offset) and the run's sample count, read without the samples between.</summary>
    private (Dictionary<string, Sample> Latest, long Count) LatestSamples(string runId) =>
        (_store.GetLatestSamples(runId).ToDictionary(s => s.SensorId, StringComparer.Ordinal), _store.CountSamples(runId));
}
