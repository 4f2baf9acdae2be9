using System.Diagnostics;

namespace Cradle.ServeLoad;

/// <summary>How to start cradle: the built cradle.dll through <c>dotnet</c>, or a native (NativeAOT) executable.</summary>
internal sealed record CradleCommand(string Path)
{
    public ProcessStartInfo Start(params string[] args)
    {
        var dll = Path.EndsWith(".dll", StringComparison.Ordinal);
        var start = new ProcessStartInfo(dll ? "dotnet" : Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (dll)
        {
            start.ArgumentList.Add(Path);
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }
}
