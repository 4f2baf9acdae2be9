using BenchmarkDotNet.Attributes;
using Cradle.Catalog;
using Cradle.Measure.Modelled;
using Cradle.Measure.Sampling;
using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;

namespace Cradle.Benchmarks;

/// <summary>
/// How soon a measurement has its first sample (issue 9's goal: under 100 ms): a sampler over the modelled fallback's
/// sensors for this process is started, the benchmark waits until the sampler thread has taken its first reading, then
/// stops it (which takes a last reading and flushes). The figure is therefore an upper bound of start-to-first-sample.
/// </summary>
[MemoryDiagnoser]
public class SamplerStartBenchmarks
{
    private IReadOnlyList<ISensor> _sensors = [];

    [GlobalSetup]
    public void Setup() =>
        _sensors = ModelledFallback.Create(Environment.ProcessId, "/proc", FileSysfsReader.Instance, CatalogLoader.Shipped, "benchmark");

    [Benchmark(Description = "start the sampler, wait for its first reading, stop it")]
    public int StartFirstReadingStop()
    {
        using var first = new ManualResetEventSlim();
        var sensors = _sensors.Select(s => (ISensor)new Signalling(s, first)).ToList();
        var sink = new CountingSink();
        using var sampler = new Sampler(sensors, sink, new SamplerOptions(), TimeProvider.System);
        sampler.Start();
        first.Wait();
        sampler.Stop();
        return sink.Samples;
    }

    /// <summary>A sensor that says when it is first read.</summary>
    private sealed class Signalling(ISensor inner, ManualResetEventSlim first) : ISensor
    {
        public string Id => inner.Id;

        public SensorKind Kind => inner.Kind;

        public string DeviceLabel => inner.DeviceLabel;

        public SensorReading Read(TimeSpan at)
        {
            var reading = inner.Read(at);
            first.Set();
            return reading;
        }
    }

    private sealed class CountingSink : ISampleSink
    {
        public int Samples { get; private set; }

        public void Append(IReadOnlyList<SensorSample> batch) => Samples += batch.Count;
    }
}
