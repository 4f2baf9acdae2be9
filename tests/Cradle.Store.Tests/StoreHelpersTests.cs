using System.Diagnostics;

namespace Cradle.Store.Tests;

public sealed class StoreHelpersTests
{
    [Fact]
    public void On_linux_the_store_follows_xdg_data_home_when_absolute()
    {
        string? Env(string name) => name == "XDG_DATA_HOME" ? "/data/ada" : null;
        Assert.Equal("/data/ada/cradle/runs.db", RunStorePaths.DefaultDatabasePath(true, Env, "/home/ada", "/unused"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/dir")] // the XDG spec says to ignore relative paths
    public void On_linux_without_a_usable_xdg_data_home_the_store_is_under_local_share(string? xdg)
    {
        Assert.Equal("/home/ada/.local/share/cradle/runs.db",
            RunStorePaths.DefaultDatabasePath(true, _ => xdg, "/home/ada", "/unused"));
    }

    [Fact]
    public void Elsewhere_the_store_is_under_local_application_data()
    {
        Assert.Equal(Path.Combine("/appdata", "cradle", "runs.db"),
            RunStorePaths.DefaultDatabasePath(false, _ => "/data/ada", "/home/ada", "/appdata"));
    }

    [Fact]
    public void Run_ids_start_with_the_utc_second_and_sort_by_it()
    {
        var random = new Random(7);
        var early = RunIds.New(new DateTimeOffset(2026, 3, 14, 10, 15, 2, TimeSpan.FromHours(1)), random); // 09:15:02 UTC
        var late = RunIds.New(new DateTimeOffset(2026, 3, 14, 9, 15, 3, TimeSpan.Zero), random);
        Assert.Matches("^20260314-091502-[0-9a-f]{6}$", early);
        Assert.True(string.CompareOrdinal(early, late) < 0);
    }

    [Fact]
    public void This_process_is_alive_and_an_exited_child_is_not()
    {
        var liveness = SystemProcessLiveness.Instance;
        var self = Environment.ProcessId;
        var started = new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);
        Assert.True(liveness.IsAlive(self, started.AddMinutes(1)));

        using var child = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        child.WaitForExit();
        var childId = child.Id;
        child.Dispose(); // release the handle so the zombie is reaped and the id is gone
        Assert.False(liveness.IsAlive(childId, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void A_process_started_after_the_run_is_not_its_writer()
    {
        // This test process started long after 2000-01-01: its id cannot belong to a run started then (pid reuse).
        Assert.False(SystemProcessLiveness.Instance.IsAlive(Environment.ProcessId, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_stored_running_run_reads_as_interrupted_only_when_its_local_writer_is_gone()
    {
        var liveness = new FakeLiveness();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var run = new Run("id", null, "cmd", FakeLiveness.LocalHost, "/", start, null, RunStatus.Running, null, 7, null, InferenceMetadata.None);
        Assert.Equal(RunStatus.Interrupted, RunLiveness.AsRead(run, 1.5, liveness).Status);
        Assert.Equal(start.AddSeconds(1.5), RunLiveness.AsRead(run, 1.5, liveness).EndedUtc);
        Assert.Null(RunLiveness.AsRead(run, null, liveness).EndedUtc);
        liveness.Alive.Add(7);
        Assert.Same(run, RunLiveness.AsRead(run, 1.5, liveness));
        liveness.Alive.Clear();
        var complete = run with { Status = RunStatus.Complete };
        Assert.Same(complete, RunLiveness.AsRead(complete, 1.5, liveness));
    }
}
