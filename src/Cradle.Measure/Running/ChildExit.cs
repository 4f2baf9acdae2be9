namespace Cradle.Measure.Running;

/// <summary>How the measured command ended.</summary>
/// <param name="ExitCode">The status Cradle should exit with: the child's exit code, or 128 + N when signal N killed
/// it (the shell's convention), 0 to 255.</param>
/// <param name="Signal">The signal that killed the child, when <paramref name="ExitCode"/> is above 128; null
/// otherwise. A child that itself exits with 129 to 192 reads the same, as it does in a shell.</param>
public sealed record ChildExit(int ExitCode, int? Signal)
{
    /// <summary>Builds the record from the exit code .NET reports (it already applies 128 + N on Unix).</summary>
    internal static ChildExit FromExitCode(int exitCode) =>
        new(exitCode, OperatingSystem.IsWindows() || exitCode is <= 128 or > 128 + 64 ? null : exitCode - 128);
}
