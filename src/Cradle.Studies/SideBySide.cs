using System.Runtime.ExceptionServices;

namespace Cradle.Studies;

/// <summary>
/// Work done once per alternative (compiling, sampling) or per pair of a comparison, on several threads. Each item is
/// independent and written to its own place, so the results are the same, in the same order, whatever the threads.
/// </summary>
internal static class SideBySide
{
    /// <summary>
    /// <paramref name="work"/>(i) for i in [0, <paramref name="count"/>), on up to <paramref name="threads"/> threads,
    /// in index order. A failure is rethrown as it was thrown, the one with the lowest index when several fail, as
    /// doing the items in turn would have.
    /// </summary>
    public static T[] Run<T>(int count, int threads, Func<int, T> work)
    {
        var results = new T[count];
        var failures = new Exception?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            try
            {
                results[i] = work(i);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        if (Array.Find(failures, f => f is not null) is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
        return results;
    }

    /// <summary>
    /// Threads for each of <paramref name="count"/> items run side by side on <paramref name="threads"/>: one each when
    /// there are at least as many items as threads (sharing out whole items wastes nothing), else a share of them.
    /// </summary>
    public static int ThreadsEach(int count, int threads) => Math.Max(1, threads / Math.Max(1, count));
}
