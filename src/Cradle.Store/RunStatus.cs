namespace Cradle.Store;

/// <summary>Where a run stands. Stored as lower-case text (running, complete, interrupted, failed).</summary>
public enum RunStatus
{
    /// <summary>The writer is still measuring: its process is alive, or it runs on another host and cannot be checked.</summary>
    Running,

    /// <summary>The measured command ran to its end and the writer finished the run (whatever the child's exit code).</summary>
    Complete,

    /// <summary>
    /// The writer stopped without finishing the run (killed, crashed, power lost): the samples up to its last flush are
    /// kept, nothing after it. Either marked so, or detected on read because the writer's process is gone.
    /// </summary>
    Interrupted,

    /// <summary>The writer finished the run but the measurement failed (the command could not start, a sensor broke).</summary>
    Failed,
}
