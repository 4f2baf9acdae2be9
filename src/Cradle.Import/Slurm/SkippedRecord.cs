namespace Cradle.Import.Slurm;

/// <summary>A record of the file that was not imported, and why (a running job, one cancelled before it started, a
/// missing field, a value in a unit the importer does not know). The rest of the file is imported.</summary>
/// <param name="File">The file as named on the command line.</param>
/// <param name="Line">The 1-based line (1 for a JSON record).</param>
/// <param name="Where">"line 12", or "jobs[3]" in JSON.</param>
/// <param name="Column">The column at fault, e.g. "column 9 (State)"; null when the whole record is meant.</param>
/// <param name="JobId">The JobID as written.</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record SkippedRecord(string File, int Line, string Where, string? Column, string JobId, string Reason)
{
    /// <summary>"file:line: job 123: column 9 (State): not finished (RUNNING)".</summary>
    public override string ToString() =>
        $"{File}:{(Where.StartsWith("line ", StringComparison.Ordinal) ? Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : Where)}: job {JobId}: {(Column is null ? "" : Column + ": ")}{Reason}";
}
