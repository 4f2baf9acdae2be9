using BenchmarkDotNet.Attributes;
using Cradle.Catalog;
using Cradle.Measure.Modelled;
using Cradle.Measure.Sensors;
using Cradle.Measure.Sysfs;

namespace Cradle.Benchmarks;

/// <summary>
/// What one sampling tick costs on a machine without GPU or readable RAPL (this one, and CI): reading the modelled
/// fallback's sensors for a process tree from the real /proc (the CPU sensor, or its "unavailable" reading when the CPU
/// is not in the catalog, and the process-memory sensor). At 10 Hz the sampler does this ten times a second; the
/// issue's goal is under 0.5 % of one core.
/// </summary>
[MemoryDiagnoser]
public class SensorReadBenchmarks
{
    private IReadOnlyList<ISensor> _sensors = [];
    private TimeSpan _at;

    [GlobalSetup]
    public void Setup() =>
        _sensors = ModelledFallback.Create(Environment.ProcessId, "/proc", FileSysfsReader.Instance, CatalogLoader.Shipped, "benchmark");

    [Benchmark(Description = "one tick: read the modelled fallback's sensors from /proc")]
    public int Tick()
    {
        _at += TimeSpan.FromMilliseconds(100);
        var available = 0;
        foreach (var sensor in _sensors)
        {
            available += sensor.Read(_at).EnergyJoules.IsAvailable ? 1 : 0;
        }
        return available;
    }
}
