using Cradle.Store.Backgrounds;
using Cradle.Store.Studies;
using Npgsql;
using static Cradle.Store.Postgres.PostgresRows;
using Text = Cradle.Store.Sqlite.SqliteText;

namespace Cradle.Store.Postgres;

/// <summary>
/// The run store on a PostgreSQL server, for a team or a cluster: the same schema, migrations and semantics as the
/// SQLite store. Every method is one transaction on a pooled connection, committed (durable) when it returns; the run
/// row is locked (SELECT … FOR UPDATE) before it is checked and written, so writers in several processes and hosts
/// never interleave a check and its write. Thread-safe (a pooled data source; no shared connection).
/// </summary>
public sealed class PostgresRunStore : IRunStore
{
    internal const int IdAttempts = 8;

    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider time;
    private readonly IProcessLiveness liveness;
    private readonly Random random;
    private readonly PostgresStudyStore studies;
    private readonly PostgresBackgroundStore backgrounds;

    private PostgresRunStore(string location, NpgsqlDataSource dataSource, int schemaVersion, TimeProvider time,
        IProcessLiveness liveness, Random random)
    {
        Location = location;
        this.dataSource = dataSource;
        SchemaVersion = schemaVersion;
        this.time = time;
        this.liveness = liveness;
        this.random = random;
        studies = new PostgresStudyStore(this, time, random);
        backgrounds = new PostgresBackgroundStore(this);
    }

    /// <summary>The store's URI with its password masked (safe to print).</summary>
    public string Location { get; }

    /// <summary>The schema version of the open store (the newest this code knows).</summary>
    public int SchemaVersion { get; }

    /// <summary>The newest schema version this code knows (the same as the SQLite store's).</summary>
    public static int LatestSchemaVersion => PostgresMigrations.LatestVersion;

    /// <summary>Connects to the database named by <paramref name="uri"/> and migrates it to the newest schema
    /// (creating the tables in a new, empty database).</summary>
    /// <param name="uri">postgres://user:password@host:port/database (see <see cref="PostgresUri"/>).</param>
    /// <param name="time">Clock for start and end times; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="liveness">Process check for interrupted runs; <see cref="SystemProcessLiveness"/> when null.</param>
    /// <param name="random">Source of run-id suffixes; <see cref="Random.Shared"/> when null.</param>
    /// <exception cref="StoreException">The URI is malformed (bad-store-uri), the server cannot be reached or refuses
    /// the login (cannot-open-store), the database holds another application's tables (not-a-run-store), or its
    /// schema is newer (<see cref="SchemaTooNewException"/>). Messages show the URI with its password masked.</exception>
    public static PostgresRunStore Open(string uri, TimeProvider? time = null, IProcessLiveness? liveness = null, Random? random = null) =>
        Open(uri, PostgresMigrations.All, time, liveness, random);

    internal static PostgresRunStore Open(
        string uri, IReadOnlyList<PostgresMigration> migrations, TimeProvider? time = null, IProcessLiveness? liveness = null,
        Random? random = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        time ??= TimeProvider.System;
        var display = PostgresUri.Masked(uri);
        var connectionString = PostgresUri.ToConnectionString(uri);
        NpgsqlDataSource? dataSource = null;
        try
        {
            dataSource = NpgsqlDataSource.Create(connectionString);
            int version;
            using (var connection = dataSource.OpenConnection())
            {
                version = PostgresSchemaMigrator.Migrate(connection, display, migrations, time);
            }

            return new PostgresRunStore(display, dataSource, version, time, liveness ?? SystemProcessLiveness.Instance, random ?? Random.Shared);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            dataSource?.Dispose();
            throw new StoreException(
                "cannot-open-store",
                $"Cannot open the run store {display}: {e.Message}. Check that the server is running and reachable, that " +
                "the user may log in and create tables in that database, or pass another store.",
                e);
        }
        catch
        {
            dataSource?.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public Run CreateRun(NewRun run)
    {
        StoreInput.Check(run);
        return Transact("start a run", (c, t) =>
        {
            if (run.Name is not null && FindBy(c, t, "name", run.Name) is { } existing)
            {
                throw new DuplicateRunNameException(run.Name, existing.Id);
            }

            var started = time.GetUtcNow().ToUniversalTime();
            var id = InsertRun(c, t, started, run.Name, id => Command(c, t, """
                INSERT INTO runs (id, name, command_line, host, working_directory, started_utc, status, writer_pid,
                                  site_id, requests, model, parameter_count, precision, task, job_id)
                VALUES (@id, @name, @cmd, @host, @wd, @start, 'running', @pid, @site, @req, @model, @params, @prec, @task, @job)
                ON CONFLICT DO NOTHING
                """,
                ("id", id), ("name", run.Name), ("cmd", run.CommandLine), ("host", run.Host),
                ("wd", run.WorkingDirectory), ("start", Utc(started)), ("pid", run.WriterProcessId),
                ("site", run.SiteId), ("req", run.Inference.Requests), ("model", run.Inference.Model),
                ("params", run.Inference.ParameterCount), ("prec", run.Inference.Precision), ("task", run.Inference.Task),
                ("job", run.JobId)), origin: null);
            for (var i = 0; i < run.Tags.Count; i++)
            {
                using var tag = Command(c, t, "INSERT INTO run_tags (run_id, tag, ordinal) VALUES (@run, @tag, @ordinal)",
                    ("run", id), ("tag", run.Tags[i]), ("ordinal", i));
                tag.ExecuteNonQuery();
            }

            return FindBy(c, t, "id", id)!;
        });
    }

    /// <inheritdoc/>
    public void AddSensors(string runId, IReadOnlyList<Sensor> sensors)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        foreach (var sensor in sensors)
        {
            StoreInput.Check(sensor);
        }

        Transact("add sensors", (c, t) =>
        {
            RequireWritable(c, t, runId, "add sensors to");
            PostgresRowWriters.InsertSensors(c, t, runId, sensors);
            return 0;
        });
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

        Transact("append samples", (c, t) =>
        {
            // Locked in id order, so two batches naming the same runs cannot deadlock.
            foreach (var runId in samples.Select(s => s.RunId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                RequireWritable(c, t, runId, "append samples to");
            }

            PostgresRowWriters.InsertSamples(c, t, samples);
            return 0;
        });
    }

    /// <inheritdoc/>
    public Run FinishRun(string runId, RunStatus status, int? exitCode)
    {
        if (status == RunStatus.Running || !Enum.IsDefined(status))
        {
            throw new ArgumentException($"A run is finished as complete, failed or interrupted, not {status}.", nameof(status));
        }

        return Transact("finish a run", (c, t) =>
        {
            RequireWritable(c, t, runId, "finish");
            Execute(Command(c, t, "UPDATE runs SET status = @status, exit_code = @code, ended_utc = @end WHERE id = @id",
                ("status", Text.Status(status)), ("code", exitCode), ("end", Utc(time.GetUtcNow())), ("id", runId)));
            return FindBy(c, t, "id", runId)!;
        });
    }

    /// <inheritdoc/>
    public Run SetRequestCount(string runId, long requests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        return Transact("record a request count", (c, t) =>
        {
            RequireWritable(c, t, runId, "record requests for");
            Execute(Command(c, t, "UPDATE runs SET requests = @n WHERE id = @id", ("n", requests), ("id", runId)));
            return FindBy(c, t, "id", runId)!;
        });
    }

    /// <inheritdoc/>
    public Run? FindRun(string idOrName)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        return Transact("find a run", (c, t) => FindBy(c, t, "id", idOrName) ?? FindBy(c, t, "name", idOrName));
    }

    /// <inheritdoc/>
    public IReadOnlyList<Run> ListRuns(RunFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Limit is < 1)
        {
            throw new ArgumentException($"The limit must be ≥ 1 (got {filter.Limit}).", nameof(filter));
        }

        var query = PostgresRunQuery.Build(filter);
        var runs = Transact("list runs", (c, t) => ReadRuns(Command(c, t, query.Sql, query.Parameters)));
        // The status as read depends on the writer's liveness, so that filter (and then the limit) applies here.
        return filter.Status is { } status
            ? runs.Where(r => r.Status == status).Take(filter.Limit ?? int.MaxValue).ToList()
            : runs;
    }

    /// <inheritdoc/>
    public IReadOnlyList<Sensor> GetSensors(string runId) => Transact("read sensors", (c, t) =>
    {
        RequireExists(c, t, runId);
        return ReadAll(Command(c, t, $"SELECT {SensorColumns} FROM sensors WHERE run_id = @run ORDER BY sensor_id COLLATE \"C\"",
            ("run", runId)), ReadSensor);
    });

    /// <inheritdoc/>
    public IReadOnlyList<Sample> GetSamples(string runId) => Transact("read samples", (c, t) =>
    {
        RequireExists(c, t, runId);
        return ReadAll(Command(c, t,
            $"SELECT {SampleColumns} FROM samples WHERE run_id = @run ORDER BY offset_s, sensor_id COLLATE \"C\"", ("run", runId)),
            ReadSample);
    });

    /// <inheritdoc/>
    public IReadOnlyList<Sample> GetSamplesAfter(string runId, double afterOffsetSeconds, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Transact("read samples", (c, t) =>
        {
            RequireExists(c, t, runId);
            return ReadAll(Command(c, t, $"""
                SELECT {SampleColumns} FROM samples WHERE run_id = @run AND offset_s > @after
                ORDER BY offset_s, sensor_id COLLATE "C" LIMIT @limit
                """, ("run", runId), ("after", afterOffsetSeconds), ("limit", limit)), ReadSample);
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<Sample> GetLatestSamples(string runId) => Transact("read samples", (c, t) =>
    {
        RequireExists(c, t, runId);
        return ReadAll(Command(c, t, $"""
            SELECT DISTINCT ON (sensor_id COLLATE "C") {SampleColumns} FROM samples WHERE run_id = @run
            ORDER BY sensor_id COLLATE "C", offset_s DESC
            """, ("run", runId)), ReadSample);
    });

    /// <inheritdoc/>
    public long CountSamples(string runId) => Transact("count samples", (c, t) =>
    {
        RequireExists(c, t, runId);
        using var command = Command(c, t, "SELECT COUNT(*) FROM samples WHERE run_id = @run", ("run", runId));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    /// <inheritdoc/>
    public void SetIdleBaseline(string runId, IReadOnlyList<IdleReading> readings)
    {
        StoreInput.Check(readings);
        Transact("store an idle baseline", (c, t) =>
        {
            RequireWritable(c, t, runId, "store an idle baseline for");
            using (var existing = Command(c, t, "SELECT COUNT(*) FROM idle_baselines WHERE run_id = @run", ("run", runId)))
            {
                if (Convert.ToInt64(existing.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    throw new StoreException("duplicate-idle", $"Run {runId} already has an idle baseline; it is measured once, before the command.");
                }
            }

            using var insert = Command(c, t, "INSERT INTO idle_baselines (run_id, sensor_id, duration_s, energy_j) VALUES (@run, @id, @s, @j)",
                ("run", runId), ("id", ""), ("s", 0.0), ("j", 0.0));
            foreach (var reading in readings)
            {
                insert.Parameters["id"].Value = reading.SensorId;
                insert.Parameters["s"].Value = reading.Duration.TotalSeconds;
                insert.Parameters["j"].Value = reading.EnergyJoules;
                insert.ExecuteNonQuery();
            }

            return 0;
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<IdleReading> GetIdleBaseline(string runId) => Transact("read an idle baseline", (c, t) =>
    {
        RequireExists(c, t, runId);
        return ReadAll(Command(c, t,
            "SELECT sensor_id, duration_s, energy_j FROM idle_baselines WHERE run_id = @run ORDER BY sensor_id COLLATE \"C\"",
            ("run", runId)), r => new IdleReading(r.GetString(0), TimeSpan.FromSeconds(r.GetDouble(1)), r.GetDouble(2)));
    });

    /// <inheritdoc/>
    public IReadOnlyList<Run> MarkInterruptedRuns()
    {
        // Read first, without row locks: nearly every call (each page view, each /metrics scrape) finds no writer dead,
        // and must then not lock the rows of runs whose writers are about to update them.
        var anyAbandoned = Transact("look for interrupted runs", (c, t) =>
            ReadStoredRuns(Command(c, t, $"SELECT {RunColumns} FROM runs WHERE status = 'running'")).Any(r => RunLiveness.IsAbandoned(r.Stored, liveness)));
        return anyAbandoned ? MarkAbandoned() : [];
    }

    private IReadOnlyList<Run> MarkAbandoned() => Transact("mark interrupted runs", (c, t) =>
    {
        var abandoned = ReadStoredRuns(Command(c, t,
                $"SELECT {RunColumns} FROM runs WHERE status = 'running' ORDER BY started_utc DESC, id COLLATE \"C\" DESC FOR UPDATE"))
            .Where(r => RunLiveness.IsAbandoned(r.Stored, liveness)).ToList();
        foreach (var (stored, lastOffset) in abandoned)
        {
            var asRead = RunLiveness.AsRead(stored, lastOffset, liveness);
            Execute(Command(c, t, "UPDATE runs SET status = 'interrupted', ended_utc = @end, exit_code = NULL WHERE id = @id",
                ("end", asRead.EndedUtc is { } end ? Utc(end) : null), ("id", stored.Id)));
        }

        return (IReadOnlyList<Run>)abandoned.Select(r => FindBy(c, t, "id", r.Stored.Id)!).ToList();
    });

    /// <inheritdoc/>
    public IReadOnlyList<Run> ImportRuns(IReadOnlyList<ImportedRun> runs)
    {
        StoreInput.Check(runs);
        return Transact("import runs", (c, t) =>
        {
            var ids = runs.Select(imported => Import(c, t, imported)).ToList();
            return (IReadOnlyList<Run>)ids.Select(id => FindBy(c, t, "id", id)!).ToList();
        });
    }

    /// <inheritdoc/>
    public void DeleteRun(string runId) => Transact("delete a run", (c, t) =>
    {
        using (var lockRow = Command(c, t, "SELECT 1 FROM runs WHERE id = @id FOR UPDATE", ("id", runId)))
        {
            if (lockRow.ExecuteScalar() is null)
            {
                throw new RunNotFoundException(runId);
            }
        }

        var run = FindBy(c, t, "id", runId)!;
        if (run.Status == RunStatus.Running && string.Equals(run.Host, liveness.HostName, StringComparison.Ordinal))
        {
            throw new RunNotWritableException(runId, run.Status,
                $"Run {runId} is still being written by process {run.WriterProcessId} on {run.Host}; " +
                "wait for it to end (or stop it), then delete it.");
        }

        // Sensors, samples and the idle baseline go with it (ON DELETE CASCADE).
        Execute(Command(c, t, "DELETE FROM runs WHERE id = @id", ("id", runId)));
        return 0;
    });

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => dataSource.Dispose();

    private string Import(NpgsqlConnection c, NpgsqlTransaction t, ImportedRun imported)
    {
        var run = imported.Run;
        // The origin first, as in SQLite: a record imported again usually keeps its name too.
        if (FindBy(c, t, "origin", imported.Origin) is { } earlier)
        {
            throw AlreadyImported(imported.Origin, earlier.Id);
        }

        if (run.Name is not null && FindBy(c, t, "name", run.Name) is { } named)
        {
            throw new DuplicateRunNameException(run.Name, named.Id);
        }

        var id = InsertRun(c, t, imported.StartedUtc.ToUniversalTime(), run.Name, id => Command(c, t, """
            INSERT INTO runs (id, name, command_line, host, working_directory, started_utc, ended_utc, status, exit_code,
                              writer_pid, site_id, requests, model, parameter_count, precision, task, job_id, origin)
            VALUES (@id, @name, @cmd, @host, @wd, @start, @end, @status, @code, 0, @site, @req, @model, @params, @prec, @task, @job, @origin)
            ON CONFLICT DO NOTHING
            """,
            ("id", id), ("name", run.Name), ("cmd", run.CommandLine), ("host", run.Host), ("wd", run.WorkingDirectory),
            ("start", Utc(imported.StartedUtc)), ("end", imported.EndedUtc is { } end ? Utc(end) : null),
            ("status", Text.Status(imported.Status)), ("code", imported.ExitCode),
            ("site", run.SiteId), ("req", run.Inference.Requests), ("model", run.Inference.Model),
            ("params", run.Inference.ParameterCount), ("prec", run.Inference.Precision), ("task", run.Inference.Task),
            ("job", run.JobId), ("origin", imported.Origin)), imported.Origin);
        PostgresRowWriters.InsertSensors(c, t, id, imported.Sensors);
        PostgresRowWriters.InsertSamples(c, t, imported.Samples.Select(s => s.In(id)).ToList());
        return id;
    }

    // Inserts with ON CONFLICT DO NOTHING (which waits for a concurrent insert of the same key to commit): no row means
    // the name or origin was taken meanwhile by another process, or the drawn id was, and then another id is drawn.
    private string InsertRun(NpgsqlConnection c, NpgsqlTransaction t, DateTimeOffset started, string? name, Func<string, NpgsqlCommand> insert,
        string? origin)
    {
        for (var attempt = 0; attempt < IdAttempts; attempt++)
        {
            var id = RunIds.New(started, random);
            using var command = insert(id);
            if (command.ExecuteNonQuery() == 1)
            {
                return id;
            }

            if (origin is not null && FindBy(c, t, "origin", origin) is { } earlier)
            {
                throw AlreadyImported(origin, earlier.Id);
            }

            if (name is not null && FindBy(c, t, "name", name) is { } named)
            {
                throw new DuplicateRunNameException(name, named.Id);
            }
        }

        throw new InvalidOperationException($"No free run id after {IdAttempts} draws: is the random source constant?");
    }

    private static StoreException AlreadyImported(string origin, string earlierId) => new("already-imported",
        $"{origin} is already in the store as run {earlierId}; importing it again would count it twice. " +
        $"Delete that run first ('cradle runs rm {earlierId}') to import it again. Nothing of this import was stored.");

    // One transaction on a pooled connection; a failure of the server or the network (not a refusal this class
    // turned into a StoreException already) is reported as a StoreException naming the store, with nothing written.
    internal T Transact<T>(string action, Func<NpgsqlConnection, NpgsqlTransaction, T> body)
    {
        try
        {
            using var connection = dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var result = body(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (NpgsqlException e)
        {
            throw new StoreException(
                "store-failed",
                $"The run store {Location} failed to {action}: {e.Message}. Nothing of this call was stored; check that the " +
                "server is reachable and retry.",
                e);
        }
    }

    private Run? FindBy(NpgsqlConnection c, NpgsqlTransaction t, string column, string value) =>
        // column is one of three constants chosen by this class, never user input.
        ReadRuns(Command(c, t, $"SELECT {RunColumns} FROM runs WHERE {column} = @v", ("v", value))).SingleOrDefault();

    private List<Run> ReadRuns(NpgsqlCommand command) =>
        ReadStoredRuns(command).Select(r => RunLiveness.AsRead(r.Stored, r.LastOffsetSeconds, liveness)).ToList();

    private static List<(Run Stored, double? LastOffsetSeconds)> ReadStoredRuns(NpgsqlCommand command) => ReadAll(command, ReadRun);

    internal static List<T> ReadAll<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read)
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }

    private static void Execute(NpgsqlCommand command)
    {
        using (command)
        {
            command.ExecuteNonQuery();
        }
    }

    private static void RequireExists(NpgsqlConnection c, NpgsqlTransaction t, string runId)
    {
        using var command = Command(c, t, "SELECT 1 FROM runs WHERE id = @id", ("id", runId));
        if (command.ExecuteScalar() is null)
        {
            throw new RunNotFoundException(runId);
        }
    }

    // Locks the run's row until the transaction ends, so FinishRun in another process cannot slip between this check
    // and the write. The writer itself is alive while it writes, so the stored status (not the status as read) decides.
    private static void RequireWritable(NpgsqlConnection c, NpgsqlTransaction t, string runId, string action)
    {
        using var command = Command(c, t, "SELECT status FROM runs WHERE id = @id FOR UPDATE", ("id", runId));
        if (command.ExecuteScalar() is not string text)
        {
            throw new RunNotFoundException(runId);
        }

        var status = Text.Status(text);
        if (status != RunStatus.Running)
        {
            throw new RunNotWritableException(runId, status,
                $"Cannot {action} run {runId}: it is {text}, and a finished run does not change. Start a new run to measure again.");
        }
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
