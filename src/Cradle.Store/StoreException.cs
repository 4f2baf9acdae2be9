namespace Cradle.Store;

/// <summary>
/// The one exception family of Cradle.Store: a store that cannot be opened or a write that would lose or corrupt
/// data. <see cref="Code"/> is stable (for programs and tests); the message says what to do.
/// </summary>
public class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">Stable code: schema-too-new, not-a-run-store, cannot-open-store, run-not-found,
    /// run-not-writable, duplicate-run-name, duplicate-sensor, unknown-sensor, duplicate-sample.</param>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public StoreException(string code, string message, Exception? inner = null) : base(message, inner) => Code = code;

    /// <summary>Stable code naming the problem.</summary>
    public string Code { get; }
}

/// <summary>The database was written by a newer Cradle (its schema version is above the one this code knows).</summary>
public sealed class SchemaTooNewException(string path, int foundVersion, int knownVersion)
    : StoreException(
        "schema-too-new",
        $"The run store {path} has schema version {foundVersion}, but this Cradle knows versions up to {knownVersion}. " +
        "Upgrade Cradle to read it, or pass another store path; the file was not changed.")
{
    /// <summary>The version found in the file.</summary>
    public int FoundVersion { get; } = foundVersion;

    /// <summary>The newest version this code knows.</summary>
    public int KnownVersion { get; } = knownVersion;
}

/// <summary>No run has the given id (or name).</summary>
public sealed class RunNotFoundException(string runId)
    : StoreException("run-not-found", $"No run '{runId}' in the store. List the runs to see their ids.")
{
    /// <summary>The id asked for.</summary>
    public string RunId { get; } = runId;
}

/// <summary>A write to a run that is no longer (or still) being written.</summary>
public sealed class RunNotWritableException(string runId, RunStatus status, string message)
    : StoreException("run-not-writable", message)
{
    /// <summary>The run concerned.</summary>
    public string RunId { get; } = runId;

    /// <summary>The run's status when the write was refused.</summary>
    public RunStatus Status { get; } = status;
}

/// <summary>Another run already has the name asked for.</summary>
public sealed class DuplicateRunNameException(string name, string existingRunId)
    : StoreException(
        "duplicate-run-name",
        $"The run name '{name}' is already used by run {existingRunId}. Choose another name, or delete that run first.")
{
    /// <summary>The name asked for.</summary>
    public string Name { get; } = name;

    /// <summary>The id of the run that has it.</summary>
    public string ExistingRunId { get; } = existingRunId;
}
