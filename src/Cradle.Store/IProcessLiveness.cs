namespace Cradle.Store;

/// <summary>Tells whether a writer process on this host is still alive; injected so tests control it.</summary>
public interface IProcessLiveness
{
    /// <summary>The name of this host, compared with <see cref="Run.Host"/>: only local writers can be checked.</summary>
    string HostName { get; }

    /// <summary>
    /// True when process <paramref name="processId"/> exists on this host and is the one that started at or before
    /// <paramref name="runStartedUtc"/> (a process started later reuses the id of a dead writer).
    /// </summary>
    bool IsAlive(int processId, DateTimeOffset runStartedUtc);
}
