using Cradle.Store.Studies;
using Npgsql;
using static Cradle.Store.Postgres.PostgresRows;

namespace Cradle.Store.Postgres;

/// <summary>
/// Studies and assessments (<see cref="IStudyStore"/>) on PostgreSQL, each call one transaction of the run store's
/// (its data source, retries and error mapping). <see cref="PostgresRunStore"/> answers for it.
/// </summary>
internal sealed class PostgresStudyStore(PostgresRunStore store, TimeProvider time, Random random) : IStudyStore
{
    private static readonly Func<NpgsqlDataReader, int, DateTimeOffset> ReadTime =
        (reader, i) => new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc));

    /// <inheritdoc/>
    public (StoredStudy Study, bool Created) AddStudy(NewStudy study)
    {
        var bytes = StudyLimits.Check(study);
        var sha256 = StudyLimits.Sha256(study.Text);
        return store.Transact("store a study", (c, t) =>
        {
            var uploaded = time.GetUtcNow().ToUniversalTime();
            for (var attempt = 0; attempt < PostgresRunStore.IdAttempts; attempt++)
            {
                // A writer elsewhere may store the same text at the same moment: the unique hash decides, and the loser
                // reads the winner's study (ON CONFLICT DO NOTHING keeps the transaction usable).
                if (FindStudyBy(c, t, "s.sha256", sha256) is { } existing)
                {
                    return (existing, false);
                }

                var id = RunIds.New(uploaded, random);
                using var insert = Command(c, t, """
                    INSERT INTO studies (id, name, text, sha256, bytes, tool_version, uploaded_utc)
                    VALUES (@id, @name, @text, @sha, @bytes, @tool, @at)
                    ON CONFLICT DO NOTHING
                    """, ("id", id), ("name", study.Name), ("text", study.Text), ("sha", sha256), ("bytes", bytes),
                    ("tool", study.ToolVersion), ("at", Utc(uploaded)));
                if (insert.ExecuteNonQuery() == 1)
                {
                    return (FindStudyBy(c, t, "s.id", id)!, true);
                }
            }

            throw new InvalidOperationException($"No free study id after {PostgresRunStore.IdAttempts} draws: is the random source constant?");
        });
    }

    /// <inheritdoc/>
    public StoredStudy? FindStudy(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return store.Transact("read a study", (c, t) => FindStudyBy(c, t, "s.id", id));
    }

    /// <inheritdoc/>
    public string? GetStudyText(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return store.Transact("read a study", (c, t) =>
        {
            using var command = Command(c, t, "SELECT text FROM studies WHERE id = @id", ("id", id));
            return command.ExecuteScalar() as string;
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredStudy> ListStudies() =>
        store.Transact("list studies", (c, t) => PostgresRunStore.ReadAll(
            Command(c, t, $"SELECT {StudyRows.StudyColumns} FROM studies s ORDER BY s.uploaded_utc DESC, s.id DESC"),
            r => StudyRows.ReadStudy(r, ReadTime)));

    /// <inheritdoc/>
    public StoredAssessment AddAssessment(NewAssessment assessment)
    {
        var bytes = StudyLimits.Check(assessment);
        return store.Transact("store an assessment", (c, t) =>
        {
            // The study row is locked so that it cannot be deleted between the check and the insert.
            using (var study = Command(c, t, "SELECT id FROM studies WHERE id = @id FOR UPDATE", ("id", assessment.StudyId)))
            {
                if (study.ExecuteScalar() is null)
                {
                    throw StudyLimits.StudyNotFound(assessment.StudyId);
                }
            }

            var created = time.GetUtcNow().ToUniversalTime();
            for (var attempt = 0; attempt < PostgresRunStore.IdAttempts; attempt++)
            {
                var id = RunIds.New(created, random);
                using var insert = Command(c, t, """
                    INSERT INTO assessments (id, study_id, results, bytes, iterations, seed, tool_version, created_utc)
                    VALUES (@id, @study, @results, @bytes, @n, @seed, @tool, @at)
                    ON CONFLICT DO NOTHING
                    """, ("id", id), ("study", assessment.StudyId), ("results", assessment.Results), ("bytes", bytes),
                    ("n", assessment.Iterations), ("seed", StudyRows.Seed(assessment.Seed)), ("tool", assessment.ToolVersion),
                    ("at", Utc(created)));
                if (insert.ExecuteNonQuery() == 1)
                {
                    return FindAssessmentBy(c, t, id)!;
                }
            }

            throw new InvalidOperationException($"No free assessment id after {PostgresRunStore.IdAttempts} draws: is the random source constant?");
        });
    }

    /// <inheritdoc/>
    public StoredAssessment? FindAssessment(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return store.Transact("read an assessment", (c, t) => FindAssessmentBy(c, t, id));
    }

    /// <inheritdoc/>
    public string? GetAssessmentResults(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return store.Transact("read an assessment", (c, t) =>
        {
            using var command = Command(c, t, "SELECT results FROM assessments WHERE id = @id", ("id", id));
            return command.ExecuteScalar() as string;
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredAssessment> ListAssessments(string studyId)
    {
        ArgumentNullException.ThrowIfNull(studyId);
        return store.Transact("list assessments", (c, t) => PostgresRunStore.ReadAll(
            Command(c, t, $"SELECT {StudyRows.AssessmentColumns} FROM assessments WHERE study_id = @study ORDER BY created_utc DESC, id DESC",
                ("study", studyId)),
            r => StudyRows.ReadAssessment(r, ReadTime)));
    }

    private static StoredStudy? FindStudyBy(NpgsqlConnection c, NpgsqlTransaction t, string column, string value) =>
        // column is one of two constants chosen by this class, never user input.
        PostgresRunStore.ReadAll(Command(c, t, $"SELECT {StudyRows.StudyColumns} FROM studies s WHERE {column} = @v", ("v", value)),
            r => StudyRows.ReadStudy(r, ReadTime)).SingleOrDefault();

    private static StoredAssessment? FindAssessmentBy(NpgsqlConnection c, NpgsqlTransaction t, string id) =>
        PostgresRunStore.ReadAll(Command(c, t, $"SELECT {StudyRows.AssessmentColumns} FROM assessments WHERE id = @id", ("id", id)),
            r => StudyRows.ReadAssessment(r, ReadTime)).SingleOrDefault();
}
