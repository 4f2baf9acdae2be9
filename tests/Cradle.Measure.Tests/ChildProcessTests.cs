using System.Runtime.InteropServices;
using Cradle.Measure.Running;

namespace Cradle.Measure.Tests;

/// <summary>
/// Real child processes (POSIX sh). One class, so xunit runs these one at a time: a signal sent to the test host must
/// reach only one child's forwarding. No wall-clock assertion; every wait is bounded by a token that fails the test.
/// </summary>
public sealed class ChildProcessTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cradle-child-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    public ChildProcessTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _timeout.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_exit_code_is_passed_through()
    {
        using var child = ChildProcess.Start("sh", ["-c", "exit 7"], forwardSignals: false);
        Assert.Equal(new ChildExit(7, null), await child.WaitForExitAsync(_timeout.Token));
    }

    [Fact]
    public async Task A_child_killed_by_a_signal_reports_128_plus_its_number()
    {
        using var child = ChildProcess.Start("sh", ["-c", "kill -KILL $$"], forwardSignals: false);
        Assert.Equal(new ChildExit(128 + 9, 9), await child.WaitForExitAsync(_timeout.Token));
    }

    [Fact]
    public async Task Arguments_arrive_as_given_without_a_shell()
    {
        var output = Path.Combine(_folder, "args");
        using var child = ChildProcess.Start("sh", ["-c", "printf '%s|' \"$@\" > \"$0\"", output, "a b", "$HOME", "*"],
            forwardSignals: false);
        await child.WaitForExitAsync(_timeout.Token);
        Assert.Equal("a b|$HOME|*|", await File.ReadAllTextAsync(output, _timeout.Token));
    }

    [Fact]
    public async Task The_child_inherits_standard_input_output_and_error()
    {
        // The child's descriptors 0, 1 and 2 are the very files the test host has open (a pipe, a terminal or
        // /dev/null): nothing was redirected. readlink's output goes through a pipe, which leaves the shell's own
        // descriptors as inherited (a redirection on a simple command may be applied in the shell itself).
        var output = Path.Combine(_folder, "fds");
        using var child = ChildProcess.Start("sh",
            ["-c", "readlink /proc/$$/fd/0 /proc/$$/fd/1 /proc/$$/fd/2 | cat > \"$0\"", output], forwardSignals: false);
        await child.WaitForExitAsync(_timeout.Token);

        var ours = Enumerable.Range(0, 3).Select(n => new FileInfo($"/proc/self/fd/{n}").LinkTarget);
        Assert.Equal(ours, (await File.ReadAllLinesAsync(output, _timeout.Token)).Select(l => (string?)l));
    }

    [Fact]
    public async Task The_pid_is_the_running_child()
    {
        var ready = Path.Combine(_folder, "ready");
        // Written aside and renamed into place: the redirection creates the file before echo fills it, and a test that
        // saw the empty file read "" (a race seen once in CI). A rename within a folder is atomic.
        using var child = ChildProcess.Start("sh", ["-c", "echo $$ > \"$0.tmp\" && mv \"$0.tmp\" \"$0\"; sleep 30", ready], forwardSignals: false);
        await WaitForFile(ready);
        Assert.Equal(child.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await File.ReadAllTextAsync(ready, _timeout.Token)).Trim());
    }

    [Fact]
    public async Task The_pid_feeds_the_process_tree_sensors()
    {
        // The shell and its background sleep: at least two processes, found through the real /proc.
        var ready = Path.Combine(_folder, "ready");
        using var child = ChildProcess.Start("sh", ["-c", "sleep 30 & touch \"$0\"; wait", ready], forwardSignals: false);
        await WaitForFile(ready);

        var usage = new Procfs.ProcessTree("/proc", Sysfs.FileSysfsReader.Instance).Read(child.Pid)!;
        Assert.True(usage.ProcessCount >= 2, $"{usage.ProcessCount} processes");
        Assert.True(usage.ResidentBytes > 0);
    }

    [Theory]
    [InlineData(PosixSignal.SIGTERM, "TERM", 42)]
    [InlineData(PosixSignal.SIGINT, "INT", 43)]
    public async Task A_forwarded_signal_reaches_the_child(PosixSignal signal, string name, int code)
    {
        using var child = StartTrapping(name, code, out var ready);
        await WaitForFile(ready);

        Assert.True(child.Forward(signal));
        Assert.Equal(new ChildExit(code, null), await child.WaitForExitAsync(_timeout.Token));
    }

    [Fact]
    public async Task A_sigterm_sent_to_cradle_is_forwarded_to_the_child_and_cradle_survives()
    {
        using var child = StartTrapping("TERM", 42, out var ready);
        await WaitForFile(ready);

        // SIGTERM to the test host itself: the registration cancels the default (ending the host) and forwards it.
        Assert.Equal(0, SendSignal(Environment.ProcessId, 15));

        Assert.Equal(new ChildExit(42, null), await child.WaitForExitAsync(_timeout.Token));
    }

    [Fact]
    public async Task Forwarding_to_a_child_that_has_ended_reports_false()
    {
        using var child = ChildProcess.Start("sh", ["-c", "exit 0"], forwardSignals: false);
        await child.WaitForExitAsync(_timeout.Token);
        Assert.False(child.Forward(PosixSignal.SIGTERM));
    }

    [Fact]
    public void A_missing_command_says_so()
    {
        var e = Assert.Throws<ChildStartException>(() => ChildProcess.Start("cradle-no-such-command", []));
        Assert.Contains("cradle-no-such-command", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Ctrl+C in the terminal already reached the child's group (7 = 7): not sent twice.
    [InlineData(PosixSignal.SIGINT, 7, 7, false)]
    // A SIGINT from kill while the child runs in another group, or with no terminal: sent on.
    [InlineData(PosixSignal.SIGINT, 8, 7, true)]
    [InlineData(PosixSignal.SIGINT, -1, 7, true)]
    // The terminal never sends SIGTERM: always sent on.
    [InlineData(PosixSignal.SIGTERM, 7, 7, true)]
    public void Sigint_from_the_terminal_is_not_sent_twice(PosixSignal signal, int foreground, int childGroup, bool forward) =>
        Assert.Equal(forward, ChildProcess.ShouldForward(signal, foreground, childGroup));

    /// <summary>A shell that exits with <paramref name="code"/> on the signal, once its trap is set (the ready file).</summary>
    private ChildProcess StartTrapping(string name, int code, out string ready)
    {
        ready = Path.Combine(_folder, "ready");
        // The background sleep keeps the shell waiting; the trap kills it so nothing outlives the test. env restores the
        // default disposition first: a test host started in the background of a non-interactive shell inherits SIGINT
        // ignored, and a shell cannot trap a signal ignored on entry (the child would then wait out its sleep).
        var script = $"trap 'kill $! 2>/dev/null; exit {code}' {name}; sleep 30 & touch \"$0\"; wait";
        return ChildProcess.Start("env", ["--default-signal=INT,TERM", "sh", "-c", script, ready]);
    }

    private async Task WaitForFile(string path)
    {
        while (!File.Exists(path))
        {
            await Task.Delay(10, _timeout.Token);
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // A test helper; LibraryImport would need the test project to allow unsafe code.
    private static extern int SendSignal(int pid, int signal);
#pragma warning restore SYSLIB1054
}
