using System.Globalization;
using Xunit.Abstractions;

namespace Cradle.Acceptance.Tests.Fuzzing;

/// <summary>
/// Mutated studies through every command that reads one: whatever the damage, Cradle exits 0, 1 or 2, never with a
/// stack trace, and an input error names its place (<see cref="ExitRules"/>). Each case is rebuilt from
/// (seed + case number), so a failure message is enough to replay it. The default run is a few hundred cases;
/// <c>scripts/fuzz.sh 10000</c> runs the long one.
/// </summary>
public sealed class StudyFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cradle-fuzz-").FullName;

    [Fact]
    public async Task Mutated_studies_exit_cleanly_and_name_the_place_of_every_input_error()
    {
        var seeds = new[] { ("example", await File.ReadAllTextAsync(Repository.Example)), ("small", SeedStudies.Small), ("modelled", SeedStudies.Modelled) };
        var tally = new FuzzTally("mutated studies");
        var cases = FuzzSettings.Cases(500);
        for (var i = 0; i < cases; i++)
        {
            var random = new Random(FuzzSettings.Seed + i);
            var (seedName, seedText) = seeds[random.Next(seeds.Length)];
            var (text, mutation) = new StudyMutator(random).Mutate(seedText);
            var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"case-{i}.yaml"));
            await File.WriteAllTextAsync(file, text);
            var args = CommandFor(random, file);
            var run = await CliRunner.InProcessAsync(args);
            tally.Count(run.ExitCode, run.Error);
            foreach (var rule in ExitRules.Broken(run, file))
            {
                tally.Fail($"case {i} ({seedName}: {mutation}) `cradle {string.Join(' ', args.Select(a => a.Replace(folder, "$TMP", StringComparison.Ordinal)))}` broke the rule: {rule}\n"
                    + $"exit {run.ExitCode}; stderr: {Shorten(run.Error)}");
            }
            File.Delete(file);
        }
        tally.Report(output);
    }

    [Theory]
    [InlineData("small")]
    [InlineData("modelled")]
    public async Task The_seed_studies_are_valid_so_that_mutations_start_from_a_working_study(string name)
    {
        var file = Path.Combine(folder, name + ".yaml");
        await File.WriteAllTextAsync(file, name == "small" ? SeedStudies.Small : SeedStudies.Modelled);
        var run = await CliRunner.InProcessAsync("assess", file);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    /// <summary>Mostly assess; now and then with --mc, JSON output, or one of the interpretation commands.</summary>
    private string[] CommandFor(Random random, string file) => random.Next(20) switch
    {
        < 12 => ["assess", file],
        < 14 => ["assess", file, "--format", "json", "-o", Path.Combine(folder, "results.json")],
        < 16 => ["assess", file, "--mc", "64", "--seed", random.Next(1000).ToString(CultureInfo.InvariantCulture), "--threads", "1"],
        16 => ["compare", file, "--mc", "64", "--threads", "1"],
        17 => ["sensitivity", file, "--samples", "64", "--bootstrap", "10"],
        18 => ["breakeven", file, "--mc", "64", "--threads", "1"],
        _ => ["assess", file, "--report", Path.Combine(folder, "report.md")],
    };

    private static string Shorten(string text) => StudyMutator.Escape(text.Length <= 1200 ? text : text[..1200] + "…");

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
