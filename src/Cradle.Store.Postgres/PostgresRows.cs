using Npgsql;

namespace Cradle.Store.Postgres;

/// <summary>Reading runs, sensors and samples back from rows, and binding parameters (never concatenating values).</summary>
internal static class PostgresRows
{
    /// <summary>The run columns (<see cref="StoredRows.RunColumns"/>).</summary>
    public const string RunColumns = StoredRows.RunColumns + ", " + StoredRows.PostgresTagsColumn;

    public const string SensorColumns = StoredRows.SensorColumns;

    public const string SampleColumns = StoredRows.SampleColumns;

    // timestamptz comes back as a UTC DateTime.
    public static (Run Stored, double? LastOffsetSeconds) ReadRun(NpgsqlDataReader r) =>
        StoredRows.ReadRun(r, (reader, i) => new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc)));

    public static Sensor ReadSensor(NpgsqlDataReader r) => StoredRows.ReadSensor(r);

    public static Sample ReadSample(NpgsqlDataReader r) => StoredRows.ReadSample(r);

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
}
