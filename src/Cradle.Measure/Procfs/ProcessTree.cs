using System.Globalization;
using Cradle.Measure.Sysfs;

namespace Cradle.Measure.Procfs;

/// <summary>
/// Finds a process's descendants and sums their CPU time and resident memory from a procfs tree under an injected root
/// (<c>/proc</c> on a real host). Children come from <c>&lt;root&gt;/&lt;pid&gt;/task/*/children</c> where the kernel
/// provides it (CONFIG_PROC_CHILDREN), else from scanning every <c>&lt;root&gt;/&lt;pid&gt;/stat</c> for its parent pid.
/// </summary>
public sealed class ProcessTree
{
    private readonly string _root;
    private readonly ISysfsReader _reader;

    /// <summary>Creates a reader over the procfs tree at <paramref name="procRoot"/>.</summary>
    /// <param name="procRoot">The procfs mount, e.g. <c>/proc</c>, or a fake tree in tests.</param>
    /// <param name="reader">File reader.</param>
    public ProcessTree(string procRoot, ISysfsReader reader)
    {
        _root = procRoot ?? throw new ArgumentNullException(nameof(procRoot));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
    }

    /// <summary>The usage of <paramref name="rootPid"/> and its live descendants, or null when the root is gone.</summary>
    /// <exception cref="UnauthorizedAccessException">The root's stat file cannot be read.</exception>
    /// <exception cref="FormatException">The root's stat file is not in the kernel's format.</exception>
    public ProcessTreeUsage? Read(int rootPid)
    {
        var rootStat = TryReadStat(rootPid, required: true);
        if (rootStat is null)
        {
            return null;
        }

        var members = new List<(int Pid, ProcStat Stat)> { (rootPid, rootStat.Value) };
        var scanned = UsesChildrenFiles(rootPid) ? null : ScanParents();
        var seen = new HashSet<int> { rootPid };
        for (var i = 0; i < members.Count; i++)
        {
            foreach (var child in scanned is null ? ChildrenFromFiles(members[i].Pid) : ChildrenFromScan(scanned, members[i].Pid))
            {
                // A pid seen twice (a race while the tree changes) is counted once.
                if (seen.Add(child) && TryReadStat(child, required: false) is { } stat)
                {
                    members.Add((child, stat));
                }
            }
        }

        ulong ticks = 0;
        ulong? residentBytes = null;
        foreach (var (pid, stat) in members)
        {
            ticks += stat.Ticks;
            if (TryReadResidentBytes(pid) is { } bytes)
            {
                residentBytes = (residentBytes ?? 0) + bytes;
            }
        }

        return new ProcessTreeUsage(members.Count, ticks, residentBytes) { Pids = [.. members.Select(m => m.Pid)] };
    }

    /// <summary>Parses a <c>/proc/&lt;pid&gt;/stat</c> line: the parent pid and utime + stime + cutime + cstime.</summary>
    /// <exception cref="FormatException">The text is not in the kernel's format.</exception>
    internal static ProcStat ParseStat(string text)
    {
        // The command name (field 2) is in parentheses and may itself hold spaces and ')', so fields are counted from
        // the last ')'. After it: state (3), ppid (4), … utime (14), stime (15), cutime (16), cstime (17).
        var close = text.LastIndexOf(')');
        var fields = close < 0 ? [] : text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 15
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid))
        {
            throw new FormatException($"not a /proc/<pid>/stat line: '{text.Trim()}'");
        }

        ulong ticks = 0;
        for (var field = 14; field <= 17; field++)
        {
            // cutime and cstime are signed in the kernel's format but never negative.
            if (!ulong.TryParse(fields[field - 3], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"field {field} of a /proc/<pid>/stat line is '{fields[field - 3]}', not a tick count");
            }

            ticks += value;
        }

        return new ProcStat(ppid, ticks);
    }

    private ProcStat? TryReadStat(int pid, bool required)
    {
        var path = Path.Combine(_root, pid.ToString(CultureInfo.InvariantCulture), "stat");
        try
        {
            return ParseStat(_reader.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException && !required)
        {
            // A descendant that exits between listing and reading, or that is unreadable, is left out of this read.
            return null;
        }
        catch (IOException) when (required)
        {
            return null;
        }
    }

    private ulong? TryReadResidentBytes(int pid)
    {
        var path = Path.Combine(_root, pid.ToString(CultureInfo.InvariantCulture), "status");
        string text;
        try
        {
            text = _reader.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        foreach (var line in text.Split('\n'))
        {
            // "VmRSS:	    1234 kB" (the kernel writes kB meaning KiB).
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var parts = line["VmRSS:".Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && parts[1] == "kB"
                    && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
                {
                    return kib * 1024;
                }
            }
        }

        return null;
    }

    private bool UsesChildrenFiles(int rootPid) =>
        File.Exists(Path.Combine(_root, rootPid.ToString(CultureInfo.InvariantCulture), "task",
            rootPid.ToString(CultureInfo.InvariantCulture), "children"));

    private IEnumerable<int> ChildrenFromFiles(int pid)
    {
        var tasks = Path.Combine(_root, pid.ToString(CultureInfo.InvariantCulture), "task");
        string[] taskDirectories;
        try
        {
            taskDirectories = Directory.GetDirectories(tasks);
        }
        catch (IOException)
        {
            yield break;
        }

        foreach (var task in taskDirectories)
        {
            // Each thread lists the children it forked, so the process's children are the union over its threads.
            var text = SysfsText.TryReadLine(_reader, Path.Combine(task, "children")) ?? "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var child))
                {
                    yield return child;
                }
            }
        }
    }

    private Dictionary<int, List<int>> ScanParents()
    {
        var byParent = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories(_root))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && TryReadStat(pid, required: false) is { } stat)
            {
                if (!byParent.TryGetValue(stat.ParentPid, out var children))
                {
                    byParent[stat.ParentPid] = children = [];
                }

                children.Add(pid);
            }
        }

        return byParent;
    }

    private static List<int> ChildrenFromScan(Dictionary<int, List<int>> byParent, int pid) =>
        byParent.TryGetValue(pid, out var children) ? children : [];
}

/// <summary>The fields of one stat line the tree needs.</summary>
/// <param name="ParentPid">Parent process id.</param>
/// <param name="Ticks">utime + stime + cutime + cstime, in clock ticks.</param>
internal readonly record struct ProcStat(int ParentPid, ulong Ticks);
