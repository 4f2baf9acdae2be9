using Microsoft.Data.Sqlite;

namespace Cradle.Store.Sqlite;

/// <summary>Reading runs, sensors and samples back from rows, and binding parameters (never concatenating values).</summary>
internal static class SqliteRows
{
    /// <summary>The run columns (<see cref="StoredRows.RunColumns"/>).</summary>
    public const string RunColumns = StoredRows.RunColumns + ", " + StoredRows.SqliteTagsColumn;

    public const string SensorColumns = StoredRows.SensorColumns;

    public const string SampleColumns = StoredRows.SampleColumns;

    // SQLite stores times as ISO 8601 text (SqliteText.Time).
    public static (Run Stored, double? LastOffsetSeconds) ReadRun(SqliteDataReader r) =>
        StoredRows.ReadRun(r, (reader, i) => SqliteText.Time(reader.GetString(i)));

    public static Sensor ReadSensor(SqliteDataReader r) => StoredRows.ReadSensor(r);

    public static Sample ReadSample(SqliteDataReader r) => StoredRows.ReadSample(r);

    public static SqliteCommand Command(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
