using Cradle.Server.Studies;

namespace Cradle.Server.Tests.Studies;

/// <summary>At most two assessments at once: a third waits for a slot, and leaves the queue when its client goes.</summary>
public sealed class AssessmentGateTests
{
    [Fact]
    public async Task A_third_assessment_waits_and_is_cancelled_while_waiting()
    {
        using var gate = new AssessmentGate();
        using var release = new ManualResetEventSlim();
        using var bothStarted = new CountdownEvent(2);
        var started = 0;
        int Work(CancellationToken cancel)
        {
            Interlocked.Increment(ref started);
            bothStarted.Signal();
            release.Wait(TimeSpan.FromSeconds(30), cancel);
            return 1;
        }
        var first = gate.RunAsync(Work, CancellationToken.None);
        var second = gate.RunAsync(Work, CancellationToken.None);
        Assert.True(bothStarted.Wait(TimeSpan.FromSeconds(30)));

        using var client = new CancellationTokenSource();
        var third = gate.RunAsync(_ => Interlocked.Increment(ref started), client.Token);
        // Both slots are held: the third cannot have started.
        Assert.Equal(0, gate.Free);
        Assert.False(third.IsCompleted);
        Assert.Equal(2, Volatile.Read(ref started));

        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        release.Set();
        var results = await Task.WhenAll(first, second);
        Assert.Equal([1, 1], results);
        Assert.Equal(2, Volatile.Read(ref started));
        Assert.Equal(AssessmentGate.Concurrent, gate.Free);
    }
}
