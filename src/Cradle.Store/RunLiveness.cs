namespace Cradle.Store;

/// <summary>
/// The rule every adapter uses to read a stored run: a run stored as running whose writer process on this host is
/// gone reads as interrupted, ending at its last flushed sample. A run written on another host cannot be checked and
/// stays running.
/// </summary>
public static class RunLiveness
{
    /// <summary>The run as it should be reported.</summary>
    /// <param name="stored">The run as stored.</param>
    /// <param name="lastSampleOffsetSeconds">Offset of its last sample in seconds; null when it has none.</param>
    /// <param name="liveness">The process check for this host.</param>
    public static Run AsRead(Run stored, double? lastSampleOffsetSeconds, IProcessLiveness liveness)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(liveness);
        if (!IsAbandoned(stored, liveness))
        {
            return stored;
        }

        return stored with
        {
            Status = RunStatus.Interrupted,
            EndedUtc = lastSampleOffsetSeconds is { } s ? stored.StartedUtc + TimeSpan.FromSeconds(s) : null,
            ExitCode = null,
        };
    }

    /// <summary>True when the run is stored as running but its writer, on this host, is no longer alive.</summary>
    public static bool IsAbandoned(Run stored, IProcessLiveness liveness)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(liveness);
        return stored.Status == RunStatus.Running
            && string.Equals(stored.Host, liveness.HostName, StringComparison.Ordinal)
            && !liveness.IsAlive(stored.WriterProcessId, stored.StartedUtc);
    }
}
