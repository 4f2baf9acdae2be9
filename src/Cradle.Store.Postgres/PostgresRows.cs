using Npgsql;

namespace Cradle.Store.Postgres;

/// <summary>Reading runs, sensors and samples back from rows, and binding parameters (never concatenating values).</summary>
internal static class PostgresRows
{
    /// <summary>The run columns, in the order <see cref="ReadRun"/> reads them, plus the last sample's offset.</summary>
    public const string RunColumns = """
        id, name, command_line, host, working_directory, started_utc, ended_utc, status, exit_code, writer_pid, site_id,
        requests, model, parameter_count, precision, task, job_id, origin,
        (SELECT MAX(s.offset_s) FROM samples s WHERE s.run_id = runs.id) AS last_offset_s
        """;

    public static (Run Stored, double? LastOffsetSeconds) ReadRun(NpgsqlDataReader r)
    {
        var run = new Run(
            Id: r.GetString(0),
            Name: NullableString(r, 1),
            CommandLine: r.GetString(2),
            Host: r.GetString(3),
            WorkingDirectory: r.GetString(4),
            StartedUtc: Time(r, 5)!.Value,
            EndedUtc: Time(r, 6),
            Status: Sqlite.SqliteText.Status(r.GetString(7)),
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
        };
        return (run, NullableDouble(r, 18));
    }

    public const string SensorColumns = "sensor_id, kind, device, provenance, description, available";

    public static Sensor ReadSensor(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2),
        r.GetInt16(5) == 0 ? SensorProvenance.Unavailable : Sqlite.SqliteText.Provenance(r.GetString(3)), r.GetString(4));

    public const string SampleColumns = "run_id, sensor_id, offset_s, energy_j, power_w, temperature_c, utilisation";

    public static Sample ReadSample(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetDouble(2),
        NullableDouble(r, 3), NullableDouble(r, 4), NullableDouble(r, 5), NullableDouble(r, 6));

    /// <summary>An instant as bound to a timestamptz column: a UTC DateTime (Npgsql refuses other kinds there).
    /// timestamptz keeps microseconds; the 100 ns ticks below them are dropped.</summary>
    public static DateTime Utc(DateTimeOffset instant) => instant.UtcDateTime;

    public static NpgsqlCommand Command(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) =>
        r.IsDBNull(i) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));

    private static string? NullableString(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? NullableDouble(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
