using System.Globalization;
using BenchmarkDotNet.Attributes;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Benchmarks;

/// <summary>
/// The run store's write path as `cradle measure` will use it: one transaction per flush (about once a second), each
/// holding one sample per sensor per sampling tick. A 10 Hz sampler with 4 sensors flushes 40 samples a second; the
/// question is what share of a second that costs on a real SQLite file (WAL, synchronous as configured).
/// </summary>
[MemoryDiagnoser]
public class RunStoreBenchmarks : IDisposable
{
    private string _folder = "";
    private SqliteRunStore _store = null!;
    private string _runId = "";
    private double _offset;

    /// <summary>Samples per flush: 4 sensors at 10 Hz for one second, and a 200-sample backlog.</summary>
    [Params(40, 200)]
    public int SamplesPerFlush { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("cradle-bench-store-").FullName;
        _store = SqliteRunStore.Open(Path.Combine(_folder, "runs.db"));
        var run = _store.CreateRun(new NewRun(null, "bench", "host", _folder, Environment.ProcessId, null, InferenceMetadata.None));
        _runId = run.Id;
        _store.AddSensors(_runId, Enumerable.Range(0, 4)
            .Select(i => new Sensor(string.Create(CultureInfo.InvariantCulture, $"s{i}"), "rapl-package", "package-0", SensorProvenance.Measured, "bench"))
            .ToList());
    }

    [Benchmark(Description = "append one flush of samples (one transaction)")]
    public void Append()
    {
        var perSensor = SamplesPerFlush / 4;
        var samples = new List<Sample>(SamplesPerFlush);
        for (var t = 0; t < perSensor; t++)
        {
            _offset += 0.1;
            for (var s = 0; s < 4; s++)
            {
                samples.Add(new Sample(_runId, string.Create(CultureInfo.InvariantCulture, $"s{s}"), _offset, _offset * 100, 100, 60, 0.5));
            }
        }
        _store.AppendSamples(samples);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _store?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
