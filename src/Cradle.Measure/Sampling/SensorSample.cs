using Cradle.Measure.Sensors;

namespace Cradle.Measure.Sampling;

/// <summary>One reading of one sensor, as the sampler hands it to the sink.</summary>
/// <param name="SensorId">The sensor's <see cref="ISensor.Id"/>.</param>
/// <param name="Reading">What it reported; <see cref="SensorReading.At"/> is the time since the sampler started.</param>
public sealed record SensorSample(string SensorId, SensorReading Reading);
