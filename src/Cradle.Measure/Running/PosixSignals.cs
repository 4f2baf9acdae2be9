using System.Runtime.InteropServices;

namespace Cradle.Measure.Running;

/// <summary>The few libc calls .NET does not wrap: sending a signal, and the terminal's foreground process group.</summary>
internal static partial class PosixSignals
{
    /// <summary>The signal number of <paramref name="signal"/> (the same on Linux and macOS), or null.</summary>
    public static int? Number(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGTERM => 15,
        _ => null,
    };

    /// <summary>Sends signal <paramref name="number"/> to <paramref name="pid"/>; false when it could not (the
    /// process is gone, or not ours).</summary>
    public static bool Send(int pid, int number) => Kill(pid, number) == 0;

    /// <summary>The foreground process group of the terminal on standard input, or -1 when it is not a terminal.</summary>
    public static int TerminalForegroundGroup() => TcGetPgrp(0);

    /// <summary>The process group of <paramref name="pid"/>, or -1.</summary>
    public static int ProcessGroup(int pid) => GetPgid(pid);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "tcgetpgrp", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int TcGetPgrp(int fd);

    [LibraryImport("libc", EntryPoint = "getpgid", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int GetPgid(int pid);
}
