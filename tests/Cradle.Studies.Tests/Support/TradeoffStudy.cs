using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Tests.Support;

/// <summary>
/// <see cref="TinyStudy"/> without embodied impacts, so each alternative's terms are one product each: with PUE 1.5 and
/// 0.5 kg CO2e/kWh, D = training energy × 0.75 kg and i = energy per request × 0.75 kg; water per IT kWh is
/// 0.25 + 1.5 × 2 = 3.25 L. Alternatives: 'trained-further' (3,000 kWh of training, 0.001 kWh/request), 'reasoning'
/// (1,000 kWh, 0.004 kWh/request), 'wasteful' (3,000 kWh, 0.004 kWh/request). The functional unit asks GSM8K accuracy
/// ≥ 0.7 and p95 latency ≤ 2 s; each alternative states what it delivers.
/// </summary>
internal static class TradeoffStudy
{
    public const string Alternatives = """

        alternatives:
          trained-further:
            parameters:
              train_energy: 3000 kWh
              request_energy: 0.001 kWh/request
            delivers:
              quality: {benchmark: GSM8K, metric: accuracy, value: 0.74, source: "eval run 12"}
              latency: {percentile: 95, value: 1.2 s, source: "load test 3"}
          reasoning:
            parameters:
              train_energy: 1000 kWh
              request_energy: 0.004 kWh/request
            delivers:
              quality: {benchmark: GSM8K, metric: accuracy, value: 0.78, source: "eval run 13"}
              latency: {percentile: 95, value: 1.9 s, source: "load test 4"}
          wasteful:
            parameters:
              train_energy: 3000 kWh
              request_energy: 0.004 kWh/request
            delivers:
              quality: {benchmark: GSM8K, metric: accuracy, value: 0.75, source: "eval run 14"}
              latency: {percentile: 95, value: 1.5 s, source: "load test 5"}
        """;

    /// <summary>The study text, with <paramref name="pue"/> written for the site and <paramref name="alternatives"/> at the end.</summary>
    public static string Text(string alternatives = Alternatives, string pue = "1.5") =>
        TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  train_energy: 1000 kWh\n  request_energy: 0.002 kWh/request\n")
            .Replace("  description: one answered request\n", "  description: one answered request\n  quality: {benchmark: GSM8K, metric: accuracy, min: 0.7}\n  latency: {percentile: 95, max: 2 s}\n", StringComparison.Ordinal)
            .Replace("included: [pre-training, inference, hardware-manufacture]", "included: [pre-training, inference]\n  excluded:\n    hardware-manufacture: not needed for the trade-off arithmetic", StringComparison.Ordinal)
            .Replace("    energy: 1000 kWh", "    energy: train_energy", StringComparison.Ordinal)
            .Replace("energy_per_request: 0.002 kWh/request", "energy_per_request: request_energy", StringComparison.Ordinal)
            .Replace("    pue: 1.5", $"    pue: {pue}", StringComparison.Ordinal)
            + alternatives;

    /// <summary>The compiled alternatives, labelled by id.</summary>
    public static List<(string Label, CompiledStudy Compiled)> Compile(string text)
    {
        var (_, compiled, _) = StudyAssessor.Compile(text, TinyStudy.File, [], null);
        return [.. compiled.Select(c => (c.Alternative?.Id ?? "as written", c))];
    }
}
