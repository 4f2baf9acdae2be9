using System.Runtime.InteropServices;

namespace Cradle.Measure.Sampling;

/// <summary>CPU time of the calling thread, to measure what reading sensors costs.</summary>
public interface ICpuClock
{
    /// <summary>CPU time the calling thread has used, or null where the platform does not say.</summary>
    TimeSpan? ThreadCpuTime();

    /// <summary>Describes what is measured, for <see cref="SamplerOverhead.Method"/>.</summary>
    string Description { get; }
}

/// <summary>
/// The calling thread's CPU time from <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c> on Linux and macOS; null elsewhere,
/// and the sampler then counts the wall time of its reads (an upper bound of their CPU time).
/// </summary>
public sealed partial class ThreadCpuClock : ICpuClock
{
    /// <summary>The one instance; it has no state.</summary>
    public static ThreadCpuClock Instance { get; } = new();

    /// <inheritdoc/>
    public string Description => "CPU time of the sampler thread (clock_gettime CLOCK_THREAD_CPUTIME_ID)";

    /// <inheritdoc/>
    public TimeSpan? ThreadCpuTime()
    {
        // The clock ids differ: Linux 3, macOS 16 (<time.h>).
        var clock = OperatingSystem.IsLinux() ? 3 : OperatingSystem.IsMacOS() ? 16 : -1;
        if (clock < 0 || ClockGetTime(clock, out var spec) != 0)
        {
            return null;
        }

        return TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clockId, out TimeSpec spec);

    /// <summary>struct timespec on 64-bit Linux and macOS: two 64-bit fields.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
