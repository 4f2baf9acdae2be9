using Cradle.Store.Postgres;

namespace Cradle.Store.Tests;

/// <summary>The run-store contract against a real PostgreSQL server (test.sh starts one), each test in a new database.</summary>
public sealed class PostgresRunStoreContractTests : RunStoreContract
{
    private readonly TempDatabase database = new();

    protected override IRunStore OpenStore(TimeProvider time, IProcessLiveness liveness) =>
        PostgresRunStore.Open(database.Uri, time, liveness);

    public override void Dispose()
    {
        base.Dispose();
        database.Dispose();
    }
}
