namespace Cradle.Import.MlEnergy;

/// <summary>
/// One record of the ML.ENERGY leaderboard v2 (2024-09): a model served on one GPU type with one parallelism and one
/// maximum batch size, as the record's ten keys give it. Checked when read: every figure is finite and above 0.
/// </summary>
/// <param name="Model">The Hugging Face id, e.g. "meta-llama/Meta-Llama-3.1-8B-Instruct" (key <c>Model</c>).</param>
/// <param name="Gpu">The GPU's NVML name, e.g. "NVIDIA H100 80GB HBM3" (key <c>GPU</c>).</param>
/// <param name="TensorParallel">Tensor-parallel degree, ≥ 1 (key <c>TP</c>).</param>
/// <param name="PipelineParallel">Pipeline-parallel degree, ≥ 1 (key <c>PP</c>).</param>
/// <param name="EnergyPerRequestJoules">GPU energy per request, J, &gt; 0 (key <c>Energy/req (J)</c>): the benchmark's
/// GPU energy over all TP × PP GPUs divided by the requests it served.</param>
/// <param name="TimePerOutputTokenSeconds">Average time per output token, s (key <c>Avg TPOT (s)</c>).</param>
/// <param name="TokensPerSecond">Output token throughput of the whole server, tokens/s (key <c>Token tput (tok/s)</c>).</param>
/// <param name="OutputTokensPerRequest">Average output tokens per request (key <c>Avg Output Tokens</c>).</param>
/// <param name="AverageBatchRequests">Average running batch, requests (key <c>Avg BS (reqs)</c>).</param>
/// <param name="MaxBatchRequests">Maximum batch size the server was configured with, requests, ≥ 1 (key <c>Max BS (reqs)</c>;
/// with PP 2 it is twice the file name's <c>bs</c>).</param>
public sealed record MlEnergyRecord(
    string Model,
    string Gpu,
    int TensorParallel,
    int PipelineParallel,
    double EnergyPerRequestJoules,
    double TimePerOutputTokenSeconds,
    double TokensPerSecond,
    double OutputTokensPerRequest,
    double AverageBatchRequests,
    int MaxBatchRequests)
{
    /// <summary>GPUs the model ran on: TP × PP.</summary>
    public int GpuCount => TensorParallel * PipelineParallel;

    /// <summary>
    /// Serving time per request amortised over the batch, s: output tokens per request ÷ token throughput (the
    /// server's request throughput is tokens/s ÷ tokens per request). The imported run's duration.
    /// </summary>
    public double SecondsPerRequest => OutputTokensPerRequest / TokensPerSecond;
}
