using Microsoft.Data.Sqlite;
using static Cradle.Store.Sqlite.SqliteRows;

namespace Cradle.Store.Sqlite;

/// <summary>
/// The queries that read a run's samples back (all, after an offset, each sensor's latest, the count), on the store's
/// connection under its lock; <see cref="SqliteRunStore"/> answers <see cref="IRunStore"/> with them.
/// </summary>
internal sealed class SqliteSampleReads(SqliteConnection connection, Lock gate, Action<string> requireExists)
{
    /// <summary>Every sample of the run, ordered by offset, then sensor.</summary>
    public IReadOnlyList<Sample> All(string runId)
    {
        lock (gate)
        {
            requireExists(runId);
            using var command = Command(connection, null,
                $"SELECT {SampleColumns} FROM samples WHERE run_id = $run ORDER BY offset_s, sensor_id", ("$run", runId));
            return ReadSamples(command);
        }
    }

    /// <summary>The samples after an offset, ordered, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<Sample> After(string runId, double afterOffsetSeconds, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (gate)
        {
            requireExists(runId);
            using var command = Command(connection, null,
                $"SELECT {SampleColumns} FROM samples WHERE run_id = $run AND offset_s > $after ORDER BY offset_s, sensor_id LIMIT $limit",
                ("$run", runId), ("$after", afterOffsetSeconds), ("$limit", limit));
            return ReadSamples(command);
        }
    }

    /// <summary>Each sensor's latest sample.</summary>
    public IReadOnlyList<Sample> Latest(string runId)
    {
        lock (gate)
        {
            requireExists(runId);
            using var command = Command(connection, null, $"""
                SELECT {SampleColumns} FROM samples s WHERE run_id = $run
                AND offset_s = (SELECT MAX(l.offset_s) FROM samples l WHERE l.run_id = s.run_id AND l.sensor_id = s.sensor_id)
                ORDER BY sensor_id
                """, ("$run", runId));
            return ReadSamples(command);
        }
    }

    /// <summary>How many samples the run has.</summary>
    public long Count(string runId)
    {
        lock (gate)
        {
            requireExists(runId);
            using var command = Command(connection, null, "SELECT COUNT(*) FROM samples WHERE run_id = $run", ("$run", runId));
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static List<Sample> ReadSamples(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var samples = new List<Sample>();
        while (reader.Read())
        {
            samples.Add(ReadSample(reader));
        }

        return samples;
    }
}
