using System.Text;
using Cradle.Import.Slurm;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Import.Tests.Slurm;

/// <summary>Every permissively licensed file of the data set imports into a real SQLite store, one transaction per file.</summary>
public sealed class SlurmStoreTests
{
    /// <summary>Each file with the options its output needs (the headerless files' --format lists, GPU types the catalog
    /// does not know by their cluster names).</summary>
    public static TheoryData<string, string> Files => new()
    {
        { "slurm2sql_triton_sacct_test-data1.txt", "" },
        { "sonar_fox_sacct_2024.txt", "sonar" },
        { "sonar_fox_sacct_2025.txt", "sonar" },
        { "hb-jobinfo_habrok_sacct_snowman-delimited.txt", "habrok" },
        { "json/clockwork_cedar_sacct-json_slurm21.08.json", "" },
        { "json/slurmweb_24.05_0.0.41_slurmdb-job-completed.json", "" },
        { "json/slurmweb_24.05_0.0.41_slurmdb-job-timeout.json", "" },
        { "json/slurmweb_25.11_0.0.44_slurmdb-job-completed.json", "" },
        { "json/slurmweb_25.11_0.0.44_slurmdb-job-timeout.json", "" },
        { "json/slurmweb_25.11_0.0.44_slurmdb-job-gpus-multi-nodes.json", "" },
    };

    internal static SlurmImportOptions OptionsFor(string kind)
    {
        var options = kind switch { "sonar" => SlurmData.Sonar, "habrok" => SlurmData.Habrok, _ => SlurmData.Options };
        return options with
        {
            GpuDevices = new Dictionary<string, string>
            {
                [""] = "nvidia-a100-pcie-40gb", ["rtx30"] = "nvidia-geforce-rtx-3090", ["a100_80"] = "nvidia-a100-pcie-80gb",
            },
        };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_job_line_is_a_run_or_a_listed_skip_and_the_runs_are_stored(string file, string kind)
    {
        var result = SlurmData.Read(file, OptionsFor(kind));
        // Counted independently of the importer: job lines are the records whose JobID has no step part.
        var jobLines = file.EndsWith(".json", StringComparison.Ordinal) ? JsonJobCount(file) : TextJobLines(file, kind);
        Assert.Equal(jobLines, result.Runs.Count + result.Skipped.Count);
        Assert.All(result.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        using var folder = new TempFolder();
        using (var store = SqliteRunStore.Open(folder.File("runs.db")))
        {
            var stored = store.ImportRuns(result.Runs);
            Assert.Equal(result.Runs.Count, stored.Count);
            Assert.Equal(result.Runs.Count, store.ListRuns(RunFilter.All).Count);
            foreach (var (run, imported) in stored.Zip(result.Runs))
            {
                Assert.Equal(imported.Sensors.Count, store.GetSensors(run.Id).Count);
                Assert.Equal(imported.Samples.Count, store.GetSamples(run.Id).Count);
            }
        }
    }

    [Fact]
    public void A_second_import_of_the_same_file_is_refused_whole()
    {
        var result = SlurmData.Read("sonar_fox_sacct_2024.txt", OptionsFor("sonar"));
        using var folder = new TempFolder();
        using var store = SqliteRunStore.Open(folder.File("runs.db"));
        store.ImportRuns(result.Runs);
        var again = Assert.Throws<StoreException>(() => store.ImportRuns(result.Runs));
        Assert.Equal("already-imported", again.Code);
        Assert.Equal(29, store.ListRuns(RunFilter.All).Count);
    }

    [Fact]
    public void Heterogeneous_components_and_array_tasks_keep_their_ids()
    {
        const string text = "JobID|State|Start|Elapsed|AllocTRES|NodeList\n" +
            "700+0|COMPLETED|2025-01-01T00:00:00|00:10:00|cpu=4|n1\n" +
            "700+1|COMPLETED|2025-01-01T00:00:00|00:10:00|cpu=8|n2\n" +
            "800_3|COMPLETED|2025-01-01T00:00:00|00:01:00|cpu=1|n3\n" +
            "800_[4-6]|PENDING|None|00:00:00|cpu=1|None assigned\n";
        var result = SlurmImporter.Read("het.txt", Encoding.UTF8.GetBytes(text), SlurmData.Options);
        // Both components of het job 700 are grouped under job 700; the array task keeps its task id.
        Assert.Equal(["700", "700", "800_3"], result.Runs.Select(r => r.Run.JobId));
        Assert.Equal(5, Assert.Single(result.Skipped).Line);
    }

    private static int TextJobLines(string file, string kind)
    {
        var delimiter = kind == "habrok" ? "☃" : "|";
        var lines = File.ReadAllLines(SlurmData.PathOf(file)).Where(l => l.Length > 0).Skip(kind.Length == 0 ? 1 : 0);
        return lines.Count(l => !l.Split(delimiter)[0].Contains('.', StringComparison.Ordinal));
    }

    private static int JsonJobCount(string file)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(SlurmData.PathOf(file)));
        return json.RootElement.GetProperty("jobs").GetArrayLength();
    }
}
