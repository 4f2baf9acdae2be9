using System.Text.Json;
using Cradle.Store;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// <c>cradle measure</c>: the request count a command writes to <c>CRADLE_REQUESTS_FILE</c>, and <c>-o FILE</c> for the
/// summary. Real child processes and a real run store.
/// </summary>
public sealed class MeasureRequestsAndOutputTests
{
    private static long? StoredRequests(string store) =>
        MeasureSupport.Read(store, s => Assert.Single(s.ListRuns(RunFilter.All)).Inference.Requests);

    [Fact]
    public async Task The_count_the_command_writes_becomes_the_runs_request_count()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        // The command writes a first count, then its final one (a long job may update it as it goes).
        var run = await CliRunner.ChildProcessAsync("measure", "--store", store, "-f", "json", "--",
            "sh", "-c", "echo 10 > \"$CRADLE_REQUESTS_FILE\"; printf ' 128\\n' > \"$CRADLE_REQUESTS_FILE\"");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(128, StoredRequests(store));
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal(128, doc.RootElement.GetProperty("requests").GetInt64());
        Assert.Equal("128 requests, as the command wrote to CRADLE_REQUESTS_FILE", doc.RootElement.GetProperty("requests_note").GetString());
    }

    [Fact]
    public async Task A_count_that_is_not_a_whole_number_is_ignored_with_a_warning()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var run = await CliRunner.ChildProcessAsync("measure", "--store", store, "--",
            "sh", "-c", "echo 12.5 > \"$CRADLE_REQUESTS_FILE\"");

        Assert.Equal(0, run.ExitCode);
        Assert.Null(StoredRequests(store));
        Assert.Contains("cradle: the command wrote '12.5' to CRADLE_REQUESTS_FILE, not a whole number of requests", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_given_on_the_command_line_win_and_a_different_count_is_noted()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var run = await CliRunner.ChildProcessAsync("measure", "--store", store, "--requests", "100", "--",
            "sh", "-c", "echo 90 > \"$CRADLE_REQUESTS_FILE\"");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(100, StoredRequests(store));
        Assert.Contains("requests: --requests 100 is used; the command wrote 90 to CRADLE_REQUESTS_FILE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_puts_the_json_summary_in_a_file_and_leaves_standard_output_to_the_command()
    {
        using var dir = new TempDirectory();
        var summary = dir.File("summary.json");
        var run = await CliRunner.ChildProcessAsync("measure", "--store", dir.File("runs.db"), "-f", "json", "-o", summary, "--",
            "echo", "the command's own output");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("the command's own output\n", run.Output);
        using var doc = JsonDocument.Parse(File.ReadAllText(summary));
        Assert.Equal("cradle.measurement/1", doc.RootElement.GetProperty("schema").GetString());
        Assert.Equal("complete", doc.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Output_naming_the_store_is_refused_before_anything_runs()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var marker = dir.File("ran");
        var run = await CliRunner.ChildProcessAsync("measure", "--store", store, "-o", store, "--", "touch", marker);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--output", run.Error, StringComparison.Ordinal);
        Assert.Contains("is the run store", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.False(File.Exists(store));
    }
}
