using System.Data.Common;
using Cradle.Store.Sqlite;

namespace Cradle.Store;

/// <summary>
/// The columns both adapters select and how a row becomes a run, sensor or sample: one mapping, so the SQLite and the
/// PostgreSQL store cannot drift apart. Only times differ (text in SQLite, timestamptz in PostgreSQL), so the adapter
/// says how to read one.
/// </summary>
internal static class StoredRows
{
    /// <summary>The run columns, in the order <see cref="ReadRun"/> reads them, plus the last sample's offset; each adapter
    /// appends its tags column (<see cref="SqliteTagsColumn"/>, <see cref="PostgresTagsColumn"/>).</summary>
    public const string RunColumns = """
        id, name, command_line, host, working_directory, started_utc, ended_utc, status, exit_code, writer_pid, site_id,
        requests, model, parameter_count, precision, task, job_id, origin,
        (SELECT MAX(s.offset_s) FROM samples s WHERE s.run_id = runs.id) AS last_offset_s
        """;

    /// <summary>The run's tags as one comma-joined text in their order (tags hold no commas), in SQLite's dialect.</summary>
    public const string SqliteTagsColumn =
        "(SELECT group_concat(t.tag, ',' ORDER BY t.ordinal) FROM run_tags t WHERE t.run_id = runs.id) AS tags";

    /// <summary>The same in PostgreSQL's dialect.</summary>
    public const string PostgresTagsColumn =
        "(SELECT string_agg(t.tag, ',' ORDER BY t.ordinal) FROM run_tags t WHERE t.run_id = runs.id) AS tags";

    /// <summary>The sensor columns, in the order <see cref="ReadSensor"/> reads them.</summary>
    public const string SensorColumns = "sensor_id, kind, device, provenance, description, available, devices";

    /// <summary>The sample columns, in the order <see cref="ReadSample"/> reads them.</summary>
    public const string SampleColumns = "run_id, sensor_id, offset_s, energy_j, power_w, temperature_c, utilisation";

    /// <summary>The run of the current row as stored, and the offset of its last sample (null when it has none).</summary>
    /// <param name="r">A reader on <see cref="RunColumns"/>.</param>
    /// <param name="time">Reads a non-null time column as a UTC instant.</param>
    public static (Run Stored, double? LastOffsetSeconds) ReadRun(DbDataReader r, Func<DbDataReader, int, DateTimeOffset> time)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(time);
        var run = new Run(
            Id: r.GetString(0),
            Name: NullableString(r, 1),
            CommandLine: r.GetString(2),
            Host: r.GetString(3),
            WorkingDirectory: r.GetString(4),
            StartedUtc: time(r, 5),
            EndedUtc: r.IsDBNull(6) ? null : time(r, 6),
            Status: SqliteText.Status(r.GetString(7)),
            ExitCode: r.IsDBNull(8) ? null : r.GetInt32(8),
            WriterProcessId: r.GetInt32(9),
            SiteId: NullableString(r, 10),
            Inference: new InferenceMetadata(
                Requests: r.IsDBNull(11) ? null : r.GetInt64(11),
                Model: NullableString(r, 12),
                ParameterCount: NullableDouble(r, 13),
                Precision: NullableString(r, 14),
                Task: NullableString(r, 15)))
        {
            JobId = NullableString(r, 16),
            Origin = NullableString(r, 17),
            Tags = RunTags.Split(NullableString(r, 19)),
        };
        return (run, NullableDouble(r, 18));
    }

    /// <summary>The sensor of the current row; <c>available</c> 0 reads as <see cref="SensorProvenance.Unavailable"/>.</summary>
    public static Sensor ReadSensor(DbDataReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        // SQLite gives the flag as a 64-bit integer, PostgreSQL as a smallint: compare whatever integer it is.
        var available = Convert.ToInt64(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) != 0;
        return new Sensor(r.GetString(0), r.GetString(1), r.GetString(2),
            available ? SqliteText.Provenance(r.GetString(3)) : SensorProvenance.Unavailable, r.GetString(4))
        {
            Devices = Convert.ToInt32(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The sample of the current row; each figure null where the column is NULL, never 0.</summary>
    public static Sample ReadSample(DbDataReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new Sample(r.GetString(0), r.GetString(1), r.GetDouble(2),
            NullableDouble(r, 3), NullableDouble(r, 4), NullableDouble(r, 5), NullableDouble(r, 6));
    }

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? NullableDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
