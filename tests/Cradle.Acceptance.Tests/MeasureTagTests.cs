using System.Text.Json;
using Cradle.Store;

namespace Cradle.Acceptance.Tests;

/// <summary><c>cradle measure --tag</c> records the run's tags; <c>cradle runs list --tag</c> filters by one.</summary>
public sealed class MeasureTagTests
{
    [Fact]
    public async Task Tags_given_to_measure_are_stored_in_order_and_filter_the_list()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var tagged = await CliRunner.ChildProcessAsync("measure", "--store", store, "--tag", "baseline", "--tag", "team=nlp", "--", "true");
        var plain = await CliRunner.ChildProcessAsync("measure", "--store", store, "--", "true");
        Assert.Equal(0, tagged.ExitCode);
        Assert.Equal(0, plain.ExitCode);

        var stored = MeasureSupport.Read(store, s => s.ListRuns(new RunFilter(Tag: "team=nlp")));
        Assert.Equal(["baseline", "team=nlp"], Assert.Single(stored).Tags);

        var list = await CliRunner.ChildProcessAsync("runs", "list", "--store", store, "--tag", "baseline", "--format", "json");
        Assert.Equal(0, list.ExitCode);
        using var doc = JsonDocument.Parse(list.Output);
        var run = Assert.Single(doc.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal(stored[0].Id, run.GetProperty("id").GetString());
        Assert.Equal(["baseline", "team=nlp"], run.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_tag_with_a_comma_is_refused_and_nothing_is_run()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var run = await CliRunner.ChildProcessAsync("measure", "--store", store, "--tag", "a,b", "--", "true");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--tag", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was run", run.Error, StringComparison.Ordinal);
    }
}
