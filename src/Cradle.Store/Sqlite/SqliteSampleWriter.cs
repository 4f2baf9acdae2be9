using Microsoft.Data.Sqlite;
using static Cradle.Store.Sqlite.SqliteRows;

namespace Cradle.Store.Sqlite;

/// <summary>
/// One prepared INSERT into <c>samples</c>, reused for every sample of a batch (a sampler's flush, an import), and the
/// store's own words for the constraints a sample can break: a sensor the run does not have, an offset already stored.
/// </summary>
internal sealed class SqliteSampleWriter : IDisposable
{
    private const int SqliteConstraintForeignKey = 787;
    private readonly SqliteCommand insert;

    public SqliteSampleWriter(SqliteConnection connection, SqliteTransaction transaction) =>
        insert = Command(connection, transaction, $"""
            INSERT INTO samples ({SampleColumns}) VALUES ($run, $sensor, $t, $e, $p, $temp, $u)
            """, ("$run", ""), ("$sensor", ""), ("$t", 0.0), ("$e", null), ("$p", null), ("$temp", null), ("$u", null));

    /// <summary>Inserts <paramref name="sample"/>; the batch's transaction is the caller's, so a refusal stores nothing of it.</summary>
    public void Write(Sample sample)
    {
        insert.Parameters["$run"].Value = sample.RunId;
        insert.Parameters["$sensor"].Value = sample.SensorId;
        insert.Parameters["$t"].Value = sample.OffsetSeconds;
        insert.Parameters["$e"].Value = (object?)sample.EnergyJoules ?? DBNull.Value;
        insert.Parameters["$p"].Value = (object?)sample.PowerWatts ?? DBNull.Value;
        insert.Parameters["$temp"].Value = (object?)sample.TemperatureCelsius ?? DBNull.Value;
        insert.Parameters["$u"].Value = (object?)sample.Utilisation ?? DBNull.Value;
        var where = $"sample of sensor '{sample.SensorId}' at {sample.OffsetSeconds} s in run {sample.RunId}";
        try
        {
            insert.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteConstraintForeignKey)
        {
            throw new StoreException(
                "unknown-sensor",
                $"The {where} names a sensor the run does not have; add the sensor first. No sample of this batch was stored.",
                e);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteRunStore.SqliteConstraintPrimaryKey)
        {
            throw new StoreException(
                "duplicate-sample",
                $"The {where} repeats an offset already stored for that sensor. No sample of this batch was stored.",
                e);
        }
    }

    public void Dispose() => insert.Dispose();
}
