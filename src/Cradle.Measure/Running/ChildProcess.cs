using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Cradle.Measure.Running;

/// <summary>
/// The measured command, run as a child with Cradle's standard input, output and error (inherited, not redirected, so
/// a terminal stays a terminal). While it runs, SIGINT and SIGTERM sent to Cradle are passed to the child instead of
/// ending Cradle, so that Cradle lives to record the end of the run. A SIGINT that the terminal (Ctrl+C) already sent
/// to the child's process group is not sent a second time.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<PosixSignalRegistration> _registrations = [];

    private ChildProcess(Process process) => _process = process;

    /// <summary>The child's process id, for the process-tree sensors.</summary>
    public int Pid => _process.Id;

    /// <summary>Starts <paramref name="command"/> with <paramref name="arguments"/> (passed as they are, no shell).</summary>
    /// <param name="command">A program name (looked up on PATH) or path.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="forwardSignals">Whether SIGINT and SIGTERM received by this process go to the child while it runs.</param>
    /// <param name="environment">Variables set for the child on top of this process's environment; null for none.</param>
    /// <exception cref="ChildStartException">The command cannot be started; the message says why.</exception>
    public static ChildProcess Start(
        string command, IReadOnlyList<string> arguments, bool forwardSignals = true, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(command) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new ChildStartException($"cannot start '{command}'");
        }
        catch (Win32Exception e)
        {
            throw new ChildStartException($"cannot start '{command}': {e.Message}", e);
        }

        var child = new ChildProcess(process);
        if (forwardSignals)
        {
            child.RegisterForwarding();
        }

        return child;
    }

    /// <summary>Sends <paramref name="signal"/> to the child (SIGINT, SIGTERM, SIGQUIT or SIGHUP).</summary>
    /// <returns>False when the child has already gone or the platform cannot send signals (Windows).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Another signal.</exception>
    public bool Forward(PosixSignal signal)
    {
        var number = PosixSignals.Number(signal)
                     ?? throw new ArgumentOutOfRangeException(nameof(signal), signal, "only SIGINT, SIGTERM, SIGQUIT and SIGHUP are forwarded");
        return !OperatingSystem.IsWindows() && !_process.HasExited && PosixSignals.Send(Pid, number);
    }

    /// <summary>Waits for the child to end.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first; the
    /// child keeps running.</exception>
    public async Task<ChildExit> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return ChildExit.FromExitCode(_process.ExitCode);
    }

    /// <summary>Stops forwarding signals; a child still running is killed with its descendants.</summary>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }

        _process.Dispose();
    }

    /// <summary>
    /// Whether a signal Cradle received should be sent on. A terminal's Ctrl+C reaches every process of the foreground
    /// group, the child included, so it is not sent twice; a SIGINT from elsewhere (kill, a scheduler), and every
    /// SIGTERM, reached Cradle alone.
    /// </summary>
    internal static bool ShouldForward(PosixSignal signal, int terminalForegroundGroup, int childGroup) =>
        signal != PosixSignal.SIGINT || terminalForegroundGroup < 0 || terminalForegroundGroup != childGroup;

    private void RegisterForwarding()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Cradle stays alive until the child has ended, to record the end of the run.
                context.Cancel = true;
                if (!OperatingSystem.IsWindows()
                    && ShouldForward(signal, PosixSignals.TerminalForegroundGroup(), PosixSignals.ProcessGroup(Pid)))
                {
                    Forward(signal);
                }
            }));
        }
    }
}
