using Cradle.Store;

namespace Cradle.Import.MlEnergy;

/// <summary>
/// One row of the 2023 (v1) leaderboard: a model answering one task's prompts on one GPU type, as
/// <c>&lt;GPU&gt;_&lt;task&gt;_benchmark.csv</c> gives it (ml-energy/benchmark <c>data/legacy/</c>).
/// </summary>
/// <param name="RelativePath">The file under the source's data/legacy/, e.g. "A100_chat_benchmark.csv".</param>
/// <param name="Line">The row's 1-based line in the file.</param>
/// <param name="Gpu">The GPU as the file name gives it: "A100", "A40" or "V100" (no memory size, no count).</param>
/// <param name="Task">The task as the file name gives it: chat, chat-concise, instruct, instruct-concise.</param>
/// <param name="Model">The model id (column <c>model</c>; the key of models.json).</param>
/// <param name="TokensPerSecond">Column <c>throughput</c>, tokens/s.</param>
/// <param name="ResponseTokens">Column <c>response_length</c>, tokens per response.</param>
/// <param name="LatencySeconds">Column <c>latency</c>, s per response.</param>
/// <param name="EnergyPerResponseJoules">Column <c>energy</c>, GPU energy per response, J.</param>
/// <param name="Parameters">The model's parameter count from models.json; null when it lacks the model.</param>
/// <param name="Run">The run to store.</param>
public sealed record MlEnergyLegacyRow(
    string RelativePath, int Line, string Gpu, string Task, string Model, double TokensPerSecond, double ResponseTokens,
    double LatencySeconds, double EnergyPerResponseJoules, double? Parameters, ImportedRun Run);
