using System.Data.Common;
using System.Globalization;

namespace Cradle.Store.Studies;

/// <summary>Reading studies and assessments back from rows, the same for both adapters (times read by the adapter).</summary>
internal static class StudyRows
{
    /// <summary>The study columns, then the count of its assessments.</summary>
    public const string StudyColumns =
        "s.id, s.name, s.sha256, s.bytes, s.tool_version, s.uploaded_utc, (SELECT COUNT(*) FROM assessments a WHERE a.study_id = s.id)";

    /// <summary>The assessment columns (without the results).</summary>
    public const string AssessmentColumns = "id, study_id, iterations, seed, tool_version, created_utc, bytes";

    public static StoredStudy ReadStudy<TReader>(TReader r, Func<TReader, int, DateTimeOffset> time)
        where TReader : DbDataReader =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), time(r, 5), Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture));

    public static StoredAssessment ReadAssessment<TReader>(TReader r, Func<TReader, int, DateTimeOffset> time)
        where TReader : DbDataReader =>
        new(r.GetString(0), r.GetString(1),
            r.IsDBNull(2) ? null : r.GetInt32(2),
            // A seed is an unsigned 64-bit number, beyond a signed INTEGER column: it is stored as its decimal text.
            r.IsDBNull(3) ? null : ulong.Parse(r.GetString(3), NumberStyles.None, CultureInfo.InvariantCulture),
            r.GetString(4), time(r, 5), r.GetInt64(6));

    /// <summary>The seed as stored.</summary>
    public static string? Seed(ulong? seed) => seed?.ToString(CultureInfo.InvariantCulture);
}
