using Cradle.Measure.Procfs;
using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Tests;

public sealed class ProcessTreeTests
{
    [Fact]
    public void Stat_fields_are_counted_from_the_last_parenthesis()
    {
        // A command name with spaces and ')' must not shift the fields: ppid 7, 1 + 2 + 3 + 4 = 10 ticks.
        var stat = ProcessTree.ParseStat("42 (evil) (name) S 7 42 42 0 -1 0 0 0 0 0 1 2 3 4 20 0 1 0 5 6 7\n");
        Assert.Equal(7, stat.ParentPid);
        Assert.Equal(10UL, stat.Ticks);
    }

    [Fact]
    public void Garbage_stat_is_a_format_error() =>
        Assert.Throws<FormatException>(() => ProcessTree.ParseStat("not a stat line"));

    [Fact]
    public void Descendants_come_from_children_files()
    {
        using var proc = new FakeProc();
        proc.Process(100, 1, utime: 10, stime: 5, cutime: 3, cstime: 2, rssKib: 1000);
        proc.Process(101, 100, utime: 20, stime: 0, rssKib: 2000);
        proc.Process(102, 101, utime: 7, stime: 1);           // a zombie: no VmRSS
        proc.Process(200, 1, utime: 999, stime: 999, rssKib: 9999); // not in the tree
        proc.Children(100, 101);
        proc.Children(101, 102);

        var usage = new ProcessTree(proc.Root, FileSysfsReader.Instance).Read(100)!;

        // Ticks: (10+5+3+2) + 20 + (7+1) = 48; RSS: (1000 + 2000) KiB = 3 072 000 bytes.
        Assert.Equal(3, usage.ProcessCount);
        Assert.Equal(48UL, usage.CpuTicks);
        Assert.Equal(3_072_000UL, usage.ResidentBytes);
    }

    [Fact]
    public void Without_children_files_the_parents_are_scanned()
    {
        using var proc = new FakeProc();
        proc.Process(100, 1, utime: 10, stime: 5, rssKib: 4);
        proc.Process(101, 100, utime: 20, stime: 0, rssKib: 4);
        proc.Process(102, 101, utime: 7, stime: 1, rssKib: 4);
        proc.Process(200, 1, utime: 999, stime: 999, rssKib: 4);
        File.WriteAllText(Path.Combine(proc.Root, "uptime"), "1.0 1.0\n"); // non-pid entries are ignored

        var usage = new ProcessTree(proc.Root, FileSysfsReader.Instance).Read(100)!;

        // 15 + 20 + 8 = 43 ticks; 3 × 4 KiB.
        Assert.Equal(3, usage.ProcessCount);
        Assert.Equal(43UL, usage.CpuTicks);
        Assert.Equal(12_288UL, usage.ResidentBytes);
    }

    [Fact]
    public void A_missing_root_reads_as_gone()
    {
        using var proc = new FakeProc();
        Assert.Null(new ProcessTree(proc.Root, FileSysfsReader.Instance).Read(100));
    }

    [Fact]
    public void The_real_procfs_finds_this_process()
    {
        // Our own process has run code, so it has used at least one tick, and it has a resident size.
        var usage = new ProcessTree("/proc", FileSysfsReader.Instance).Read(Environment.ProcessId)!;
        Assert.True(usage.CpuTicks > 0);
        Assert.True(usage.ResidentBytes > 0);
    }
}
