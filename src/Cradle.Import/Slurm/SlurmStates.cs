using Cradle.Store;

namespace Cradle.Import.Slurm;

/// <summary>Slurm job states (man sacct, "JOB STATE CODES") and what each means for an imported run.</summary>
internal static class SlurmStates
{
    /// <summary>The command ran to its end (FAILED: with a non-zero exit code, which the run keeps).</summary>
    private static readonly HashSet<string> Ended = ["COMPLETED", "FAILED"];

    /// <summary>Stopped from outside while running; the energy used until then still counts.</summary>
    private static readonly HashSet<string> Stopped = ["CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "DEADLINE", "BOOT_FAIL"];

    /// <summary>Not finished: the record will change, so it is not imported yet.</summary>
    private static readonly HashSet<string> Unfinished =
        ["RUNNING", "PENDING", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "SUSPENDED", "SIGNALING", "STAGE_OUT", "STOPPED", "COMPLETING", "CONFIGURING", "SPECIAL_EXIT", "REVOKED"];

    /// <summary>The run status for <paramref name="state"/> ("CANCELLED by 1300204" reads as CANCELLED); null with the
    /// reason when the job is not finished or the state is unknown.</summary>
    public static RunStatus? Status(string state, out string? why)
    {
        why = null;
        var code = state.Split(' ', ',')[0].ToUpperInvariant();
        if (Ended.Contains(code))
        {
            return RunStatus.Complete;
        }
        if (Stopped.Contains(code))
        {
            return RunStatus.Interrupted;
        }
        why = Unfinished.Contains(code)
            ? $"the job is not finished ({state}); import it once it has ended"
            : $"unknown job state '{state}' (expected COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY, PREEMPTED, … as man sacct lists them)";
        return null;
    }
}
