using Cradle.Store.Postgres;
using Npgsql;

namespace Cradle.Server.Tests.Studies;

/// <summary>
/// A new, empty PostgreSQL database on the test server named by <c>$CRADLE_TEST_POSTGRES</c> (test.sh starts one),
/// dropped on dispose. Without the variable the tests that need it fail, saying how to run them; they never skip.
/// </summary>
public sealed class StudyPostgresDatabase : IDisposable
{
    private const string Variable = "CRADLE_TEST_POSTGRES";

    private readonly string admin;

    public StudyPostgresDatabase()
    {
        admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri
            ? uri
            : throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL server tests need a server. Run them through ./test.sh, which starts one, or " +
                $"'export {Variable}=$(scripts/postgres-test-server.sh start /tmp/cradle-pg)' (and stop it afterwards).");
        // The name is ours (letters and digits only), so it can be spliced: CREATE DATABASE takes no parameters.
        Name = "cradle_serve_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE {Name} TEMPLATE template0 ENCODING 'UTF8'");
        Uri = admin[..(admin.LastIndexOf('/') + 1)] + Name;
    }

    public string Name { get; }

    /// <summary>postgres://…/NAME: the store's URI.</summary>
    public string Uri { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(admin)) { Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
