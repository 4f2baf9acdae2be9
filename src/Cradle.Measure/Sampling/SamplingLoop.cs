using Cradle.Measure.Sensors;

namespace Cradle.Measure.Sampling;

/// <summary>
/// The sampler's logic without a thread: given the time, reads the sensors when a read is due, hands a batch to the
/// sink when a flush is due, and says when to wake next. Times are since the sampler's start.
/// </summary>
internal sealed class SamplingLoop
{
    private readonly IReadOnlyList<ISensor> _sensors;
    private readonly ISampleSink _sink;
    private readonly SamplerOptions _options;
    private readonly ICpuClock _cpuClock;
    private readonly Func<TimeSpan> _wallNow;
    private List<SensorSample> _batch = [];
    private TimeSpan _nextRead;
    private TimeSpan _interval;
    private TimeSpan _nextFlush;
    private bool _cpuClockWorks = true;

    public SamplingLoop(IReadOnlyList<ISensor> sensors, ISampleSink sink, SamplerOptions options, ICpuClock cpuClock,
        Func<TimeSpan> wallNow)
    {
        (_sensors, _sink, _options, _cpuClock, _wallNow) = (sensors, sink, options, cpuClock, wallNow);
        _interval = options.FastInterval;
        _nextFlush = options.FlushPeriod;
    }

    public int Reads { get; private set; }

    public int Samples { get; private set; }

    public TimeSpan ReadingTime { get; private set; }

    public string ReadingTimeMethod => _cpuClockWorks
        ? _cpuClock.Description
        : "wall time of the reads (the platform gives no thread CPU time; an upper bound)";

    /// <summary>Does what is due at <paramref name="now"/>; returns the time of the next thing due.</summary>
    public TimeSpan Step(TimeSpan now)
    {
        if (now >= _nextRead)
        {
            ReadAll(now);
            _interval = now < _options.FastPhase
                ? _options.FastInterval
                : TimeSpan.FromTicks(Math.Min(_options.SteadyInterval.Ticks, _interval.Ticks * 2));
            // Scheduled from the plan, not from when the thread woke, so late wake-ups do not drift; a thread late by
            // more than an interval starts again from now instead of reading in a burst.
            _nextRead = _nextRead + _interval > now ? _nextRead + _interval : now + _interval;
        }

        if (now >= _nextFlush)
        {
            Flush();
            while (_nextFlush <= now)
            {
                _nextFlush += _options.FlushPeriod;
            }
        }

        return _nextRead < _nextFlush ? _nextRead : _nextFlush;
    }

    /// <summary>A last read at <paramref name="now"/> and the last, partial batch.</summary>
    public void Finish(TimeSpan now)
    {
        ReadAll(now);
        Flush();
    }

    private void ReadAll(TimeSpan now)
    {
        var cpuBefore = _cpuClockWorks ? _cpuClock.ThreadCpuTime() : null;
        var wallBefore = _wallNow();
        foreach (var sensor in _sensors)
        {
            _batch.Add(new SensorSample(sensor.Id, ReadOne(sensor, now)));
        }

        var cpuAfter = cpuBefore is null ? null : _cpuClock.ThreadCpuTime();
        if (cpuBefore is { } before && cpuAfter is { } after)
        {
            ReadingTime += after - before;
        }
        else
        {
            _cpuClockWorks = false;
            ReadingTime += _wallNow() - wallBefore;
        }

        Reads++;
    }

    private static SensorReading ReadOne(ISensor sensor, TimeSpan now)
    {
        try
        {
            return sensor.Read(now);
        }
#pragma warning disable CA1031 // A sensor's failure, of whatever kind, must not stop the other sensors; it is recorded.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var reason = $"the sensor failed: {e.GetType().Name}: {e.Message}";
            return SensorReading.AllUnavailable(now, reason,
                new SensorProvenance(ProvenanceMethod.Unavailable, sensor.DeviceLabel, reason),
                [new MeasureFinding(MeasureFindingCodes.ReadError, reason)]);
        }
    }

    private void Flush()
    {
        if (_batch.Count == 0)
        {
            return;
        }

        var batch = _batch;
        _batch = [];
        Samples += batch.Count;
        _sink.Append(batch);
    }
}
