namespace Cradle.Server.Studies;

/// <summary>
/// At most <see cref="Concurrent"/> assessments at once, each off the request thread: a Monte Carlo run takes every
/// processor, so more at once would only slow each down and hold more memory. A request over the limit waits its turn;
/// a request whose client goes away while waiting leaves the queue.
/// </summary>
internal sealed class AssessmentGate : IDisposable
{
    /// <summary>Assessments run at once.</summary>
    public const int Concurrent = 2;

    private readonly SemaphoreSlim slots = new(Concurrent, Concurrent);

    /// <summary>Runs <paramref name="work"/> on the thread pool once a slot is free; the slot is kept until the work
    /// ends (it watches <paramref name="cancel"/> itself), so a cancelled run never overlaps two new ones.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, T> work, CancellationToken cancel)
    {
        await slots.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => work(cancel), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Slots free now (for tests).</summary>
    public int Free => slots.CurrentCount;

    public void Dispose() => slots.Dispose();
}
