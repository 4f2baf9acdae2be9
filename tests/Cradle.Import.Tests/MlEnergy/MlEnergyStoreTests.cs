using Cradle.Import.MlEnergy;
using Cradle.Import.Tests.Slurm;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Import.Tests.MlEnergy;

/// <summary>The records go into a real SQLite store in one transaction, and come back as they went in.</summary>
public sealed class MlEnergyStoreTests
{
    [Fact]
    public void All_records_are_stored_and_read_back()
    {
        var result = MlEnergyImporter.Read([MlEnergyData.Root]);
        using var folder = new TempFolder();
        using var store = SqliteRunStore.Open(folder.File("runs.db"));
        var stored = store.ImportRuns(result.Runs);
        Assert.Equal(314, store.ListRuns(RunFilter.All).Count);
        foreach (var (run, imported) in stored.Zip(result.Runs))
        {
            Assert.Equal(imported.Origin, run.Origin);
            Assert.Equal(1, run.Inference.Requests);
            var samples = store.GetSamples(run.Id);
            Assert.Equal(2, samples.Count);
            Assert.Equal(imported.Samples.Max(s => s.EnergyJoules), samples.Max(s => s.EnergyJoules));
            var sensor = Assert.Single(store.GetSensors(run.Id));
            Assert.Equal("zeus-gpu", sensor.Kind);
            Assert.Equal(imported.Sensors[0].Devices, sensor.Devices); // the GPU count survives the store
        }
    }

    [Fact]
    public void Importing_again_stores_nothing()
    {
        var result = MlEnergyImporter.Read([Path.Combine(MlEnergyData.Root, "code")]);
        using var folder = new TempFolder();
        using var store = SqliteRunStore.Open(folder.File("runs.db"));
        store.ImportRuns(result.Runs);
        // The whole chat and code folders: the code records are already there, so nothing of the chat ones is stored either.
        var again = MlEnergyImporter.Read([MlEnergyData.Root]);
        Assert.ThrowsAny<StoreException>(() => store.ImportRuns(again.Runs));
        Assert.Equal(123, store.ListRuns(RunFilter.All).Count);
    }
}
