using Cradle.Store.Studies;
using Microsoft.Data.Sqlite;
using static Cradle.Store.Sqlite.SqliteRows;

namespace Cradle.Store.Sqlite;

/// <summary>
/// Studies and assessments (<see cref="IStudyStore"/>) in the SQLite store: the same connection as its runs and the
/// same lock, so a study write and a run write never interleave. <see cref="SqliteRunStore"/> answers for it.
/// </summary>
internal sealed class SqliteStudyStore(SqliteConnection connection, Lock gate, TimeProvider time, Random random) : IStudyStore
{
    private static readonly Func<SqliteDataReader, int, DateTimeOffset> ReadTime = (reader, i) => SqliteText.Time(reader.GetString(i));

    /// <inheritdoc/>
    public (StoredStudy Study, bool Created) AddStudy(NewStudy study)
    {
        var bytes = StudyLimits.Check(study);
        var sha256 = StudyLimits.Sha256(study.Text);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (FindStudyBy("s.sha256", sha256, transaction) is { } existing)
            {
                return (existing, false);
            }

            var uploaded = time.GetUtcNow().ToUniversalTime();
            var id = InsertWithNewId(uploaded, transaction, id => Command(connection, transaction, """
                INSERT INTO studies (id, name, text, sha256, bytes, tool_version, uploaded_utc)
                VALUES ($id, $name, $text, $sha, $bytes, $tool, $at)
                """, ("$id", id), ("$name", study.Name), ("$text", study.Text), ("$sha", sha256), ("$bytes", bytes),
                ("$tool", study.ToolVersion), ("$at", SqliteText.Time(uploaded))));
            transaction.Commit();
            return (FindStudyBy("s.id", id, null)!, true);
        }
    }

    /// <inheritdoc/>
    public StoredStudy? FindStudy(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (gate)
        {
            return FindStudyBy("s.id", id, null);
        }
    }

    /// <inheritdoc/>
    public string? GetStudyText(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (gate)
        {
            using var command = Command(connection, null, "SELECT text FROM studies WHERE id = $id", ("$id", id));
            return command.ExecuteScalar() as string;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredStudy> ListStudies()
    {
        lock (gate)
        {
            return ReadRows(Command(connection, null, $"SELECT {StudyRows.StudyColumns} FROM studies s ORDER BY s.uploaded_utc DESC, s.id DESC"),
                r => StudyRows.ReadStudy(r, ReadTime));
        }
    }

    /// <inheritdoc/>
    public StoredAssessment AddAssessment(NewAssessment assessment)
    {
        var bytes = StudyLimits.Check(assessment);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (FindStudyBy("s.id", assessment.StudyId, transaction) is null)
            {
                throw StudyLimits.StudyNotFound(assessment.StudyId);
            }

            var created = time.GetUtcNow().ToUniversalTime();
            var id = InsertWithNewId(created, transaction, id => Command(connection, transaction, """
                INSERT INTO assessments (id, study_id, results, bytes, iterations, seed, tool_version, created_utc)
                VALUES ($id, $study, $results, $bytes, $n, $seed, $tool, $at)
                """, ("$id", id), ("$study", assessment.StudyId), ("$results", assessment.Results), ("$bytes", bytes),
                ("$n", assessment.Iterations), ("$seed", StudyRows.Seed(assessment.Seed)), ("$tool", assessment.ToolVersion),
                ("$at", SqliteText.Time(created))));
            transaction.Commit();
            return FindAssessmentBy(id)!;
        }
    }

    /// <inheritdoc/>
    public StoredAssessment? FindAssessment(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (gate)
        {
            return FindAssessmentBy(id);
        }
    }

    /// <inheritdoc/>
    public string? GetAssessmentResults(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (gate)
        {
            using var command = Command(connection, null, "SELECT results FROM assessments WHERE id = $id", ("$id", id));
            return command.ExecuteScalar() as string;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredAssessment> ListAssessments(string studyId)
    {
        ArgumentNullException.ThrowIfNull(studyId);
        lock (gate)
        {
            return ReadRows(Command(connection, null,
                $"SELECT {StudyRows.AssessmentColumns} FROM assessments WHERE study_id = $study ORDER BY created_utc DESC, id DESC",
                ("$study", studyId)), r => StudyRows.ReadAssessment(r, ReadTime));
        }
    }

    /// <summary>Runs <paramref name="insert"/> with new ids until one is free (ids clash 1 in 16.7 million within a second).</summary>
    private string InsertWithNewId(DateTimeOffset at, SqliteTransaction transaction, Func<string, SqliteCommand> insert)
    {
        for (var attempt = 0; attempt < SqliteRunStore.IdAttempts; attempt++)
        {
            var id = RunIds.New(at, random);
            using var command = insert(id);
            try
            {
                command.ExecuteNonQuery();
                return id;
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteRunStore.SqliteConstraintPrimaryKey)
            {
                // Taken: draw again.
            }
        }

        throw new StoreException("id-exhausted", $"No free id after {SqliteRunStore.IdAttempts} attempts; retry.");
    }

    private StoredStudy? FindStudyBy(string column, string value, SqliteTransaction? transaction) =>
        // column is one of two constants chosen by this class, never user input.
        ReadRows(Command(connection, transaction, $"SELECT {StudyRows.StudyColumns} FROM studies s WHERE {column} = $v", ("$v", value)),
            r => StudyRows.ReadStudy(r, ReadTime)).SingleOrDefault();

    private StoredAssessment? FindAssessmentBy(string id) =>
        ReadRows(Command(connection, null, $"SELECT {StudyRows.AssessmentColumns} FROM assessments WHERE id = $id", ("$id", id)),
            r => StudyRows.ReadAssessment(r, ReadTime)).SingleOrDefault();

    private static List<T> ReadRows<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
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
}
