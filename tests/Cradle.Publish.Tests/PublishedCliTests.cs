using System.Text.RegularExpressions;

namespace Cradle.Publish.Tests;

/// <summary>
/// The NativeAOT binary a user gets from the README's publish command prints what the framework-dependent build
/// prints: the example's text, its Monte Carlo JSON at a fixed seed, its HTML report (charts drawn by SkiaSharp), and
/// the commands that read CSV (CsvHelper) and write the SQLite run store. Both builds come from the same commit, so
/// even the provenance's tool version is the same and the outputs are compared byte for byte.
/// </summary>
[Collection(PublishedBuild.Name)]
public sealed partial class PublishedCliTests(PublishedCliFixture published)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public void Publish_is_NativeAOT_and_warns_only_of_CsvHelper()
    {
        published.AssertPublished();

        // NativeAOT: one native executable and the native libraries, no IL to JIT.
        Assert.False(File.Exists(Path.Combine(published.PublishDirectory, "cradle.dll")), "cradle.dll was published: not a NativeAOT build");
        Assert.True(File.Exists(Path.Combine(published.PublishDirectory, "libSkiaSharp.so")));

        // The one accepted warning is CsvHelper's (src/Cradle.Cli/Cradle.Cli.csproj says why); any other trim or AOT
        // warning is a regression.
        var warnings = WarningLine().Matches(published.Publish.Output + published.Publish.Error)
            .Select(m => m.Value.Trim())
            .Where(w => !w.Contains("warning IL2104: Assembly 'CsvHelper'", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Empty(warnings);
    }

    [Fact]
    public Task Assess_prints_the_same_text() => AssertSameAsync("assess", Repository.Example);

    [Fact]
    public Task Monte_Carlo_JSON_is_the_same() =>
        AssertSameAsync("assess", Repository.Example, "--mc", "2000", "--seed", "1", "--format", "json");

    [Fact]
    public async Task HTML_report_is_the_same()
    {
        published.AssertPublished();
        var reports = new List<string>();
        foreach (var (name, program, prefix) in Builds())
        {
            var path = Path.Combine(published.Scratch, name + ".html");
            var run = await ChildProcess.RunAsync(program, [.. prefix, "assess", Repository.Example, "--mc", "500", "--seed", "1", "--report", path], Limit);
            Assert.True(run.ExitCode == 0, $"{name}: exit {run.ExitCode}\n{run.Error}");
            reports.Add(await File.ReadAllTextAsync(path));
        }

        Assert.Contains("<svg", reports[0], StringComparison.Ordinal);
        Assert.Equal(reports[0], reports[1]);
    }

    [Fact]
    public Task Trends_JSON_is_the_same() =>
        AssertSameAsync("trends", "tests/data/epoch-notable-ai-models/notable_ai_models.csv", "--draws", "200", "--scenario", "shift:se", "--format", "json");

    [Fact]
    public async Task CodeCarbon_import_into_the_SQLite_store_is_the_same()
    {
        published.AssertPublished();
        var outputs = new List<string>();
        foreach (var (name, program, prefix) in Builds())
        {
            var store = Path.Combine(published.Scratch, name + ".db");
            var import = await ChildProcess.RunAsync(program,
                [.. prefix, "import", "codecarbon", "tests/data/codecarbon-emissions/v2.5.0_pideel-replication.csv", "--store", store], Limit);
            var list = await ChildProcess.RunAsync(program, [.. prefix, "runs", "list", "--store", store], Limit);
            Assert.True(import.ExitCode == 0 && list.ExitCode == 0, $"{name}: {import.Error}{list.Error}");

            // The store's path and the random part of each run id differ between the two runs, nothing else.
            outputs.Add(RunId().Replace((import.Output + list.Output).Replace(store, "STORE", StringComparison.Ordinal), "$1-ID"));
        }

        Assert.Contains("codecarbon", outputs[0], StringComparison.Ordinal);
        Assert.Equal(outputs[0], outputs[1]);
    }

    [Fact]
    public async Task Measure_finds_the_same_sensors()
    {
        // NVML is bound through NativeLibrary and unmanaged function pointers: the NativeAOT build must load (or fail
        // to find) the driver as the JIT build does. On a machine without an NVIDIA driver both say "not found" with
        // the same reason; with one, both measure. Either way the sensors' kinds, provenance and reasons agree.
        published.AssertPublished();
        var sensors = new List<string>();
        foreach (var (name, program, prefix) in Builds())
        {
            var store = Path.Combine(published.Scratch, name + "-measure.db");
            var run = await ChildProcess.RunAsync(program, [.. prefix, "measure", "--store", store, "--format", "json", "--", "true"], Limit);
            Assert.True(run.ExitCode == 0, $"{name}: exit {run.ExitCode}\n{run.Error}");
            using var json = System.Text.Json.JsonDocument.Parse(run.Output);
            sensors.Add(string.Join("\n", json.RootElement.GetProperty("sensors").EnumerateArray().Select(s =>
                // The id is left out: a modelled CPU sensor's id names the measured process (its pid).
                $"{s.GetProperty("kind").GetString()} {s.GetProperty("provenance").GetString()} {(s.TryGetProperty("reason", out var r) ? r.ToString() : "")}")));
        }

        Assert.Contains("nvml-gpu", sensors[0], StringComparison.Ordinal);
        Assert.Equal(sensors[0], sensors[1]);
    }

    private async Task AssertSameAsync(params string[] args)
    {
        published.AssertPublished();
        var runs = new List<ChildProcess.Run>();
        foreach (var (_, program, prefix) in Builds())
        {
            runs.Add(await ChildProcess.RunAsync(program, [.. prefix, .. args], Limit));
        }

        Assert.True(runs[0].ExitCode == 0, $"framework-dependent: exit {runs[0].ExitCode}\n{runs[0].Error}");
        Assert.Equal(runs[0].ExitCode, runs[1].ExitCode);
        Assert.Equal(runs[0].Output, runs[1].Output);
        Assert.Equal(runs[0].Error, runs[1].Error);
    }

    // The framework-dependent build (dotnet cradle.dll) first, then the published NativeAOT executable.
    private IEnumerable<(string Name, string Program, string[] Prefix)> Builds()
    {
        yield return ("framework-dependent", ChildProcess.Dotnet, [Repository.FrameworkDependentDll]);
        yield return ("nativeaot", published.Executable, []);
    }

    [GeneratedRegex(@"[^\n]*: warning [A-Z]+[0-9]+:[^\n]*")]
    private static partial Regex WarningLine();

    [GeneratedRegex(@"\b([0-9]{8}-[0-9]{6})-[0-9a-f]{6}\b")]
    private static partial Regex RunId();
}
