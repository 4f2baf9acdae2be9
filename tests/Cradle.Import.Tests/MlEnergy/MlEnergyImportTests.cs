using Cradle.Import.MlEnergy;
using Cradle.Store;

namespace Cradle.Import.Tests.MlEnergy;

/// <summary>The 314 real leaderboard v2 records become one run each, with the record's figures unchanged.</summary>
public sealed class MlEnergyImportTests
{
    private static readonly MlEnergyImportResult All = MlEnergyImporter.Read([MlEnergyData.Root]);

    [Fact]
    public void Every_record_file_is_one_run()
    {
        // Counted independently of the importer: every .json file but the two models.json is a record.
        var files = Directory.GetFiles(MlEnergyData.Root, "*.json", SearchOption.AllDirectories);
        var records = files.Count(f => Path.GetFileName(f) != "models.json");
        Assert.Equal(316, files.Length);
        Assert.Equal(314, records);
        Assert.Equal(records, All.Records.Count);
        Assert.Equal(191, All.Records.Count(r => r.Task == "chat"));
        Assert.Equal(123, All.Records.Count(r => r.Task == "code"));
        // models.json ×2 and schema.yaml ×2 are not records.
        Assert.Equal(4, All.IgnoredFiles);
        Assert.Equal(records, All.Runs.Select(r => r.Origin).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(records, All.Runs.Select(r => r.Run.Name).Distinct(StringComparer.Ordinal).Count());
        // Every model of every record is in its task's models.json.
        Assert.Empty(All.Notes);
        Assert.All(All.Runs, r =>
        {
            Assert.Equal(1, r.Run.Inference.Requests);
            Assert.Equal(RunStatus.Complete, r.Status);
            // One sensor covering the TP × PP GPUs, so a study's device time counts every GPU.
            var sensor = Assert.Single(r.Sensors);
            Assert.Equal(GpusOf(r.Run.CommandLine), sensor.Devices);
            Assert.Equal("zeus-gpu", sensor.Kind);
            Assert.Equal(SensorProvenance.Measured, sensor.Provenance);
            Assert.Contains("GPU energy only: no CPU, memory, network or PUE", sensor.Description, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// chat/H100 80GB HBM3/meta-llama/Meta-Llama-3.1-8B-Instruct/bs1024+tp1+pp1.json: Energy/req (J) 53.931404195254245,
    /// TP 1 × PP 1 = 1 GPU; models.json params 8 → 8 × 10^9; duration 482.116 tokens ÷ 2177.6859839035324 tok/s
    /// = 0.22138912752508072 s. One request, so energy ÷ requests = 53.931404195254245 J exactly.
    /// </summary>
    [Fact]
    public void A_single_gpu_record_keeps_its_figures()
    {
        var record = All.Records.Single(r => r.RelativePath == "chat/H100 80GB HBM3/meta-llama/Meta-Llama-3.1-8B-Instruct/bs1024+tp1+pp1.json");
        var run = record.Run;
        Assert.Equal("meta-llama/Meta-Llama-3.1-8B-Instruct", run.Run.Inference.Model);
        Assert.Equal(8e9, run.Run.Inference.ParameterCount);
        Assert.Equal("chat", run.Run.Inference.Task);
        Assert.Null(run.Run.Inference.Precision);
        Assert.Equal("1 × NVIDIA H100 80GB HBM3", run.Sensors[0].Device);
        Assert.Equal(53.931404195254245, run.Samples.Single(s => s.OffsetSeconds > 0).EnergyJoules);
        Assert.Equal(0, run.Samples.Single(s => s.OffsetSeconds == 0).EnergyJoules);
        Assert.Equal(0.22138912752508072, run.Samples.Max(s => s.OffsetSeconds), 15);
        Assert.Equal(new DateTimeOffset(2024, 9, 20, 0, 0, 0, TimeSpan.Zero), run.StartedUtc);
        Assert.Equal(run.StartedUtc.AddSeconds(0.22138912752508072), run.EndedUtc);
        Assert.Equal("mlenergy:chat/Meta-Llama-3.1-8B-Instruct/H100-80GB-HBM3/bs1024+tp1+pp1", run.Run.Name);
        Assert.StartsWith("ML.ENERGY leaderboard v2, ml-energy/benchmark 76bf85e9ae15: data/llm_text_generation/chat/H100 80GB HBM3/meta-llama/" +
            "Meta-Llama-3.1-8B-Instruct/bs1024+tp1+pp1.json (sha256 ", run.Origin, StringComparison.Ordinal);
        Assert.Contains("max_batch_size=1024", run.Run.CommandLine, StringComparison.Ordinal);
        Assert.Contains("tp=1 pp=1", run.Run.CommandLine, StringComparison.Ordinal);
    }

    /// <summary>
    /// chat/H100 80GB HBM3/meta-llama/Meta-Llama-3.1-405B-Instruct/bs128+tp8+pp2.json: Energy/req (J) 2178.218700770685 over
    /// TP 8 × PP 2 = 16 GPUs; Max BS 256 = the file name's bs128 × PP 2; params 405 → 4.05 × 10^11; duration
    /// 451.468 ÷ 916.8627797580208 = 0.4924051995208616 s.
    /// </summary>
    [Fact]
    public void A_pipelined_record_counts_all_its_gpus()
    {
        var record = All.Records.Single(r => r.RelativePath == "chat/H100 80GB HBM3/meta-llama/Meta-Llama-3.1-405B-Instruct/bs128+tp8+pp2.json");
        Assert.Equal(16, record.Record.GpuCount);
        Assert.Equal(256, record.Record.MaxBatchRequests);
        Assert.Equal(405e9, record.Parameters);
        var sensor = Assert.Single(record.Run.Sensors);
        Assert.Equal("16 × NVIDIA H100 80GB HBM3", sensor.Device);
        Assert.Equal(16, sensor.Devices);
        Assert.Equal(2178.218700770685, record.Run.Samples.Max(s => s.EnergyJoules));
        Assert.Equal(0.4924051995208616, record.Run.Samples.Max(s => s.OffsetSeconds), 15);
        Assert.Contains("max_batch_size=256", record.Run.Run.CommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_argument_imports_one_record_and_a_file_named_twice_once()
    {
        var path = MlEnergyData.Record("code", MlEnergyData.A100, "bigcode/starcoder2-3b", "bs64+tp1+pp1.json");
        var result = MlEnergyImporter.Read([path, path]);
        var record = Assert.Single(result.Records);
        Assert.Equal("code", record.Task);
        Assert.Equal(3e9, record.Parameters);
    }

    [Fact]
    public void A_model_folder_with_a_suffix_keeps_the_records_model_id()
    {
        // The folder is Mixtral-8x22B-Instruct-v0.1-pp1; the record's Model key has no suffix and is in models.json.
        var record = All.Records.Single(r => r.RelativePath.EndsWith("Mixtral-8x22B-Instruct-v0.1-pp1/bs32+tp8+pp1.json", StringComparison.Ordinal));
        Assert.Equal("mistralai/Mixtral-8x22B-Instruct-v0.1", record.Run.Run.Inference.Model);
        Assert.NotNull(record.Parameters);
    }

    // tp=T pp=P in the command line: the record's GPU count.
    private static int GpusOf(string commandLine)
    {
        var parts = commandLine.Split(' ');
        int Value(string key) => int.Parse(parts.Single(p => p.StartsWith(key, StringComparison.Ordinal))[key.Length..], System.Globalization.CultureInfo.InvariantCulture);
        return Value("tp=") * Value("pp=");
    }
}
