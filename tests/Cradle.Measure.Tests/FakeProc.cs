using System.Globalization;

namespace Cradle.Measure.Tests;

/// <summary>A procfs tree written into a temporary folder; deleted on dispose.</summary>
internal sealed class FakeProc : IDisposable
{
    public FakeProc()
    {
        Root = Path.Combine(Path.GetTempPath(), "cradle-proc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A process with its stat line (utime, stime, cutime, cstime in ticks) and VmRSS in kB.</summary>
    public void Process(int pid, int ppid, ulong utime, ulong stime, ulong cutime = 0, ulong cstime = 0,
        ulong? rssKib = null, string comm = "worker")
    {
        var dir = Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        // Fields 3–13 (state … cmajflt), then utime stime cutime cstime, then the rest of a real line.
        File.WriteAllText(Path.Combine(dir, "stat"),
            $"{pid} ({comm}) S {ppid} {pid} {pid} 0 -1 4194304 10 0 0 0 {utime} {stime} {cutime} {cstime} 20 0 1 0 123 4567 89\n");
        File.WriteAllText(Path.Combine(dir, "status"), rssKib is { } kib
            ? $"Name:\t{comm}\nState:\tS (sleeping)\nVmRSS:\t    {kib} kB\nThreads:\t1\n"
            : $"Name:\t{comm}\nState:\tZ (zombie)\nThreads:\t1\n");
    }

    /// <summary>The children file of the process's main thread, as CONFIG_PROC_CHILDREN provides it.</summary>
    public void Children(int pid, params int[] children)
    {
        var dir = Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture), "task", pid.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "children"), string.Concat(children.Select(c => c + " ")));
    }

    public void Remove(int pid) => Directory.Delete(Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture)), true);

    public void CpuInfo(string modelName) => File.WriteAllText(Path.Combine(Root, "cpuinfo"),
        $"processor\t: 0\nvendor_id\t: X\nmodel name\t: {modelName}\nflags\t\t: fpu\n\nprocessor\t: 1\nmodel name\t: {modelName}\n");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
