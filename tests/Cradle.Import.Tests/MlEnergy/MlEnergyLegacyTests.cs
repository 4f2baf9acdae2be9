using Cradle.Import.MlEnergy;
using Cradle.Import.Tests.Slurm;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Import.Tests.MlEnergy;

/// <summary>The 2023 (v1) leaderboard CSVs: one run per row, energy per response as the run's energy.</summary>
public sealed class MlEnergyLegacyTests
{
    [Fact]
    public void Every_row_of_the_twelve_files_is_one_run()
    {
        var result = MlEnergyImporter.Read([MlEnergyData.Legacy]);
        // Counted independently: the data lines (all but the header) of every *_benchmark.csv.
        var files = Directory.GetFiles(MlEnergyData.Legacy, "*_benchmark.csv");
        var rows = files.Sum(f => File.ReadAllLines(f).Count(l => l.Length > 0) - 1);
        Assert.Equal(12, files.Length);
        Assert.Equal(260, rows);
        Assert.Equal(rows, result.LegacyRows.Count);
        Assert.Empty(result.Records);
        Assert.Empty(result.Notes);
        // README.md, models.json, schema.yaml, score.csv.
        Assert.Equal(4, result.IgnoredFiles);
        Assert.Equal(rows, result.Runs.Select(r => r.Origin).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(rows, result.Runs.Select(r => r.Run.Name).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>
    /// A100_chat_benchmark.csv line 2: BAIR/koala-13b, energy 2144.8338435191445 J per response, latency
    /// 12.1433556952537 s; models.json params 13 → 1.3 × 10^10.
    /// </summary>
    [Fact]
    public void A_row_keeps_its_energy_latency_and_parameters()
    {
        var result = MlEnergyImporter.Read([Path.Combine(MlEnergyData.Legacy, "A100_chat_benchmark.csv")]);
        var row = result.LegacyRows.Single(r => r.Line == 2);
        Assert.Equal(("A100", "chat", "BAIR/koala-13b"), (row.Gpu, row.Task, row.Model));
        Assert.Equal(13e9, row.Run.Run.Inference.ParameterCount);
        Assert.Equal(1, row.Run.Run.Inference.Requests);
        Assert.Equal(2144.8338435191445, row.Run.Samples.Max(s => s.EnergyJoules));
        Assert.Equal(12.1433556952537, row.Run.Samples.Max(s => s.OffsetSeconds));
        Assert.Equal("mlenergy-v1:chat/BAIR/koala-13b/A100", row.Run.Run.Name);
        Assert.StartsWith("ML.ENERGY leaderboard v1, ml-energy/benchmark 76bf85e9ae15: data/legacy/A100_chat_benchmark.csv (sha256 ", row.Run.Origin, StringComparison.Ordinal);
        Assert.EndsWith(") line 2", row.Run.Origin, StringComparison.Ordinal);
        Assert.Contains("GPU energy only", row.Run.Sensors[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_in_a_number_and_a_missing_column_are_refused_with_line_and_column()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(MlEnergyData.Legacy, "models.json"), folder.File("models.json"));
        var text = File.ReadAllText(Path.Combine(MlEnergyData.Legacy, "A100_chat_benchmark.csv"));
        var bad = folder.File("A100_chat_benchmark.csv");
        File.WriteAllText(bad, text.Replace("2144.8338435191445", "2144.8 J", StringComparison.Ordinal));
        var e = Assert.Throws<MlEnergyFormatException>(() => MlEnergyImporter.Read([folder.Path]));
        // Line 2, the fifth field (energy).
        Assert.Equal((bad, 2, 5), (e.File, e.Line, e.Column));
        Assert.Equal("column \"energy\"", e.JsonPath);
        Assert.Contains("found \"2144.8 J\"; expected a number above 0", e.Problem, StringComparison.Ordinal);

        File.WriteAllText(bad, text.Replace("latency,", "latency_s,", StringComparison.Ordinal));
        var header = Assert.Throws<MlEnergyFormatException>(() => MlEnergyImporter.Read([folder.Path]));
        Assert.Equal(1, header.Line);
        Assert.Contains("no \"latency\" column", header.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_leaderboards_go_into_one_store_in_one_transaction()
    {
        var result = MlEnergyImporter.Read([MlEnergyData.Root, MlEnergyData.Legacy]);
        using var folder = new TempFolder();
        using var store = SqliteRunStore.Open(folder.File("runs.db"));
        store.ImportRuns(result.Runs);
        Assert.Equal(314 + 260, store.ListRuns(RunFilter.All).Count);
    }
}
