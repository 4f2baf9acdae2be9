using Cradle.Store.Sqlite;

namespace Cradle.Store.Tests;

/// <summary>The run-store contract against a real SQLite file in a temp folder.</summary>
public sealed class SqliteRunStoreContractTests : RunStoreContract
{
    private readonly TempFolder folder = new();

    protected override IRunStore OpenStore(TimeProvider time, IProcessLiveness liveness) =>
        SqliteRunStore.Open(folder.File("runs.db"), time, liveness);

    public override void Dispose()
    {
        base.Dispose();
        folder.Dispose();
    }
}
