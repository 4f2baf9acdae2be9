using Cradle.Store;

namespace Cradle.Import.Slurm;

/// <summary>What one file gave: the runs to store (all in one transaction), their summaries, and the records left out.</summary>
/// <param name="File">The file as named on the command line.</param>
/// <param name="Sha256">The file's SHA-256, lower-case hex.</param>
/// <param name="Format">"sacct parsable text" or "sacct --json".</param>
/// <param name="Runs">One run per finished job, in file order.</param>
/// <param name="Jobs">The summary of each run, in the same order.</param>
/// <param name="Skipped">Records not imported, with line, column and reason.</param>
public sealed record SlurmImportResult(
    string File, string Sha256, string Format, IReadOnlyList<ImportedRun> Runs, IReadOnlyList<SlurmJobSummary> Jobs,
    IReadOnlyList<SkippedRecord> Skipped);
