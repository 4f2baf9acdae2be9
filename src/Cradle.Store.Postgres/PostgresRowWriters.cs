using Npgsql;
using static Cradle.Store.Postgres.PostgresRows;
using Text = Cradle.Store.Sqlite.SqliteText;

namespace Cradle.Store.Postgres;

/// <summary>
/// The sensor and sample inserts of the PostgreSQL store, shared by measured runs (AddSensors, AppendSamples) and
/// imported ones, in the caller's transaction, with the store's own words for the constraints a row can break.
/// </summary>
internal static class PostgresRowWriters
{
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";

    public static void InsertSensors(NpgsqlConnection c, NpgsqlTransaction t, string runId, IReadOnlyList<Sensor> sensors)
    {
        using var insert = Command(c, t, """
            INSERT INTO sensors (run_id, sensor_id, kind, device, provenance, description, available, devices)
            VALUES (@run, @id, @kind, @device, @prov, @desc, @available, @devices)
            """, ("run", runId), ("id", ""), ("kind", ""), ("device", ""), ("prov", ""), ("desc", ""), ("available", (short)1), ("devices", 1));
        foreach (var sensor in sensors)
        {
            insert.Parameters["id"].Value = sensor.Id;
            insert.Parameters["kind"].Value = sensor.Kind;
            insert.Parameters["device"].Value = sensor.Device;
            insert.Parameters["prov"].Value = Text.Provenance(sensor.Provenance);
            insert.Parameters["desc"].Value = sensor.Description;
            insert.Parameters["available"].Value = (short)(sensor.Provenance == SensorProvenance.Unavailable ? 0 : 1);
            insert.Parameters["devices"].Value = sensor.Devices;
            try
            {
                insert.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState == UniqueViolation)
            {
                throw new StoreException(
                    "duplicate-sensor",
                    $"Run {runId} already has a sensor '{sensor.Id}'; give each sensor of a run its own id. No sensor of this call was added.",
                    e);
            }
        }
    }

    public static void InsertSamples(NpgsqlConnection c, NpgsqlTransaction t, IReadOnlyList<Sample> samples)
    {
        using var insert = Command(c, t, $"INSERT INTO samples ({SampleColumns}) VALUES (@run, @sensor, @t, @e, @p, @temp, @u)",
            ("run", ""), ("sensor", ""), ("t", 0.0), ("e", 0.0), ("p", 0.0), ("temp", 0.0), ("u", 0.0));
        foreach (var sample in samples)
        {
            insert.Parameters["run"].Value = sample.RunId;
            insert.Parameters["sensor"].Value = sample.SensorId;
            insert.Parameters["t"].Value = sample.OffsetSeconds;
            insert.Parameters["e"].Value = (object?)sample.EnergyJoules ?? DBNull.Value;
            insert.Parameters["p"].Value = (object?)sample.PowerWatts ?? DBNull.Value;
            insert.Parameters["temp"].Value = (object?)sample.TemperatureCelsius ?? DBNull.Value;
            insert.Parameters["u"].Value = (object?)sample.Utilisation ?? DBNull.Value;
            var where = $"sample of sensor '{sample.SensorId}' at {sample.OffsetSeconds} s in run {sample.RunId}";
            try
            {
                insert.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState == ForeignKeyViolation)
            {
                throw new StoreException(
                    "unknown-sensor",
                    $"The {where} names a sensor the run does not have; add the sensor first. No sample of this batch was stored.",
                    e);
            }
            catch (PostgresException e) when (e.SqlState == UniqueViolation)
            {
                throw new StoreException(
                    "duplicate-sample",
                    $"The {where} repeats an offset already stored for that sensor. No sample of this batch was stored.",
                    e);
            }
        }
    }
}
