using Microsoft.Data.Sqlite;
using static Cradle.Store.Sqlite.SqliteRows;

namespace Cradle.Store.Sqlite;

/// <summary>
/// One prepared INSERT into <c>sensors</c> for one run, reused for each of its sensors (a measured run's, an imported
/// run's), with the store's words for a sensor id the run already has.
/// </summary>
internal sealed class SqliteSensorWriter(SqliteConnection connection, SqliteTransaction transaction, string runId) : IDisposable
{
    private readonly SqliteCommand insert = Command(connection, transaction, """
        INSERT INTO sensors (run_id, sensor_id, kind, device, provenance, description, available, devices)
        VALUES ($run, $id, $kind, $device, $prov, $desc, $available, $devices)
        """, ("$run", runId), ("$id", ""), ("$kind", ""), ("$device", ""), ("$prov", ""), ("$desc", ""), ("$available", 1), ("$devices", 1));

    /// <summary>Inserts <paramref name="sensor"/> in the caller's transaction, so a refusal adds none of the call's sensors.</summary>
    public void Write(Sensor sensor)
    {
        insert.Parameters["$id"].Value = sensor.Id;
        insert.Parameters["$kind"].Value = sensor.Kind;
        insert.Parameters["$device"].Value = sensor.Device;
        insert.Parameters["$prov"].Value = SqliteText.Provenance(sensor.Provenance);
        insert.Parameters["$desc"].Value = sensor.Description;
        insert.Parameters["$available"].Value = sensor.Provenance == SensorProvenance.Unavailable ? 0 : 1;
        insert.Parameters["$devices"].Value = sensor.Devices;
        try
        {
            insert.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteRunStore.SqliteConstraintPrimaryKey)
        {
            throw new StoreException(
                "duplicate-sensor",
                $"Run {runId} already has a sensor '{sensor.Id}'; give each sensor of a run its own id. No sensor of this call was added.",
                e);
        }
    }

    public void Dispose() => insert.Dispose();
}
