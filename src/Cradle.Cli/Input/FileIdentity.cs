using System.Runtime.InteropServices;

namespace Cradle.Cli.Input;

/// <summary>
/// Which file a path names, so that two paths can be found to name the same file: by device and inode where the file
/// exists (which sees through symbolic links anywhere in the path, and through hard links), and otherwise by the full
/// path with every symbolic link in it resolved.
/// </summary>
internal sealed partial class FileIdentity
{
    // As in FileType.cs: larger than the runtime shim's status record, so a later runtime adding fields at the end
    // cannot write past the buffer.
    private const int StatusBytes = 512;

    // The shim's FileStatus record (.NET 8 to 10): int Flags, int Mode, uint Uid, uint Gid, long Size, then six longs of
    // times (access, modification, status change, each with nanoseconds), two of birth time, then long Dev, long RDev,
    // long Ino. Dev is therefore at 4 × 4 + 8 × 9 = 88 and Ino at 104; FileIdentityTests checks both against stat(1).
    private const int DeviceOffset = 88;
    private const int InodeOffset = 104;

    // Symbolic links followed while resolving one path before giving up on a loop (Linux's own limit is 40).
    private const int MaxLinks = 40;

    private FileIdentity(string path, (long Device, long Inode)? node)
    {
        Path = path;
        Node = node;
    }

    /// <summary>The full path with every symbolic link in it resolved, as far as it exists.</summary>
    public string Path { get; }

    /// <summary>The device and inode, where the file exists and the runtime's stat shim is available.</summary>
    public (long Device, long Inode)? Node { get; }

    /// <summary>The identity of the file <paramref name="path"/> names (which need not exist).</summary>
    public static FileIdentity Of(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        return new FileIdentity(Resolve(full, 0), NodeOf(full));
    }

    /// <summary>
    /// Whether this and <paramref name="other"/> are the same file: compared by device and inode when both are known
    /// (both files exist), and otherwise by resolved path, ignoring case where file systems usually ignore it.
    /// </summary>
    public bool SameAs(FileIdentity other) =>
        Node is { } node && other.Node is { } otherNode
            ? node == otherNode
            : string.Equals(Path, other.Path, PathComparison);

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The device and inode of <paramref name="path"/>, following symbolic links; null where unknown.</summary>
    internal static (long Device, long Inode)? NodeOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        try
        {
            var status = new byte[StatusBytes];
            if (Stat(path, status) != 0)
            {
                return null;
            }
            return (BitConverter.ToInt64(status, DeviceOffset), BitConverter.ToInt64(status, InodeOffset));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without the shim: the resolved path is all there is to compare.
            return null;
        }
    }

    /// <summary>
    /// <paramref name="full"/> with each existing component that is a symbolic link replaced by what it points to, from
    /// the root down, so that a link to a directory anywhere in the path is seen through (as realpath(3) does).
    /// </summary>
    private static string Resolve(string full, int depth)
    {
        var root = System.IO.Path.GetPathRoot(full) ?? "";
        var current = root;
        var parts = full[root.Length..].Split(
            [System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var next = System.IO.Path.Combine(current, part);
            if (depth < MaxLinks && LinkTarget(next) is { } target)
            {
                // The target may itself run through linked directories: resolve it in turn.
                next = Resolve(target, depth + 1);
            }
            current = next;
        }
        return current;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not there, or not to be looked at: the path stays as written from here on.
            return null;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Stat(string path, [Out] byte[] status);
}
