using System.Text;

namespace Cradle.Store.Sqlite;

/// <summary>The SELECT for a <see cref="RunFilter"/>: fixed SQL fragments with every value bound as a parameter.</summary>
internal sealed record SqliteRunQuery(string Sql, (string Name, object? Value)[] Parameters)
{
    public static SqliteRunQuery Build(RunFilter filter)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (filter.Status is { } status)
        {
            // A run stored as running may read as interrupted (its writer gone); the exact status is checked after reading.
            where.Add(status is RunStatus.Running or RunStatus.Interrupted
                ? "status IN ('running', 'interrupted')"
                : "status = $status");
            parameters.Add(("$status", SqliteText.Status(status)));
        }

        Add(filter.Host, "host = $host", "$host");
        Add(filter.Model, "model = $model", "$model");
        Add(filter.Tag, "EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = runs.id AND t.tag = $tag)", "$tag");
        Add(filter.JobId, "job_id = $job", "$job");
        Add(filter.StartedFromUtc is { } from ? SqliteText.Time(from) : null, "started_utc >= $from", "$from");
        Add(filter.StartedBeforeUtc is { } before ? SqliteText.Time(before) : null, "started_utc < $before", "$before");

        var sql = new StringBuilder($"SELECT {SqliteRows.RunColumns} FROM runs");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append(" ORDER BY started_utc DESC, id DESC");
        if (filter.Status is null && filter.Limit is not null)
        {
            sql.Append(" LIMIT $limit");
            parameters.Add(("$limit", filter.Limit));
        }

        return new SqliteRunQuery(sql.ToString(), [.. parameters]);

        void Add(string? value, string clause, string name)
        {
            if (value is not null)
            {
                where.Add(clause);
                parameters.Add((name, value));
            }
        }
    }
}
