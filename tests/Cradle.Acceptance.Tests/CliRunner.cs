using System.Diagnostics;
using Cradle.Cli;

namespace Cradle.Acceptance.Tests;

/// <summary>Runs the CLI in-process with captured output, or as a real child process.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static async Task<Run> InProcessAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CradleApp.RunAsync(args, output, error);
        return new Run(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built cradle.dll with `dotnet`, as a user would run the installed tool.</summary>
    public static async Task<Run> ChildProcessAsync(params string[] args)
    {
        var dll = typeof(CradleApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await error);
    }
}
