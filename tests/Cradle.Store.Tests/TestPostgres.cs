using Cradle.Store.Postgres;
using Npgsql;

namespace Cradle.Store.Tests;

/// <summary>
/// The PostgreSQL server of the tests: test.sh starts a throwaway one (scripts/postgres-test-server.sh) and names it in
/// <see cref="Variable"/>. Without it the PostgreSQL tests fail, saying how to run them; they never skip.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "CRADLE_TEST_POSTGRES";

    /// <summary>The URI of the server's maintenance database (postgres://user@host:port/postgres), where the tests
    /// create and drop their own databases.</summary>
    public static string AdminUri =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri
            ? uri
            : throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL run-store tests need a server. Run them through ./test.sh, which starts " +
                $"one, or start one yourself: 'uri=$(scripts/postgres-test-server.sh start /tmp/cradle-pg)' then 'export {Variable}=$uri' " +
                "(and 'scripts/postgres-test-server.sh stop /tmp/cradle-pg' afterwards).");

    public static NpgsqlConnection OpenAdmin(string? uri = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(uri ?? AdminUri)) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    public static object? Scalar(string uri, string sql)
    {
        using var connection = OpenAdmin(uri);
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public static void Execute(string uri, string sql)
    {
        using var connection = OpenAdmin(uri);
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A new, empty database on the test server, dropped (with any connection still open) on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        // The name is ours (letters and digits only), so it can be spliced: CREATE DATABASE takes no parameters.
        Name = "cradle_test_" + Guid.NewGuid().ToString("N");
        TestPostgres.Execute(TestPostgres.AdminUri, $"CREATE DATABASE {Name} TEMPLATE template0 ENCODING 'UTF8'");
        var admin = TestPostgres.AdminUri;
        Uri = admin[..(admin.LastIndexOf('/') + 1)] + Name;
    }

    public string Name { get; }

    /// <summary>postgres://…/NAME: the store's URI.</summary>
    public string Uri { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        TestPostgres.Execute(TestPostgres.AdminUri, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
