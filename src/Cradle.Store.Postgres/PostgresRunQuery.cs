using System.Text;

namespace Cradle.Store.Postgres;

/// <summary>The SELECT for a <see cref="RunFilter"/>: fixed SQL fragments with every value bound as a parameter.</summary>
internal sealed record PostgresRunQuery(string Sql, (string Name, object? Value)[] Parameters)
{
    public static PostgresRunQuery Build(RunFilter filter)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (filter.Status is { } status)
        {
            // A run stored as running may read as interrupted (its writer gone); the exact status is checked after reading.
            if (status is RunStatus.Running or RunStatus.Interrupted)
            {
                where.Add("status IN ('running', 'interrupted')");
            }
            else
            {
                where.Add("status = @status");
                parameters.Add(("status", Sqlite.SqliteText.Status(status)));
            }
        }

        Add(filter.Host, "host = @host", "host");
        Add(filter.Model, "model = @model", "model");
        Add(filter.Tag, "EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = runs.id AND t.tag = @tag)", "tag");
        Add(filter.JobId, "job_id = @job", "job");
        Add(filter.StartedFromUtc is { } from ? PostgresRows.Utc(from) : null, "started_utc >= @from", "from");
        Add(filter.StartedBeforeUtc is { } before ? PostgresRows.Utc(before) : null, "started_utc < @before", "before");

        var sql = new StringBuilder($"SELECT {PostgresRows.RunColumns} FROM runs");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append(" ORDER BY started_utc DESC, id COLLATE \"C\" DESC");
        if (filter.Status is null && filter.Limit is { } limit)
        {
            sql.Append(" LIMIT @limit");
            parameters.Add(("limit", limit));
        }

        return new PostgresRunQuery(sql.ToString(), [.. parameters]);

        void Add(object? value, string clause, string name)
        {
            if (value is not null)
            {
                where.Add(clause);
                parameters.Add((name, value));
            }
        }
    }
}
