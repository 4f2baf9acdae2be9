using Cradle.Import.CodeCarbon;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Import.Tests.CodeCarbon;

/// <summary>Imports into a real SQLite store: stored whole, refused the second time, grouped by job.</summary>
public sealed class StoreImportTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cradle-codecarbon-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Runs_are_stored_with_their_energy_and_a_second_import_is_refused()
    {
        using var store = SqliteRunStore.Open(Path.Combine(folder, "runs.db"));
        var import = Imports.Read(new CodeCarbonImportOptions(JobId: "4242"), "v3.2.7_ThothBot.csv");
        var stored = store.ImportRuns(import.Runs);
        Assert.Equal(7, stored.Count);
        Assert.All(stored, r => Assert.True(r.IsImported));
        Assert.Equal(7, store.ListRuns(new RunFilter(JobId: "4242")).Count);

        // Summed from the store: 325.109018941038 J of CPU (the hand sum of DatasetImportTests).
        var cpu = stored.Sum(r => store.GetSamples(r.Id).Where(s => s.SensorId == "cpu").Max(s => s.EnergyJoules!.Value));
        Assert.Equal(325.109018941038, cpu, 6);

        var again = Assert.Throws<StoreException>(() => store.ImportRuns(Imports.Read("v3.2.7_ThothBot.csv").Runs));
        Assert.Equal("already-imported", again.Code);
        Assert.Equal(7, store.ListRuns(RunFilter.All).Count);
    }

    [Fact]
    public void Grouped_files_make_one_run_whose_sensors_sum_the_rows()
    {
        using var store = SqliteRunStore.Open(Path.Combine(folder, "runs.db"));
        var import = Imports.Read(new CodeCarbonImportOptions(Group: true), "v2.5.0_pideel-replication.csv", "v2.0-2.1_CharlesBoydelaTour-EcoCode.csv");
        var run = Assert.Single(import.Runs);
        // 1 + 2 rows, three sensors each: r1-cpu, r1-gpu, r1-ram, r2-…, r3-….
        Assert.Equal(9, run.Sensors.Count);
        var stored = Assert.Single(store.ImportRuns(import.Runs));
        // CPU: 2.2194129537045955 + 1.5617824263042874e-07 + 1.314116848839654e-07 kWh
        //    = 2.2194132412945233 kWh × 3.6e6 = 7989887.668660284 J.
        var samples = store.GetSamples(stored.Id);
        var cpu = samples.Where(s => s.SensorId.EndsWith("-cpu", StringComparison.Ordinal)).GroupBy(s => s.SensorId).Sum(g => g.Max(s => s.EnergyJoules!.Value));
        Assert.Equal(7989887.668660284, cpu, 3);
        Assert.Contains("group of 3 rows", stored.Origin, StringComparison.Ordinal);
        Assert.Null(stored.SiteId); // Austria and France: no single site.
    }
}
