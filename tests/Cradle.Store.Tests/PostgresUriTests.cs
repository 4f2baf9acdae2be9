using Cradle.Store.Postgres;
using Npgsql;

namespace Cradle.Store.Tests;

/// <summary>Reading postgres:// URIs, and never showing their passwords.</summary>
public sealed class PostgresUriTests
{
    [Theory]
    [InlineData("postgres://ada@db.example.org:5433/cradle", "ada", null, "db.example.org", 5433, "cradle")]
    [InlineData("postgresql://ada:s%40cret%3A1@db:5432/runs", "ada", "s@cret:1", "db", 5432, "runs")]
    [InlineData("POSTGRES://ada@[::1]:6000/runs", "ada", null, "::1", 6000, "runs")]
    [InlineData("postgres://db.example.org/runs", null, null, "db.example.org", 5432, "runs")]
    [InlineData("postgresql:///runs?host=%2Fvar%2Frun%2Fpostgresql&user=ada", "ada", null, "/var/run/postgresql", 5432, "runs")]
    public void A_uri_gives_user_password_host_port_and_database(string uri, string? user, string? password, string host, int port, string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(uri));
        Assert.Equal(user, builder.Username);
        Assert.Equal(password, builder.Password);
        Assert.Equal(host, builder.Host);
        Assert.Equal(port, builder.Port);
        Assert.Equal(database, builder.Database);
    }

    [Fact]
    public void Query_parameters_set_ssl_timeout_and_schema()
    {
        var builder = new NpgsqlConnectionStringBuilder(
            PostgresUri.ToConnectionString("postgres://ada@db/runs?sslmode=require&connect_timeout=7&search_path=team_a"));
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(7, builder.Timeout);
        Assert.Equal("team_a", builder.SearchPath);
    }

    [Theory]
    [InlineData("postgres://ada:pw@db:99999/runs", "port '99999'")]
    [InlineData("postgres://ada:pw@db:five/runs", "port 'five'")]
    [InlineData("postgres://ada:pw@db/runs?colour=blue", "parameter 'colour'")]
    [InlineData("postgres://ada:pw@db/runs?sslmode=sometimes", "value of 'sslmode'")]
    [InlineData("postgres://ada:pw@[::1/runs", "IPv6")]
    [InlineData("postgres://ada:pw@db/runs/extra", "contains a '/'")]
    public void A_malformed_uri_is_refused_naming_the_part_without_the_password(string uri, string part)
    {
        var e = Assert.Throws<StoreException>(() => PostgresUri.ToConnectionString(uri));
        Assert.Equal("bad-store-uri", e.Code);
        Assert.Contains(part, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(":pw@", e.Message, StringComparison.Ordinal);
        Assert.Contains("ada:***@", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://ada:hunter2@db:5432/runs", "postgres://ada:***@db:5432/runs")]
    [InlineData("postgresql://ada@db/runs?password=hunter2&sslmode=require", "postgresql://ada@db/runs?password=***&sslmode=require")]
    [InlineData("postgres://ada:p%40ss@db", "postgres://ada:***@db")]
    [InlineData("postgres://ada:pa/ss?w@rd@db:5432/runs?sslmode=require", "postgres://ada:***@db:5432/runs?sslmode=require")]
    [InlineData("postgres://db.example.org:5432/runs", "postgres://db.example.org:5432/runs")]
    [InlineData("/home/ada/runs.db", "/home/ada/runs.db")]
    public void Passwords_are_masked(string location, string shown) => Assert.Equal(shown, PostgresUri.Masked(location));

    [Fact]
    public void A_password_with_unencoded_separators_is_read_whole_and_never_shown()
    {
        // libpq wants '/', '?' and '@' percent-encoded in a password; written raw, the last '@' still ends it.
        const string uri = "postgres://ada:pa/ss?w@rd@db:5432/runs";
        Assert.Equal("pa/ss?w@rd", new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(uri)).Password);
        var e = Assert.Throws<StoreException>(() => PostgresUri.ToConnectionString("postgres://ada:pa/ss:9@db:x/runs"));
        Assert.DoesNotContain("pa/ss", e.Message, StringComparison.Ordinal);
        Assert.Contains("port 'x'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_npgsql_connection_string_is_accepted_and_masked()
    {
        const string text = "Host=db.example.org;Port=5433;Username=ada;Password=hunter2;Database=runs";
        Assert.True(RunStores.IsPostgres(text));
        Assert.True(RunStores.IsPostgres(" server = db;Database=runs"));
        Assert.False(RunStores.IsPostgres("hostname.db"));
        var builder = new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(text));
        Assert.Equal(("db.example.org", 5433, "ada", "hunter2", "runs"), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
        Assert.Equal("Host=db.example.org;Port=5433;Username=ada;Password=***;Database=runs", PostgresUri.Masked(text));
        Assert.Equal("Host=db;PWD=***;Database=runs", PostgresUri.Masked("Host=db;PWD='a;b';Database=runs"));

        var e = Assert.Throws<StoreException>(() => PostgresUri.ToConnectionString("Host=db;Password=hunter2;Colour=blue"));
        Assert.Equal("bad-store-uri", e.Code);
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_cannot_be_reached_is_reported_without_the_password()
    {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        var e = Assert.Throws<StoreException>(() => RunStores.Open("postgres://ada:hunter2@127.0.0.1:1/runs?connect_timeout=5"));
        Assert.Equal("cannot-open-store", e.Code);
        Assert.DoesNotContain("hunter2", e.ToString(), StringComparison.Ordinal);
        Assert.Contains("postgres://ada:***@127.0.0.1:1/runs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_factory_opens_sqlite_for_a_path_and_postgres_for_a_uri()
    {
        using var folder = new TempFolder();
        using (var sqlite = RunStores.Open(folder.File("runs.db")))
        {
            Assert.IsType<Sqlite.SqliteRunStore>(sqlite);
        }

        using var database = new TempDatabase();
        using var postgres = RunStores.Open(database.Uri);
        Assert.IsType<PostgresRunStore>(postgres);
        Assert.True(RunStores.IsPostgres("postgresql://x/y"));
        Assert.False(RunStores.IsPostgres("postgres.db"));
    }
}
