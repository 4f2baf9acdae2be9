using Cradle.Syntax;

namespace Cradle.Studies.Definition;

/// <summary>
/// What an alternative (or the study as written) is shown to deliver against the functional unit's constraints
/// (<c>delivers:</c>): a measured benchmark score and a measured latency percentile, each with its source. The
/// functional unit states what the service must be; this states what the system was measured to give, so a comparison
/// can refuse an alternative that does not deliver the service (ISO 14044 4.2.3.2: alternatives fulfil the same function).
/// </summary>
/// <param name="Quality">The benchmark score, or null when none is stated.</param>
/// <param name="Latency">The latency at a percentile, or null when none is stated.</param>
public sealed record DeliveredService(DeliveredQuality? Quality, DeliveredLatency? Latency)
{
    /// <summary>Nothing stated.</summary>
    public static DeliveredService None { get; } = new(null, null);

    /// <summary>This service with each part <paramref name="over"/> states replacing this one's (an alternative over the study).</summary>
    public DeliveredService With(DeliveredService? over) =>
        over is null ? this : new DeliveredService(over.Quality ?? Quality, over.Latency ?? Latency);
}

/// <summary>A measured score on a named benchmark, e.g. GSM8K accuracy 0.74.</summary>
/// <param name="Benchmark">The benchmark, as written; must name the functional unit's benchmark.</param>
/// <param name="Metric">The metric, e.g. "accuracy", or null.</param>
/// <param name="Score">The score (a pure number), with its provenance and source.</param>
/// <param name="Value">The score as a number.</param>
/// <param name="Path">The field path, e.g. "alternatives.small.delivers.quality".</param>
public sealed record DeliveredQuality(string Benchmark, string? Metric, Datum Score, double Value, string Path);

/// <summary>A measured latency at a percentile, e.g. p95 1.4 s.</summary>
/// <param name="Percentile">The percentile, above 0 and at most 100.</param>
/// <param name="Latency">The latency (a time), with its provenance and source.</param>
/// <param name="Seconds">The latency in seconds.</param>
/// <param name="Path">The field path, e.g. "alternatives.small.delivers.latency".</param>
public sealed record DeliveredLatency(double Percentile, Datum Latency, double Seconds, string Path);

/// <summary>How benchmark names are matched: equal up to case and runs of white space ("GSM8K", "gsm8k").</summary>
public static class BenchmarkNames
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name the same benchmark.</summary>
    public static bool Same(string a, string b) => string.Equals(Collapse(a), Collapse(b), StringComparison.OrdinalIgnoreCase);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
