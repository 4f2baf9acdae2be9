namespace Cradle.Cli.Rendering;

/// <summary>
/// A one-line progress bar on standard error, drawn only when standard error is a terminal (quiet when redirected, so
/// logs and pipes stay clean). Redraws at most every 100 ms and clears itself when done.
/// </summary>
internal sealed class TerminalProgress : IProgress<double>, IDisposable
{
    private readonly TextWriter _error;
    private readonly string _label;
    private readonly object _gate = new();
    private long _lastDraw;
    private bool _drawn;

    private TerminalProgress(TextWriter error, string label)
    {
        _error = error;
        _label = label;
    }

    /// <summary>A progress bar when <paramref name="error"/> is the console's standard error on a terminal, else null.</summary>
    public static TerminalProgress? ForConsole(TextWriter error, string label) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new TerminalProgress(error, label) : null;

    public void Report(double value)
    {
        lock (_gate)
        {
            var now = Environment.TickCount64;
            if (value < 1 && now - _lastDraw < 100)
            {
                return;
            }
            _lastDraw = now;
            var filled = (int)Math.Round(Math.Clamp(value, 0, 1) * 30);
            _error.Write($"\r{_label} [{new string('#', filled)}{new string('.', 30 - filled)}] {value * 100,3:0} %");
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                _error.Write($"\r{new string(' ', _label.Length + 40)}\r");
            }
        }
    }
}
