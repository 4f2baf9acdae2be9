using Cradle.Measure.Sampling;
using Cradle.Measure.Sensors;
using Microsoft.Extensions.Time.Testing;

namespace Cradle.Measure.Tests;

public sealed class SamplerTests
{
    private static readonly int[] SettlingReadsMs = [1100, 1300, 1700, 2500, 3500, 4500];
    private static readonly string[] BothSensors = ["a", "b"];

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    /// <summary>Runs the loop as the sampler thread would, waking exactly when it asks, until <paramref name="until"/>.</summary>
    private static void Drive(SamplingLoop loop, TimeSpan until)
    {
        var now = TimeSpan.Zero;
        while (now <= until)
        {
            now = loop.Step(now);
        }
    }

    [Fact]
    public void Reads_fast_for_the_first_second_then_settle_by_doubling()
    {
        var sensor = new CountingSensor("a");
        var sink = new RecordingSink();
        var loop = new SamplingLoop([sensor], sink, new SamplerOptions(), new FakeCpuClock(), () => TimeSpan.Zero);

        Drive(loop, Ms(5000));

        // 50 ms until 1 s (0, 50, … 1000: 21 reads); from 1 s each interval doubles from 100 ms up to the 1 s period:
        // 1000+100 = 1100, +200 = 1300, +400 = 1700, +800 = 2500, then +1000: 3500, 4500.
        var expected = Enumerable.Range(0, 21).Select(i => Ms(50 * i))
            .Concat(SettlingReadsMs.Select(ms => Ms(ms)));
        Assert.Equal(expected, sensor.ReadTimes);
    }

    [Fact]
    public void Batches_go_to_the_sink_every_second_and_finish_flushes_the_rest()
    {
        var a = new CountingSensor("a");
        var b = new CountingSensor("b");
        var sink = new RecordingSink();
        var loop = new SamplingLoop([a, b], sink, new SamplerOptions(), new FakeCpuClock(), () => TimeSpan.Zero);

        Drive(loop, Ms(4200));
        loop.Finish(Ms(4200));

        // Flushes at 1 s (reads 0 … 1000), 2 s (1100, 1300, 1700), 3 s (2500), 4 s (3500); Finish: 4500 was not yet due
        // at 4200, so the last batch is the final read at 4200 alone. Every read holds both sensors, in order.
        var reads = sink.Batches.Select(batch => batch.Where(s => s.SensorId == "a").Select(s => s.Reading.At.TotalMilliseconds)).ToList();
        Assert.Equal(5, sink.Batches.Count);
        Assert.Equal(Enumerable.Range(0, 21).Select(i => 50.0 * i), reads[0]);
        Assert.Equal([1100.0, 1300, 1700], reads[1]);
        Assert.Equal([2500.0], reads[2]);
        Assert.Equal([3500.0], reads[3]);
        Assert.Equal([4200.0], reads[4]);
        Assert.All(sink.Batches, batch => Assert.Equal(
            Enumerable.Range(0, batch.Count / 2).SelectMany(_ => BothSensors), batch.Select(s => s.SensorId)));
    }

    [Fact]
    public void A_failing_or_unavailable_sensor_does_not_stop_the_others()
    {
        var good = new CountingSensor("good");
        var sink = new RecordingSink();
        ISensor[] sensors = [new ThrowingSensor(), new UnavailableSensor("gpu", SensorKind.Gpu, "NVIDIA GPUs", "no NVML"), good];
        var loop = new SamplingLoop(sensors, sink, new SamplerOptions(), new FakeCpuClock(), () => TimeSpan.Zero);

        Drive(loop, Ms(1000));

        var all = sink.Batches.SelectMany(b => b).ToList();
        Assert.Equal(21, good.ReadTimes.Count);
        var failed = all.Where(s => s.SensorId == "broken").ToList();
        Assert.Equal(21, failed.Count);
        Assert.All(failed, s =>
        {
            Assert.Contains("InvalidOperationException: driver fell over", s.Reading.EnergyJoules.UnavailableReason, StringComparison.Ordinal);
            Assert.Equal(MeasureFindingCodes.ReadError, Assert.Single(s.Reading.Findings).Code);
        });
        Assert.All(all.Where(s => s.SensorId == "gpu"), s => Assert.Equal("no NVML", s.Reading.EnergyJoules.UnavailableReason));
    }

    [Fact]
    public void Without_a_thread_cpu_clock_the_wall_time_of_reads_is_counted_and_said_so()
    {
        var wall = TimeSpan.Zero;
        var sensor = new CountingSensor("a", onRead: () => wall += Ms(2)); // each read takes 2 ms of wall time
        var loop = new SamplingLoop([sensor], new RecordingSink(), new SamplerOptions(), new NoCpuClock(), () => wall);

        Drive(loop, Ms(100)); // reads at 0, 50, 100

        Assert.Equal(3, loop.Reads);
        Assert.Equal(Ms(6), loop.ReadingTime);
        Assert.Contains("wall time", loop.ReadingTimeMethod, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sampler_thread_samples_batches_flushes_on_stop_and_reports_its_overhead()
    {
        var time = new FakeTimeProvider();
        var cpu = new FakeCpuClock();
        // Each read of each sensor costs 1 ms of sampler CPU time on the fake CPU clock.
        var a = new CountingSensor("a", onRead: () => cpu.Now += Ms(1));
        var b = new CountingSensor("b", onRead: () => cpu.Now += Ms(1));
        var sink = new RecordingSink();
        using var sampler = new Sampler([a, b], sink, new SamplerOptions(), time, cpu);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        sampler.Start();
        // Advance the fake clock in read-sized steps until the first batch (due at 1 s) has arrived; how many steps the
        // thread needs depends on scheduling, so only what holds in every interleaving is asserted below.
        while (sink.Count == 0)
        {
            timeout.Token.ThrowIfCancellationRequested();
            time.Advance(Ms(50));
            Thread.Sleep(1);
        }

        time.Advance(Ms(30));
        var overhead = sampler.Stop();
        var stoppedAt = time.GetUtcNow() - time.Start;

        var batches = sink.Snapshot();
        var readTimes = batches.SelectMany(batch => batch).Where(s => s.SensorId == "a").Select(s => s.Reading.At).ToList();
        Assert.True(batches.Count >= 2, "a batch after one second and the final batch on stop");
        Assert.Equal(TimeSpan.Zero, readTimes[0]);
        Assert.Equal(stoppedAt, readTimes[^1]);                  // the final read, flushed by Stop
        Assert.Equal(readTimes.Order(), readTimes);
        Assert.Equal(readTimes.Count, overhead.Reads);
        Assert.Equal(2 * readTimes.Count, overhead.Samples);
        Assert.Equal(Ms(2 * readTimes.Count), overhead.ReadingTime); // 2 sensors × 1 ms per read round
        Assert.Equal(stoppedAt, overhead.Wall);
        Assert.Equal(overhead.ReadingTime / stoppedAt, overhead.ShareOfOneCore!.Value, 12);
        Assert.Same(overhead, sampler.Stop());
    }

    [Fact]
    public void A_failing_sink_is_reported_by_stop()
    {
        var time = new FakeTimeProvider();
        var sink = new FailingSink();
        using var sampler = new Sampler([new CountingSensor("a")], sink, new SamplerOptions(), time, new FakeCpuClock());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        sampler.Start();
        // Keep the fake time moving until the thread has reached its first flush (due at 1 s) and failed.
        while (!sink.Failed)
        {
            timeout.Token.ThrowIfCancellationRequested();
            time.Advance(Ms(50));
            Thread.Sleep(1);
        }

        var failure = Assert.Throws<SamplerException>(() => sampler.Stop());
        Assert.Contains("disk full", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_out_of_range_are_refused_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sampler([], new RecordingSink(),
            new SamplerOptions { SteadyInterval = Ms(10) }, TimeProvider.System));
        Assert.Equal("SteadyInterval", e.ParamName);
    }

    private sealed class CountingSensor(string id, Action? onRead = null) : ISensor
    {
        public List<TimeSpan> ReadTimes { get; } = [];

        public string Id => id;

        public SensorKind Kind => SensorKind.Temperature;

        public string DeviceLabel => id;

        public SensorReading Read(TimeSpan at)
        {
            onRead?.Invoke();
            ReadTimes.Add(at);
            var none = SensorValue.Unavailable("test sensor");
            return new SensorReading(at, none, none, SensorValue.Of(40), none, none,
                new SensorProvenance(ProvenanceMethod.Instantaneous, "test"), []);
        }
    }

    private sealed class ThrowingSensor : ISensor
    {
        public string Id => "broken";

        public SensorKind Kind => SensorKind.Gpu;

        public string DeviceLabel => "broken GPU";

        public SensorReading Read(TimeSpan at) => throw new InvalidOperationException("driver fell over");
    }

    private sealed class RecordingSink : ISampleSink
    {
        private readonly Lock _lock = new();
        private readonly List<IReadOnlyList<SensorSample>> _batches = [];

        public List<IReadOnlyList<SensorSample>> Batches => _batches;

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _batches.Count;
                }
            }
        }

        public List<IReadOnlyList<SensorSample>> Snapshot()
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }

        public void Append(IReadOnlyList<SensorSample> batch)
        {
            lock (_lock)
            {
                _batches.Add(batch);
            }
        }
    }

    private sealed class FailingSink : ISampleSink
    {
        private volatile bool _failed;

        public bool Failed => _failed;

        public void Append(IReadOnlyList<SensorSample> batch)
        {
            _failed = true;
            throw new IOException("disk full");
        }
    }

    private sealed class FakeCpuClock : ICpuClock
    {
        public TimeSpan Now { get; set; }

        public string Description => "fake CPU clock";

        public TimeSpan? ThreadCpuTime() => Now;
    }

    private sealed class NoCpuClock : ICpuClock
    {
        public string Description => "none";

        public TimeSpan? ThreadCpuTime() => null;
    }
}
