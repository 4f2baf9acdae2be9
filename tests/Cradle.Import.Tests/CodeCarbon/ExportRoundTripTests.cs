using System.Text;
using Cradle.Catalog;
using Cradle.Import.CodeCarbon;
using Cradle.Store.Sqlite;

namespace Cradle.Import.Tests.CodeCarbon;

/// <summary>Export as CodeCarbon CSV, import it back: the same energy per component.</summary>
public sealed class ExportRoundTripTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cradle-codecarbon-export-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Exported_runs_import_back_with_the_same_energies()
    {
        using var store = SqliteRunStore.Open(Path.Combine(folder, "runs.db"));
        var stored = store.ImportRuns(Imports.Read("v3.0.5_FedHENet.csv").Runs);
        var records = stored.Select(r => new RunRecord(r, store.GetSensors(r.Id), store.GetSamples(r.Id))).ToList();

        using var text = new StringWriter();
        Assert.Empty(CodeCarbonCsvWriter.Write(records, text));
        var csv = text.ToString();
        Assert.StartsWith(string.Join(",", CodeCarbonColumns.Current) + "\n", csv.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var back = CodeCarbonImporter.Read([new CodeCarbonInput("exported.csv", Encoding.UTF8.GetBytes(csv), folder)], new CodeCarbonImportOptions(), CatalogLoader.Shipped);
        Assert.True(back.Succeeded, string.Join("\n", back.Problems));
        Assert.Equal(stored.Count, back.Runs.Count);
        foreach (var kind in new[] { ComponentSensors.CpuKind, ComponentSensors.GpuKind, ComponentSensors.RamKind })
        {
            var before = records.Sum(r => r.Sensors.Where(s => s.Kind == kind).Sum(s => r.Samples.Where(x => x.SensorId == s.Id).Max(x => x.EnergyJoules!.Value)));
            Assert.Equal(before, Imports.Total(back.Runs, kind), 9);
        }

        // Run by run, too (rows keep the runs' order), and the duration survives to the second.
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal(store.GetSamples(stored[i].Id).Where(s => s.SensorId == "gpu").Max(s => s.EnergyJoules!.Value), Imports.Energy(back.Runs[i], "gpu")!.Value, 9);
            Assert.Equal((stored[i].EndedUtc!.Value - stored[i].StartedUtc).TotalSeconds, (back.Runs[i].EndedUtc!.Value - back.Runs[i].StartedUtc).TotalSeconds, 3);
        }
    }
}
