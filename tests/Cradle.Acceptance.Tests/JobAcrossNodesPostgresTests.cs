using Npgsql;

namespace Cradle.Acceptance.Tests;

/// <summary>The four-node job of <see cref="JobAcrossNodesTests"/> on a PostgreSQL database (a class of its own, so it
/// runs beside the SQLite one).</summary>
public sealed class JobAcrossNodesPostgresTests
{
    [Fact]
    public async Task Four_measures_on_one_postgres_database_read_as_one_job_with_the_killed_node_flagged()
    {
        var admin = Environment.GetEnvironmentVariable("CRADLE_TEST_POSTGRES") is { Length: > 0 } uri
            ? uri
            : throw new InvalidOperationException(
                "CRADLE_TEST_POSTGRES is not set: run these tests through ./test.sh, which starts a PostgreSQL server for them.");
        var name = "cradle_job_" + Guid.NewGuid().ToString("N");
        JobAcrossNodesTests.Admin(admin, $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'");
        try
        {
            await JobAcrossNodesTests.MeasureJobAndCheckAsync(admin[..(admin.LastIndexOf('/') + 1)] + name);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            JobAcrossNodesTests.Admin(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }
}
