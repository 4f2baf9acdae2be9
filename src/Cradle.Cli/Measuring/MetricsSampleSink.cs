using Cradle.Measure.Sampling;
using Cradle.Measure.Sensors;
using Cradle.Server.Metrics;

namespace Cradle.Cli.Measuring;

/// <summary>
/// <c>cradle measure --metrics</c>: passes each batch on to the store (through <paramref name="inner"/>) and, once the
/// store has committed it, counts its samples and takes each sensor's latest figures into the exported series. A batch
/// the store refused is not counted as written. The labels are those the store records for the sensor (kind, device,
/// provenance of its first reading), so the scraped series and the stored run name a sensor alike.
/// </summary>
internal sealed class MetricsSampleSink(ISampleSink inner, MeasurementMetrics metrics, IReadOnlyList<ISensor> sensors) : ISampleSink
{
    private readonly Dictionary<string, ISensor> _sensors = sensors.ToDictionary(s => s.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, MeasuredSensor> _labels = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public void Append(IReadOnlyList<SensorSample> batch)
    {
        inner.Append(batch);
        lock (_gate)
        {
            metrics.Written(batch.Count);
            foreach (var sample in batch)
            {
                if (!_labels.TryGetValue(sample.SensorId, out var labels))
                {
                    labels = MeasuredSensor.Of(StoreSampleSink.ToStoreSensor(_sensors[sample.SensorId], sample.Reading.Provenance));
                    _labels[sample.SensorId] = labels;
                }
                var r = sample.Reading;
                metrics.Observe(labels, r.EnergyJoules.Value, r.PowerWatts.Value, r.TemperatureCelsius.Value, r.Utilisation.Value);
            }
        }
    }
}
