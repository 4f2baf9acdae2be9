using Microsoft.Data.Sqlite;
using static Cradle.Store.Sqlite.SqliteRows;

namespace Cradle.Store.Sqlite;

/// <summary>
/// Writes one run imported from another tool's log (CodeCarbon, Slurm, ML.ENERGY): the finished run with its origin,
/// its sensors and its samples, in the caller's transaction, under the id the caller chose. The checks that decide
/// whether it may be imported (origin or name already stored) are the caller's.
/// </summary>
internal static class SqliteRunImport
{
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, string id, ImportedRun imported)
    {
        var run = imported.Run;
        using (var insert = Command(connection, transaction, """
            INSERT INTO runs (id, name, command_line, host, working_directory, started_utc, ended_utc, status, exit_code,
                              writer_pid, site_id, requests, model, parameter_count, precision, task, job_id, origin)
            VALUES ($id, $name, $cmd, $host, $wd, $start, $end, $status, $code, 0, $site, $req, $model, $params, $prec, $task, $job, $origin)
            """,
            ("$id", id), ("$name", run.Name), ("$cmd", run.CommandLine), ("$host", run.Host), ("$wd", run.WorkingDirectory),
            ("$start", SqliteText.Time(imported.StartedUtc)), ("$end", imported.EndedUtc is { } end ? SqliteText.Time(end) : null),
            ("$status", SqliteText.Status(imported.Status)), ("$code", imported.ExitCode),
            ("$site", run.SiteId), ("$req", run.Inference.Requests), ("$model", run.Inference.Model),
            ("$params", run.Inference.ParameterCount), ("$prec", run.Inference.Precision), ("$task", run.Inference.Task),
            ("$job", run.JobId), ("$origin", imported.Origin)))
        {
            insert.ExecuteNonQuery();
        }

        using (var sensors = new SqliteSensorWriter(connection, transaction, id))
        {
            foreach (var sensor in imported.Sensors)
            {
                sensors.Write(sensor);
            }
        }

        using var samples = new SqliteSampleWriter(connection, transaction);
        foreach (var sample in imported.Samples)
        {
            samples.Write(sample.In(id));
        }
    }
}
