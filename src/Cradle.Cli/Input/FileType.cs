using System.Runtime.InteropServices;

namespace Cradle.Cli.Input;

/// <summary>What kind of file system entry a path names, found without opening it.</summary>
internal enum FileType
{
    /// <summary>Nothing there, or the type could not be found out: opening it will tell.</summary>
    Unknown,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A named pipe: opening it waits for a writer, and reading it may never end.</summary>
    NamedPipe,

    /// <summary>A character device such as /dev/zero or a terminal: reading it may never end.</summary>
    CharacterDevice,

    /// <summary>A block device (a disk).</summary>
    BlockDevice,

    /// <summary>A Unix domain socket.</summary>
    Socket,
}

/// <summary>
/// Finds a path's <see cref="FileType"/>. .NET 10 has no public API for it (dotnet/runtime#85148): on Unix this calls
/// stat through the runtime's own native shim, whose status record starts with two 32-bit fields, flags then mode, on
/// every platform; the mode's S_IFMT bits are the POSIX ones. Anywhere that is unavailable, only directories are told
/// apart, and the rest is <see cref="FileType.Unknown"/>.
/// </summary>
internal static partial class FileTypes
{
    // Larger than the shim's status record (under 150 bytes in .NET 10), so that a later runtime adding fields at the
    // end cannot write past the buffer.
    private const int StatusBytes = 512;
    private const int ModeOffset = 4;

    public static FileType Of(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var status = new byte[StatusBytes];
                if (Stat(path, status) != 0)
                {
                    return FileType.Unknown;
                }
                return (BitConverter.ToInt32(status, ModeOffset) & 0xF000) switch
                {
                    0x8000 => FileType.Regular,
                    0x4000 => FileType.Directory,
                    0x1000 => FileType.NamedPipe,
                    0x2000 => FileType.CharacterDevice,
                    0x6000 => FileType.BlockDevice,
                    0xC000 => FileType.Socket,
                    _ => FileType.Unknown,
                };
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A runtime without the shim: fall back to what the managed API can tell.
            }
        }
        return System.IO.Directory.Exists(path) ? FileType.Directory : File.Exists(path) ? FileType.Regular : FileType.Unknown;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Stat(string path, [Out] byte[] status);
}
