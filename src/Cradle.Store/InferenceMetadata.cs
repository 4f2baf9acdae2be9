namespace Cradle.Store;

/// <summary>
/// What an inference benchmark served, recorded as given by the user; every field is null when not given (never 0).
/// </summary>
/// <param name="Requests">Number of requests the run served, ≥ 1; null when not counted.</param>
/// <param name="Model">The model's name as the user wrote it, e.g. "llama-3-8b"; null when not given.</param>
/// <param name="ParameterCount">The model's parameter count (a count, e.g. 7e9), &gt; 0; null when not given.</param>
/// <param name="Precision">Numeric precision, e.g. fp16, bf16, int8, int4; null when not given.</param>
/// <param name="Task">The task served, e.g. "text-generation"; null when not given.</param>
public sealed record InferenceMetadata(
    long? Requests = null,
    string? Model = null,
    double? ParameterCount = null,
    string? Precision = null,
    string? Task = null)
{
    /// <summary>Metadata with every field unknown.</summary>
    public static InferenceMetadata None { get; } = new();
}
