using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Cradle.Server.Tests;

/// <summary>One sample of a parsed exposition: its name (with _total, _bucket, _count…), labels and value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>Whether every label given has that value.</summary>
    public bool Has(params (string Label, string Value)[] labels) =>
        labels.All(l => Labels.TryGetValue(l.Label, out var v) && v == l.Value);
}

/// <summary>
/// Parses a /metrics body with Prometheus' own text-format parser (Debian's python3-prometheus-client, installed by
/// test.sh), so a body Prometheus could not read fails the test. Used by the server's and <c>cradle measure</c>'s tests.
/// </summary>
internal static class PrometheusText
{
    // Values go out as repr() text: exact for every double, and inf/nan survive (JSON has no number for them).
    private const string Script = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        out = []
        for family in text_string_to_metric_families(sys.stdin.read()):
            for s in family.samples:
                out.append({"name": s.name, "labels": s.labels, "value": repr(float(s.value))})
        print(json.dumps(out))
        """;

    /// <summary>The samples of <paramref name="body"/>; throws when the parser refuses it.</summary>
    public static IReadOnlyList<PrometheusSample> Parse(string body)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        using var python = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/python3 did not start");
        var output = python.StandardOutput.ReadToEndAsync();
        var error = python.StandardError.ReadToEndAsync();
        python.StandardInput.Write(body);
        python.StandardInput.Close();
        python.WaitForExit();
        if (python.ExitCode != 0)
        {
            var why = error.Result;
            throw new InvalidOperationException(why.Contains("No module named 'prometheus_client'", StringComparison.Ordinal)
                ? "The /metrics tests need Prometheus' text-format parser: 'apt-get install python3-prometheus-client' (test.sh installs it)."
                : $"The Prometheus text-format parser refused the body: {why}\n--- body ---\n{body}");
        }
        using var json = JsonDocument.Parse(output.Result);
        return [.. json.RootElement.EnumerateArray().Select(s => new PrometheusSample(
            s.GetProperty("name").GetString()!,
            s.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
            Number(s.GetProperty("value").GetString()!)))];
    }

    private static double Number(string repr) => repr switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" => double.NaN,
        _ => double.Parse(repr, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
