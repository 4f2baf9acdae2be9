using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cradle.Cli;
using Cradle.Store;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// The crash test of issue 9: the cradle process is killed with SIGKILL mid-run; the run is then listed as interrupted
/// and keeps the samples flushed before the kill.
/// </summary>
public sealed class MeasureCrashTests
{
    [Fact]
    public async Task A_killed_measurement_reads_as_interrupted_with_its_flushed_samples()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(CradleApp).Assembly.Location, "measure", "--store", store, "--", "sleep", "30" })
        {
            start.ArgumentList.Add(arg);
        }

        using var cradle = Process.Start(start)!;
        var stdout = cradle.StandardOutput.ReadToEndAsync();
        var stderr = cradle.StandardError.ReadToEndAsync();
        var children = new List<int>();
        try
        {
            // Bounded wait (not a timing assertion): until the store holds the run with at least one flushed batch.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var (runId, flushed) = await WaitForFlushAsync(store, cradle, stderr, patience.Token);
            children.AddRange(Children(cradle.Id));
            Assert.NotEmpty(children); // the sleep command

            cradle.Kill(entireProcessTree: false); // SIGKILL to cradle alone: no chance to finish the run
            await cradle.WaitForExitAsync(patience.Token);
            await stdout;
            await stderr;

            var list = await CliRunner.ChildProcessAsync("runs", "list", "--store", store, "--format", "json");
            Assert.Equal(0, list.ExitCode);
            using var json = JsonDocument.Parse(list.Output);
            var run = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray().ToList());
            Assert.Equal(runId, run.GetProperty("id").GetString());
            Assert.Equal("interrupted", run.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, run.GetProperty("exit_code").ValueKind);
            var kept = MeasureSupport.Read(store, s =>
            {
                Assert.Equal(RunStatus.Interrupted, s.FindRun(runId)!.Status);
                return s.GetSamples(runId).Count;
            });
            // Everything flushed before the kill is still there (a batch may have landed between the poll and the kill).
            Assert.True(kept >= flushed, $"{kept} samples kept, {flushed} seen flushed before the kill");
        }
        finally
        {
            if (!cradle.HasExited)
            {
                cradle.Kill(entireProcessTree: true);
            }

            foreach (var pid in children)
            {
                try
                {
                    using var child = Process.GetProcessById(pid);
                    child.Kill();
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
            }
        }
    }

    private static async Task<(string RunId, int Samples)> WaitForFlushAsync(string store, Process cradle, Task<string> stderr, CancellationToken cancel)
    {
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            if (cradle.HasExited)
            {
                // Say why instead of waiting out the patience: cradle must still be measuring when it is killed.
                Assert.Fail($"cradle measure exited with {cradle.ExitCode} before its first flush: {await stderr}");
            }

            if (File.Exists(store))
            {
                try
                {
                    var found = MeasureSupport.Read(store, s =>
                    {
                        var run = s.ListRuns(RunFilter.All).SingleOrDefault();
                        return run is null ? ((string, int)?)null : (run.Id, s.GetSamples(run.Id).Count);
                    });
                    if (found is { Item2: > 0 } seen)
                    {
                        return seen;
                    }
                }
                catch (StoreException)
                {
                    // The writer is still creating the store; look again.
                }
            }

            await Task.Delay(100, cancel);
        }
    }

    /// <summary>The child process ids of <paramref name="pid"/>, from every thread's /proc children list.</summary>
    private static List<int> Children(int pid) =>
        Directory.EnumerateDirectories($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/task")
            .Select(task => Path.Combine(task, "children"))
            .Where(File.Exists)
            .SelectMany(f => File.ReadAllText(f).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
}
