using System.Globalization;
using System.Text;
using Cradle.Studies;

namespace Cradle.Cli.Input;

/// <summary>
/// The one way the CLI reads an input file (a study, a catalog file, results): only a regular file, only up to its
/// kind's <see cref="InputKind.Limit"/>. A directory, a named pipe or a device is refused before it is opened, so
/// <c>/dev/zero</c> cannot fill memory and a pipe cannot hang Cradle. Every refusal is an
/// <see cref="InputFileException"/>, an <see cref="IOException"/>, so callers that report unreadable files (the
/// commands, and a study's <c>catalog:</c> files in <c>Cradle.Studies</c>) report these as well.
/// </summary>
internal static class InputFile
{
    /// <summary>Reads <paramref name="path"/> as text (UTF-8 unless a byte-order mark says otherwise).</summary>
    /// <exception cref="IOException">It cannot be read, or is not a regular file within the limit.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied.</exception>
    public static string Read(string path, InputKind kind)
    {
        var bytes = ReadBytes(path, kind);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Reads <paramref name="path"/> as bytes, exactly (for a log whose checksum is recorded), with the same checks.</summary>
    /// <exception cref="IOException">It cannot be read, or is not a regular file within the limit.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied.</exception>
    public static byte[] ReadBytes(string path, InputKind kind)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(kind);
        if (path.Length == 0)
        {
            throw new InputFileException($"the {kind.Name}'s path is empty.");
        }
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new InputFileException($"the {kind.Name}'s path contains a NUL character.");
        }
        if (Refusal(FileTypes.Of(path)) is { } refusal)
        {
            throw new InputFileException($"it is {refusal}, not a regular file; give the path of a {kind.Name}.");
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (stream.CanSeek && stream.Length > kind.Limit)
        {
            throw TooLarge(kind, string.Create(CultureInfo.InvariantCulture, $"{ByteSize.Format(stream.Length)} ({stream.Length:N0} bytes)"));
        }
        // Read at most one byte past the limit: a file that grows, or whose size the system does not report, is still bounded.
        var buffer = new byte[stream.CanSeek ? Math.Min(stream.Length, kind.Limit) + 1 : 64 * 1024];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > kind.Limit)
                {
                    throw TooLarge(kind, $"more than {ByteSize.Format(kind.Limit)}");
                }
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, kind.Limit + 1));
            }
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }
            length += read;
        }
        return buffer[..length];
    }

    private static string? Refusal(FileType type) => type switch
    {
        FileType.Directory => "a directory",
        FileType.NamedPipe => "a named pipe (FIFO)",
        FileType.CharacterDevice => "a character device",
        FileType.BlockDevice => "a block device",
        FileType.Socket => "a socket",
        _ => null,
    };

    private static InputFileException TooLarge(InputKind kind, string size) =>
        new($"it is {size}, larger than the {ByteSize.Format(kind.Limit)} Cradle reads of a {kind.Name}; is it the right file?");
}

/// <summary>An input file Cradle refuses to read: the message says why, in words that follow "cannot read 'FILE': ".</summary>
internal sealed class InputFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    public InputFileException(string message)
        : base(message)
    {
    }
}
