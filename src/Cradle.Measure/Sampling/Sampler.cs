using Cradle.Measure.Sensors;

namespace Cradle.Measure.Sampling;

/// <summary>
/// Reads every sensor on a background thread at an adaptive interval (<see cref="SamplerOptions"/>) and hands the
/// readings to a sink in batches about once a second. <see cref="Stop"/> takes a last reading, flushes the last partial
/// batch and reports the sampler's own cost. A sensor that throws or is unavailable is recorded as such and does not
/// stop the others. Time comes from the injected <see cref="TimeProvider"/>; reading times are since <see cref="Start"/>.
/// </summary>
public sealed class Sampler : IDisposable
{
    private readonly SamplingLoop _loop;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private long _startTimestamp;
    private Exception? _failure;
    private SamplerOverhead? _result;

    /// <summary>Creates a sampler; nothing is read until <see cref="Start"/>.</summary>
    /// <param name="sensors">The sensors, read in this order; each is read only from the sampler.</param>
    /// <param name="sink">Receives the batches.</param>
    /// <param name="options">Intervals and flush period.</param>
    /// <param name="time">The clock and timers (<see cref="TimeProvider.System"/>, or a fake in tests).</param>
    /// <param name="cpuClock">Measures the reading thread's CPU time; null for <see cref="ThreadCpuClock"/>.</param>
    public Sampler(IReadOnlyList<ISensor> sensors, ISampleSink sink, SamplerOptions options, TimeProvider time,
        ICpuClock? cpuClock = null)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loop = new SamplingLoop([.. sensors], sink, options, cpuClock ?? ThreadCpuClock.Instance, Elapsed);
    }

    /// <summary>Starts the background thread; the first reading is taken at once (time zero).</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("the sampler has already been started");
        }

        _startTimestamp = _time.GetTimestamp();
        _thread = new Thread(Run) { IsBackground = true, Name = "Cradle sampler" };
        _thread.Start();
    }

    /// <summary>
    /// Stops the thread, takes a last reading, hands the last partial batch to the sink and returns what sampling cost.
    /// Calling it again returns the same figures.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    /// <exception cref="SamplerException">The sink failed on the sampler thread; samples after that were not kept.</exception>
    public SamplerOverhead Stop()
    {
        if (_result is not null)
        {
            return _result;
        }

        var thread = _thread ?? throw new InvalidOperationException("the sampler has not been started");
        _stop.Cancel();
        thread.Join();
        if (_failure is not null)
        {
            throw new SamplerException("the sample sink failed; later samples were not stored: " + _failure.Message, _failure);
        }

        var end = Elapsed();
        _loop.Finish(end);
        _result = new SamplerOverhead(_loop.Reads, _loop.Samples, _loop.ReadingTime, end, _loop.ReadingTimeMethod);
        return _result;
    }

    /// <summary>Stops the thread if it runs, without flushing; call <see cref="Stop"/> to keep the last batch.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
    }

    private TimeSpan Elapsed() => _time.GetElapsedTime(_startTimestamp);

    private void Run()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var wake = _loop.Step(Elapsed());
                var delay = wake - Elapsed();
                if (delay > TimeSpan.Zero)
                {
                    try
                    {
                        Task.Delay(delay, _time, _stop.Token).Wait();
                    }
                    catch (AggregateException) when (_stop.IsCancellationRequested)
                    {
                        return;
                    }
                }
            }
        }
#pragma warning disable CA1031 // Kept and rethrown by Stop on the caller's thread, where it can be handled.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failure = e;
        }
    }
}

/// <summary>The sampler could not hand its samples on (the sink failed).</summary>
public sealed class SamplerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SamplerException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SamplerException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SamplerException(string message) : base(message)
    {
    }
}
