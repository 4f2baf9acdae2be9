using System.ComponentModel;
using System.Diagnostics;

namespace Cradle.Store;

/// <summary>The operating system's view of processes on this machine.</summary>
public sealed class SystemProcessLiveness : IProcessLiveness
{
    // A writer's process starts before it creates its run; allow for the coarse start-time clocks (Linux reports
    // process start times in clock ticks, 10 ms) and for clock adjustments between the two readings.
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    /// <summary>The shared instance.</summary>
    public static SystemProcessLiveness Instance { get; } = new();

    /// <inheritdoc/>
    public string HostName { get; } = Environment.MachineName;

    /// <inheritdoc/>
    public bool IsAlive(int processId, DateTimeOffset runStartedUtc)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited)
            {
                return false;
            }

            var startedUtc = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
            return startedUtc <= runStartedUtc + StartTimeTolerance;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // The process exists but cannot be inspected (another user's, or it exited meanwhile): say alive, so a
            // run is never wrongly declared interrupted; the CLI can still mark it explicitly.
            return true;
        }
    }
}
