using Cradle.Store.Postgres;
using Npgsql;

namespace Cradle.Server.Tests;

/// <summary>A fresh database on the test PostgreSQL server (<c>$CRADLE_TEST_POSTGRES</c>, as in Cradle.Store.Tests),
/// dropped on dispose: each PostgreSQL test class of the server (runs, studies) gets its own. Without the variable the
/// test fails, saying how to start one; it never skips.</summary>
public sealed class PostgresDatabase : IDisposable
{
    public const string Variable = "CRADLE_TEST_POSTGRES";

    public PostgresDatabase()
    {
        Admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri
            ? uri
            : throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL server tests need a server. Run them through ./test.sh, which starts one, or " +
                $"'export {Variable}=$(scripts/postgres-test-server.sh start /tmp/cradle-pg)' (and '… stop /tmp/cradle-pg' afterwards).");
        // Our own name, letters and digits only: CREATE DATABASE takes no parameters.
        Name = "cradle_serve_test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE {Name} TEMPLATE template0 ENCODING 'UTF8'");
        Uri = Admin[..(Admin.LastIndexOf('/') + 1)] + Name;
    }

    private string Admin { get; }

    public string Name { get; }

    /// <summary>postgres://…/NAME: the store's location.</summary>
    public string Uri { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(Admin)) { Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
