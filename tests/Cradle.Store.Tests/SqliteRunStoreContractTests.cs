using Cradle.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Cradle.Store.Tests;

/// <summary>The run-store contract against a real SQLite file in a temp folder.</summary>
public sealed class SqliteRunStoreContractTests : RunStoreContract
{
    private readonly TempFolder folder = new();

    protected override IRunStore OpenStore(TimeProvider time, IProcessLiveness liveness) =>
        SqliteRunStore.Open(folder.File("runs.db"), time, liveness);

    /// <summary>
    /// Every page view and /metrics scrape of `cradle serve` asks for interrupted runs. With every writer alive it must
    /// only read: a `cradle measure` process holding the write lock mid-batch (here, another connection's immediate
    /// transaction) does not make it wait, where taking the write lock first would wait out the 30 s busy timeout and fail.
    /// </summary>
    [Fact]
    public void Looking_for_interrupted_runs_takes_no_write_lock_when_every_writer_is_alive()
    {
        var store = Store();
        Liveness.Alive.Add(7);
        var run = store.CreateRun(Runs.New(pid: 7));
        using var writer = new SqliteConnection($"Data Source={folder.File("runs.db")}");
        writer.Open();
        using var batch = writer.BeginTransaction(deferred: false);

        Assert.Empty(store.MarkInterruptedRuns());
        Assert.Equal(RunStatus.Running, store.FindRun(run.Id)!.Status);
        batch.Rollback();
    }

    public override void Dispose()
    {
        base.Dispose();
        folder.Dispose();
    }
}
