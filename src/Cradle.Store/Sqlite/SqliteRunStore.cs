using Cradle.Store.Backgrounds;
using Cradle.Store.Studies;
using Microsoft.Data.Sqlite;
using static Cradle.Store.Sqlite.SqliteRows;

namespace Cradle.Store.Sqlite;

/// <summary>
/// The run store in one SQLite file (WAL mode, foreign keys on), created with its folder on first use and migrated to
/// the newest schema on open. Every write is one immediate transaction, durable when the method returns; readers on
/// other connections see each committed write while the writer keeps its connection open. Thread-safe (one
/// connection, one lock).
/// </summary>
public sealed class SqliteRunStore : IRunStore
{
    internal const int SqliteConstraintPrimaryKey = 1555;
    internal const int IdAttempts = 8;

    private readonly SqliteConnection connection;
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly IProcessLiveness liveness;
    private readonly Random random;
    private readonly SqliteStudyStore studies;
    private readonly SqliteBackgroundStore backgrounds;
    private readonly SqliteSampleReads samples;

    private SqliteRunStore(string path, SqliteConnection connection, int schemaVersion, TimeProvider time, IProcessLiveness liveness, Random random)
    {
        Path = path;
        this.connection = connection;
        SchemaVersion = schemaVersion;
        this.time = time;
        this.liveness = liveness;
        this.random = random;
        studies = new SqliteStudyStore(connection, gate, time, random);
        backgrounds = new SqliteBackgroundStore(connection, gate);
        samples = new SqliteSampleReads(connection, gate, RequireExists);
    }

    /// <summary>The store's file, absolute.</summary>
    public string Path { get; }

    /// <summary>The schema version of the open store (the newest this code knows).</summary>
    public int SchemaVersion { get; }

    /// <summary>The newest schema version this code knows.</summary>
    public static int LatestSchemaVersion => SqliteMigrations.LatestVersion;

    /// <summary>Opens (creating file and folder when missing) and migrates the store at <paramref name="path"/>.</summary>
    /// <param name="path">The database file; see <see cref="RunStorePaths.DefaultDatabasePath()"/> for the default.</param>
    /// <param name="time">Clock for start and end times; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="liveness">Process check for interrupted runs; <see cref="SystemProcessLiveness"/> when null.</param>
    /// <param name="random">Source of run-id suffixes; <see cref="Random.Shared"/> when null.</param>
    /// <exception cref="StoreException">The file cannot be opened, belongs to another application, or has a newer
    /// schema (<see cref="SchemaTooNewException"/>).</exception>
    public static SqliteRunStore Open(string path, TimeProvider? time = null, IProcessLiveness? liveness = null, Random? random = null) =>
        Open(path, SqliteMigrations.All, time, liveness, random);

    internal static SqliteRunStore Open(
        string path, IReadOnlyList<Migration> migrations, TimeProvider? time = null, IProcessLiveness? liveness = null, Random? random = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        time ??= TimeProvider.System;
        var fullPath = System.IO.Path.GetFullPath(path);
        SqliteConnection? connection = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                ForeignKeys = true,
                // One connection per store object: pooling would keep the file open after Dispose.
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString());
            connection.Open();
            // Checks come before the first write: a foreign or newer file is refused unchanged.
            var version = SchemaMigrator.Migrate(connection, fullPath, migrations, time, beforeFirstWrite: () => EnableWal(connection));
            return new SqliteRunStore(fullPath, connection, version, time, liveness ?? SystemProcessLiveness.Instance, random ?? Random.Shared);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw new StoreException(
                "cannot-open-store",
                $"Cannot open the run store {fullPath}: {e.Message}. Check that it is a Cradle run store and that the " +
                "folder is writable, or pass another store path.",
                e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    private static void EnableWal(SqliteConnection connection)
    {
        // WAL lets readers (cradle runs list) read while cradle measure writes; the mode is stored in the file.
        using var command = Command(connection, null, "PRAGMA journal_mode = WAL");
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public Run CreateRun(NewRun run)
    {
        StoreInput.Check(run);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (run.Name is not null && FindBy("name", run.Name, transaction) is { } existing)
            {
                throw new DuplicateRunNameException(run.Name, existing.Id);
            }

            var started = time.GetUtcNow().ToUniversalTime();
            var id = NewId(started, transaction);
            using (var insert = Command(connection, transaction, """
                INSERT INTO runs (id, name, command_line, host, working_directory, started_utc, status, writer_pid,
                                  site_id, requests, model, parameter_count, precision, task, job_id)
                VALUES ($id, $name, $cmd, $host, $wd, $start, 'running', $pid, $site, $req, $model, $params, $prec, $task, $job)
                """,
                ("$id", id), ("$name", run.Name), ("$cmd", run.CommandLine), ("$host", run.Host),
                ("$wd", run.WorkingDirectory), ("$start", SqliteText.Time(started)), ("$pid", run.WriterProcessId),
                ("$site", run.SiteId), ("$req", run.Inference.Requests), ("$model", run.Inference.Model),
                ("$params", run.Inference.ParameterCount), ("$prec", run.Inference.Precision), ("$task", run.Inference.Task),
                ("$job", run.JobId)))
            {
                insert.ExecuteNonQuery();
            }

            InsertTags(id, run.Tags, transaction);
            transaction.Commit();
            return FindBy("id", id, null)!;
        }
    }

    /// <inheritdoc/>
    public void AddSensors(string runId, IReadOnlyList<Sensor> sensors)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        foreach (var sensor in sensors)
        {
            StoreInput.Check(sensor);
        }

        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            RequireWritable(runId, transaction, "add sensors to");
            using var writer = new SqliteSensorWriter(connection, transaction, runId);
            foreach (var sensor in sensors)
            {
                writer.Write(sensor);
            }

            transaction.Commit();
        }
    }

    /// <inheritdoc/>
    public void AppendSamples(IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples)
        {
            StoreInput.Check(sample);
        }

        if (samples.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var runId in samples.Select(s => s.RunId).Distinct(StringComparer.Ordinal))
            {
                RequireWritable(runId, transaction, "append samples to");
            }

            using var writer = new SqliteSampleWriter(connection, transaction);
            foreach (var sample in samples)
            {
                writer.Write(sample);
            }

            transaction.Commit();
        }
    }

    /// <inheritdoc/>
    public Run FinishRun(string runId, RunStatus status, int? exitCode)
    {
        if (status == RunStatus.Running || !Enum.IsDefined(status))
        {
            throw new ArgumentException($"A run is finished as complete, failed or interrupted, not {status}.", nameof(status));
        }

        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            RequireWritable(runId, transaction, "finish");
            using (var update = Command(connection, transaction,
                "UPDATE runs SET status = $status, exit_code = $code, ended_utc = $end WHERE id = $id",
                ("$status", SqliteText.Status(status)), ("$code", exitCode),
                ("$end", SqliteText.Time(time.GetUtcNow())), ("$id", runId)))
            {
                update.ExecuteNonQuery();
            }

            transaction.Commit();
            return FindBy("id", runId, null)!;
        }
    }

    /// <inheritdoc/>
    public Run SetRequestCount(string runId, long requests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            RequireWritable(runId, transaction, "record requests for");
            using (var update = Command(connection, transaction, "UPDATE runs SET requests = $n WHERE id = $id", ("$n", requests), ("$id", runId)))
            {
                update.ExecuteNonQuery();
            }

            transaction.Commit();
            return FindBy("id", runId, null)!;
        }
    }

    /// <inheritdoc/>
    public Run? FindRun(string idOrName)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        lock (gate)
        {
            return FindBy("id", idOrName, null) ?? FindBy("name", idOrName, null);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<Run> ListRuns(RunFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Limit is < 1)
        {
            throw new ArgumentException($"The limit must be ≥ 1 (got {filter.Limit}).", nameof(filter));
        }

        var query = SqliteRunQuery.Build(filter);
        lock (gate)
        {
            using var command = Command(connection, null, query.Sql, query.Parameters);
            var runs = ReadRuns(command);
            // The status as read depends on the writer's liveness, so that filter (and then the limit) applies here.
            return filter.Status is { } status
                ? runs.Where(r => r.Status == status).Take(filter.Limit ?? int.MaxValue).ToList()
                : runs;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<Sensor> GetSensors(string runId)
    {
        lock (gate)
        {
            RequireExists(runId);
            using var command = Command(connection, null,
                $"SELECT {SensorColumns} FROM sensors WHERE run_id = $run ORDER BY sensor_id", ("$run", runId));
            using var reader = command.ExecuteReader();
            var sensors = new List<Sensor>();
            while (reader.Read())
            {
                sensors.Add(ReadSensor(reader));
            }

            return sensors;
        }
    }

    /// <inheritdoc/>
    public void SetIdleBaseline(string runId, IReadOnlyList<IdleReading> readings)
    {
        StoreInput.Check(readings);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            RequireWritable(runId, transaction, "store an idle baseline for");
            using (var existing = Command(connection, transaction, "SELECT COUNT(*) FROM idle_baselines WHERE run_id = $run", ("$run", runId)))
            {
                if (Convert.ToInt64(existing.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    throw new StoreException("duplicate-idle", $"Run {runId} already has an idle baseline; it is measured once, before the command.");
                }
            }

            using var insert = Command(connection, transaction,
                "INSERT INTO idle_baselines (run_id, sensor_id, duration_s, energy_j) VALUES ($run, $id, $s, $j)",
                ("$run", runId), ("$id", ""), ("$s", 0.0), ("$j", 0.0));
            foreach (var reading in readings)
            {
                insert.Parameters["$id"].Value = reading.SensorId;
                insert.Parameters["$s"].Value = reading.Duration.TotalSeconds;
                insert.Parameters["$j"].Value = reading.EnergyJoules;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<IdleReading> GetIdleBaseline(string runId)
    {
        lock (gate)
        {
            RequireExists(runId);
            using var command = Command(connection, null,
                "SELECT sensor_id, duration_s, energy_j FROM idle_baselines WHERE run_id = $run ORDER BY sensor_id", ("$run", runId));
            using var reader = command.ExecuteReader();
            var readings = new List<IdleReading>();
            while (reader.Read())
            {
                readings.Add(new IdleReading(reader.GetString(0), TimeSpan.FromSeconds(reader.GetDouble(1)), reader.GetDouble(2)));
            }

            return readings;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<Sample> GetSamples(string runId) => samples.All(runId);

    /// <inheritdoc/>
    public IReadOnlyList<Sample> GetSamplesAfter(string runId, double afterOffsetSeconds, int limit) => samples.After(runId, afterOffsetSeconds, limit);

    /// <inheritdoc/>
    public IReadOnlyList<Sample> GetLatestSamples(string runId) => samples.Latest(runId);

    /// <inheritdoc/>
    public long CountSamples(string runId) => samples.Count(runId);

    private void InsertTags(string runId, IReadOnlyList<string> tags, SqliteTransaction transaction)
    {
        using var insert = Command(connection, transaction,
            "INSERT INTO run_tags (run_id, tag, ordinal) VALUES ($run, $tag, $ordinal)", ("$run", runId), ("$tag", ""), ("$ordinal", 0));
        for (var i = 0; i < tags.Count; i++)
        {
            insert.Parameters["$tag"].Value = tags[i];
            insert.Parameters["$ordinal"].Value = i;
            insert.ExecuteNonQuery();
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<Run> MarkInterruptedRuns()
    {
        lock (gate)
        {
            // Read first, without a write lock: nearly every call (each page view, each /metrics scrape) finds no writer
            // dead, and must then not take the lock `cradle measure` processes need to store their samples.
            using (var peek = Command(connection, null, $"SELECT {RunColumns} FROM runs WHERE status = 'running'"))
            {
                if (!ReadStoredRuns(peek).Any(r => RunLiveness.IsAbandoned(r.Stored, liveness)))
                {
                    return [];
                }
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            using var select = Command(connection, transaction,
                $"SELECT {RunColumns} FROM runs WHERE status = 'running' ORDER BY started_utc DESC, id DESC");
            var abandoned = ReadStoredRuns(select).Where(r => RunLiveness.IsAbandoned(r.Stored, liveness)).ToList();
            foreach (var (stored, lastOffset) in abandoned)
            {
                var asRead = RunLiveness.AsRead(stored, lastOffset, liveness);
                using var update = Command(connection, transaction,
                    "UPDATE runs SET status = 'interrupted', ended_utc = $end, exit_code = NULL WHERE id = $id",
                    ("$end", asRead.EndedUtc is { } end ? SqliteText.Time(end) : null), ("$id", stored.Id));
                update.ExecuteNonQuery();
            }

            transaction.Commit();
            return abandoned.Select(r => FindBy("id", r.Stored.Id, null)!).ToList();
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<Run> ImportRuns(IReadOnlyList<ImportedRun> runs)
    {
        StoreInput.Check(runs);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var ids = new List<string>();
            foreach (var imported in runs)
            {
                ids.Add(Import(imported, transaction));
            }

            transaction.Commit();
            return ids.Select(id => FindBy("id", id, null)!).ToList();
        }
    }

    private string Import(ImportedRun imported, SqliteTransaction transaction)
    {
        var run = imported.Run;
        // The origin first: a record imported again usually keeps its name too, and "already imported" is the diagnosis.
        if (FindBy("origin", imported.Origin, transaction) is { } earlier)
        {
            throw new StoreException("already-imported",
                $"{imported.Origin} is already in the store as run {earlier.Id}; importing it again would count it twice. " +
                $"Delete that run first ('cradle runs rm {earlier.Id}') to import it again. Nothing of this import was stored.");
        }

        if (run.Name is not null && FindBy("name", run.Name, transaction) is { } named)
        {
            throw new DuplicateRunNameException(run.Name, named.Id);
        }

        var id = NewId(imported.StartedUtc.ToUniversalTime(), transaction);
        SqliteRunImport.Insert(connection, transaction, id, imported);
        return id;
    }

    /// <inheritdoc/>
    public void DeleteRun(string runId)
    {
        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var run = FindBy("id", runId, transaction) ?? throw new RunNotFoundException(runId);
            if (run.Status == RunStatus.Running && string.Equals(run.Host, liveness.HostName, StringComparison.Ordinal))
            {
                throw new RunNotWritableException(runId, run.Status,
                    $"Run {runId} is still being written by process {run.WriterProcessId} on {run.Host}; " +
                    "wait for it to end (or stop it), then delete it.");
            }

            // Sensors and samples go with it (ON DELETE CASCADE).
            using (var delete = Command(connection, transaction, "DELETE FROM runs WHERE id = $id", ("$id", runId)))
            {
                delete.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Closes the connection; the WAL is checkpointed into the file when the last connection closes.</summary>
    public void Dispose() => connection.Dispose();

    private Run? FindBy(string column, string value, SqliteTransaction? transaction)
    {
        // column is one of three constants chosen by this class, never user input.
        using var command = Command(connection, transaction, $"SELECT {RunColumns} FROM runs WHERE {column} = $v", ("$v", value));
        return ReadRuns(command).SingleOrDefault();
    }

    private List<Run> ReadRuns(SqliteCommand command) =>
        ReadStoredRuns(command).Select(r => RunLiveness.AsRead(r.Stored, r.LastOffsetSeconds, liveness)).ToList();

    private static List<(Run Stored, double? LastOffsetSeconds)> ReadStoredRuns(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var runs = new List<(Run, double?)>();
        while (reader.Read())
        {
            runs.Add(ReadRun(reader));
        }

        return runs;
    }

    private void RequireExists(string runId)
    {
        using var command = Command(connection, null, "SELECT 1 FROM runs WHERE id = $id", ("$id", runId));
        if (command.ExecuteScalar() is null)
        {
            throw new RunNotFoundException(runId);
        }
    }

    // The writer itself is alive while it writes, so the stored status (not the status as read) decides.
    private void RequireWritable(string runId, SqliteTransaction transaction, string action)
    {
        using var command = Command(connection, transaction, "SELECT status FROM runs WHERE id = $id", ("$id", runId));
        if (command.ExecuteScalar() is not string text)
        {
            throw new RunNotFoundException(runId);
        }

        var status = SqliteText.Status(text);
        if (status != RunStatus.Running)
        {
            throw new RunNotWritableException(runId, status,
                $"Cannot {action} run {runId}: it is {text}, and a finished run does not change. Start a new run to measure again.");
        }
    }

    private string NewId(DateTimeOffset started, SqliteTransaction transaction)
    {
        for (var attempt = 0; attempt < IdAttempts; attempt++)
        {
            var id = RunIds.New(started, random);
            using var command = Command(connection, transaction, "SELECT 1 FROM runs WHERE id = $id", ("$id", id));
            if (command.ExecuteScalar() is null)
            {
                return id;
            }
        }

        throw new InvalidOperationException($"No free run id after {IdAttempts} draws: is the random source constant?");
    }

    /// <inheritdoc/>
    public (StoredStudy Study, bool Created) AddStudy(NewStudy study) => studies.AddStudy(study);

    /// <inheritdoc/>
    public StoredStudy? FindStudy(string id) => studies.FindStudy(id);

    /// <inheritdoc/>
    public string? GetStudyText(string id) => studies.GetStudyText(id);

    /// <inheritdoc/>
    public IReadOnlyList<StoredStudy> ListStudies() => studies.ListStudies();

    /// <inheritdoc/>
    public StoredAssessment AddAssessment(NewAssessment assessment) => studies.AddAssessment(assessment);

    /// <inheritdoc/>
    public StoredAssessment? FindAssessment(string id) => studies.FindAssessment(id);

    /// <inheritdoc/>
    public string? GetAssessmentResults(string id) => studies.GetAssessmentResults(id);

    /// <inheritdoc/>
    public IReadOnlyList<StoredAssessment> ListAssessments(string studyId) => studies.ListAssessments(studyId);

    /// <inheritdoc/>
    public (StoredBackground Background, bool Created) AddBackground(NewBackground background) => backgrounds.AddBackground(background);

    /// <inheritdoc/>
    public StoredBackground? FindBackground(string name, string? version) => backgrounds.FindBackground(name, version);

    /// <inheritdoc/>
    public byte[]? GetBackgroundContent(string name, string version) => backgrounds.GetBackgroundContent(name, version);

    /// <inheritdoc/>
    public IReadOnlyList<StoredBackground> ListBackgrounds() => backgrounds.ListBackgrounds();

    /// <inheritdoc/>
    public void DeleteBackground(string name, string version) => backgrounds.DeleteBackground(name, version);
}
