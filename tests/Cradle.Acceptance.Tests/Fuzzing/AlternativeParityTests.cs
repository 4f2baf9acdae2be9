using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Cradle.Acceptance.Tests.Fuzzing;

/// <summary>
/// A value written in the study and the same value set by an alternative are judged alike: refused in both (the
/// alternative's error names it) or accepted in both. Every field that generates a parameter is tried with values on
/// and beyond the edges of its range.
/// </summary>
public sealed partial class AlternativeParityTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>A line of <see cref="SeedStudies.Small"/>, the generated parameter it makes, and the unit of its value.</summary>
    private static readonly (string Line, string Parameter, string Unit)[] Fields =
    [
        ("    pue: 1.5", "sites.s.pue", ""),
        ("    wue: 0.25 L/kWh", "sites.s.wue", " L/kWh"),
        ("    lifespan: 2 year", "hardware.fleet.lifespan", " year"),
        ("    utilisation: 0.5", "hardware.fleet.utilisation", ""),
        ("    per_node: 4", "hardware.fleet.per_node", ""),
        ("    power: 400 W", "devices.gpu.power", " W"),
        ("      gwp100: 100 kg CO2e", "devices.gpu.embodied.gwp100", " kg CO2e"),
        ("      water: 2 L/kWh", "grids.g.per_kwh.water", " L/kWh"),
        ("    energy: 1000 kWh", "stages.pre_training.energy", " kWh"),
        ("    device_time: 2000 h", "stages.pre_training.device_time", " h"),
        ("    share: 0.5", "stages.experimentation.share", ""),
        ("  lifetime_requests: 1e6 request", "inference.lifetime_requests", " request"),
        ("  device_time_per_request: 1 s/request", "inference.device_time_per_request", " s/request"),
    ];

    private static readonly string[] Factors = ["-4", "-1", "0", "1e-300", "0.5", "0.99", "1", "1.5", "1e300"];

    private readonly string folder = Directory.CreateTempSubdirectory("cradle-parity-").FullName;

    [Fact]
    public async Task A_value_refused_in_the_study_is_refused_in_an_alternative_and_one_accepted_is_accepted()
    {
        var tally = new FuzzTally("base versus alternative");
        foreach (var (line, parameter, unit) in Fields)
        {
            foreach (var factor in Factors)
            {
                var value = factor + unit;
                var key = line[..(line.IndexOf(':', StringComparison.Ordinal) + 1)];
                Assert.Contains(line + "\n", SeedStudies.Small, StringComparison.Ordinal);
                var inBase = SeedStudies.Small.Replace(line + "\n", $"{key} {value}\n", StringComparison.Ordinal);
                var inAlternative = SeedStudies.Small.Replace("      grids.g.per_kwh.gwp100: 0.1 kg CO2e/kWh",
                    $"      grids.g.per_kwh.gwp100: 0.1 kg CO2e/kWh\n  probe:\n    description: one value changed\n    parameters:\n      {parameter}: {value}",
                    StringComparison.Ordinal);
                Assert.NotEqual(SeedStudies.Small, inAlternative);
                // The base study's own alternatives carry the value too, so only 'probe' differs between the two runs.
                var baseRun = await RunAsync("base.yaml", inBase);
                var alternativeRun = await RunAsync("alternative.yaml", inAlternative);
                tally.Count(baseRun.ExitCode, baseRun.Error);
                var what = $"{parameter} = {value}: in the study exit {baseRun.ExitCode}, in alternative 'probe' exit {alternativeRun.ExitCode}";
                if (baseRun.ExitCode != alternativeRun.ExitCode)
                {
                    tally.Fail($"{what}\nstudy: {baseRun.Error}\nalternative: {alternativeRun.Error}");
                }
                else if (alternativeRun.ExitCode == 1 && !ProbeNamed().IsMatch(alternativeRun.Error))
                {
                    tally.Fail($"{what}: the alternative's error does not name it\n{alternativeRun.Error}");
                }
            }
        }
        tally.Report(output);
    }

    private async Task<CliRunner.Run> RunAsync(string name, string text)
    {
        var file = Path.Combine(folder, name);
        await File.WriteAllTextAsync(file, text);
        return await CliRunner.InProcessAsync("assess", file);
    }

    [GeneratedRegex("alternative 'probe'")]
    private static partial Regex ProbeNamed();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
