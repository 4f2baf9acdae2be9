using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Cradle.Acceptance.Tests.Fuzzing;

/// <summary>
/// Hand-edited results files given to <c>cradle report</c>: every format exits 0, 1 or 2 without a stack trace,
/// and a refused file is named in the message with the place in it: a JSON path ($.alternatives[0]…) or a line and column.
/// </summary>
public sealed partial class ResultsFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Formats = ["md", "csv", "model-card", "html"];

    private readonly string folder = Directory.CreateTempSubdirectory("cradle-fuzz-results-").FullName;

    [Fact]
    public async Task Mutated_results_files_exit_cleanly_and_name_the_file()
    {
        var seeds = new List<string>();
        foreach (var (study, extra) in new[] { (Repository.Example, new[] { "--mc", "200" }), (await WriteAsync("small.yaml", SeedStudies.Small), []) })
        {
            var json = Path.Combine(folder, "seed.json");
            var made = await CliRunner.InProcessAsync(["assess", study, "--format", "json", "-o", json, "--threads", "1", .. extra]);
            Assert.True(made.ExitCode == 0, made.Error);
            seeds.Add(await File.ReadAllTextAsync(json));
        }

        var tally = new FuzzTally("mutated results files");
        var cases = FuzzSettings.Cases(160);
        for (var i = 0; i < cases; i++)
        {
            var random = new Random(FuzzSettings.Seed + i);
            var (json, mutation) = new ResultsMutator(random).Mutate(seeds[random.Next(seeds.Count)]);
            var file = await WriteAsync(string.Create(CultureInfo.InvariantCulture, $"case-{i}.json"), json);
            // HTML draws charts, the slowest format: one case in eight.
            var format = random.Next(8) == 0 ? "html" : Formats[random.Next(Formats.Length - 1)];
            var run = await CliRunner.InProcessAsync("report", file, "--format", format, "-o", Path.Combine(folder, "out." + format));
            tally.Count(run.ExitCode, run.Error);
            foreach (var rule in ExitRules.Broken(run, file).Where(r => !r.StartsWith("an input error that does not name the file and a line", StringComparison.Ordinal)))
            {
                tally.Fail($"case {i} ({mutation}) report --format {format} broke the rule: {rule}\nexit {run.ExitCode}; stderr: {run.Error}");
            }
            if (run.ExitCode == 1 && !(run.Error.Contains(file, StringComparison.Ordinal) && JsonPlace().IsMatch(run.Error)))
            {
                tally.Fail($"case {i} ({mutation}) report --format {format}: the refusal does not name the file and the place in it\nstderr: {run.Error}");
            }
        }
        tally.Report(output);
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [GeneratedRegex(@"\$[.\[]|line \d+, column \d+")]
    private static partial Regex JsonPlace();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
