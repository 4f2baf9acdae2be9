using System.Globalization;
using Cradle.Store;

namespace Cradle.Import.MlEnergy;

/// <summary>
/// Makes the run of one record: an inference run of <b>one nominal request</b> whose energy is the record's
/// <c>Energy/req (J)</c>, so that energy ÷ requests is exactly the published per-request figure; its duration is the
/// serving time per request amortised over the batch (<see cref="MlEnergyRecord.SecondsPerRequest"/>). One measured
/// sensor <c>zeus-gpu</c> covering the TP × PP GPUs (<see cref="Sensor.Devices"/>, so device time counts every GPU) —
/// the leaderboard publishes their total only — with samples at 0 s (0 J) and at the end.
/// </summary>
internal static class MlEnergyRunBuilder
{
    /// <summary>The run of <paramref name="record"/> found at <paramref name="file"/>.</summary>
    /// <param name="record">The checked record.</param>
    /// <param name="file">Where it lies in the layout.</param>
    /// <param name="sha256">The file's SHA-256, lower-case hex.</param>
    /// <param name="parameters">The model's parameter count from models.json; null when models.json lacks the model.</param>
    public static ImportedRun Build(MlEnergyRecord record, MlEnergyRecordFile file, string sha256, double? parameters)
    {
        var seconds = record.SecondsPerRequest;
        var device = $"{record.GpuCount} × {record.Gpu}";
        var description = string.Concat(
            $"{MlEnergySource.Coverage}. The record's Energy/req (J) — the benchmark's GPU energy over {record.GpuCount} GPU(s) ",
            $"(TP {record.TensorParallel} × PP {record.PipelineParallel}) divided by the requests it served — stored as one nominal ",
            $"request lasting the amortised time per request, {F(record.OutputTokensPerRequest)} output tokens ÷ {F(record.TokensPerSecond)} tok/s = {F(seconds)} s. ",
            $"Record: Avg TPOT {F(record.TimePerOutputTokenSeconds)} s, Avg BS {F(record.AverageBatchRequests)} requests, Max BS {record.MaxBatchRequests}.");
        // The leaderboard gives the GPUs' total only: one sensor covering all of them, so device time counts each.
        var sensor = new Sensor("gpu", "zeus-gpu", device, SensorProvenance.Measured, description) { Devices = record.GpuCount };
        var commandLine = string.Concat(
            $"ml-energy/benchmark llm_text_generation task={file.Task} model={record.Model} gpu=\"{record.Gpu}\" ",
            $"tp={record.TensorParallel} pp={record.PipelineParallel} max_batch_size={record.MaxBatchRequests}");
        var name = $"mlenergy:{file.Task}/{file.ModelFolder}/{file.GpuFolder.Replace(' ', '-')}/{Path.GetFileNameWithoutExtension(file.RelativePath)}";
        var run = new NewRun(name, commandLine, $"ML.ENERGY benchmark machine, {device} (host name not published)",
            Path.GetDirectoryName(Path.GetFullPath(file.Path))!, 0, null,
            new InferenceMetadata(1, record.Model, parameters, null, file.Task));
        return new ImportedRun(run, MlEnergySource.NominalStartUtc, MlEnergySource.NominalStartUtc.AddSeconds(seconds), RunStatus.Complete, null,
            $"ML.ENERGY leaderboard v2, ml-energy/benchmark {MlEnergySource.Commit[..12]}: {MlEnergySource.DataFolder}/{file.RelativePath} (sha256 {sha256[..12]})",
            [sensor],
            [new ImportedSample("gpu", 0, 0), new ImportedSample("gpu", seconds, record.EnergyPerRequestJoules)]);
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
