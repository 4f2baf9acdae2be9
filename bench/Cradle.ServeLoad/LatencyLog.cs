using System.Collections.Concurrent;
using System.Globalization;

namespace Cradle.ServeLoad;

/// <summary>Every request's latency by route, and the failures, collected from many readers at once.</summary>
internal sealed class LatencyLog
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> byRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> failures = [];

    public void Add(string route, double milliseconds) => byRoute.GetOrAdd(route, _ => []).Add(milliseconds);

    public void Fail(string route, string why) => failures.Add($"{route}: {why}");

    public IReadOnlyCollection<string> Failures => failures;

    /// <summary>A Markdown table: requests, p50, p99 and max per route and for all, and requests per second.</summary>
    public string Table(TimeSpan elapsed)
    {
        var lines = new List<string> { "| route | requests | p50 ms | p99 ms | max ms |", "|---|---:|---:|---:|---:|" };
        foreach (var (route, values) in byRoute.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            lines.Add(Row(route, [.. values]));
        }
        var all = byRoute.Values.SelectMany(v => v).ToArray();
        lines.Add(Row("all", all));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"\n{all.Length} requests in {elapsed.TotalSeconds:0.0} s: {all.Length / elapsed.TotalSeconds:0} requests/s; {failures.Count} failed."));
        return string.Join('\n', lines);
    }

    private static string Row(string route, double[] values)
    {
        Array.Sort(values);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {route} | {values.Length} | {Percentile(values, 0.50):0.0} | {Percentile(values, 0.99):0.0} | {(values.Length == 0 ? 0 : values[^1]):0.0} |");
    }

    // Nearest rank on sorted values: the smallest value with at least p of the values at or below it.
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
