using System.Globalization;

namespace Cradle.Cli.Measuring;

/// <summary>
/// How a measured command reports the requests it served without Cradle parsing its output: Cradle names a file in
/// <c>CRADLE_REQUESTS_FILE</c>, and the command writes its count there (once at the end, or again as it goes, so a
/// killed command leaves its last count). The file lives in a fresh private temporary folder, deleted on dispose.
/// </summary>
internal sealed class RequestCountFile : IDisposable
{
    /// <summary>The environment variable the command reads.</summary>
    public const string Variable = "CRADLE_REQUESTS_FILE";

    // A count is at most 19 digits; anything longer than this is not a count and is not read whole.
    private const int MaxBytes = 256;

    private readonly DirectoryInfo _folder;

    private RequestCountFile(DirectoryInfo folder)
    {
        _folder = folder;
        FilePath = Path.Combine(folder.FullName, "requests");
    }

    /// <summary>The file the command may write.</summary>
    public string FilePath { get; }

    /// <summary>Creates the private folder (mode 0700 on Unix) that will hold the file.</summary>
    public static RequestCountFile Create() => new(Directory.CreateTempSubdirectory("cradle-measure-"));

    /// <summary>
    /// The count the command wrote: null with no problem when it wrote nothing; null with the problem when the file does
    /// not hold a whole number from 1 to 2⁶³ − 1 (surrounding white space allowed).
    /// </summary>
    public (long? Count, string? Problem) Read()
    {
        byte[] bytes;
        try
        {
            using var stream = File.OpenRead(FilePath);
            bytes = new byte[MaxBytes + 1];
            bytes = bytes[..stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false)];
        }
        catch (FileNotFoundException)
        {
            return (null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{Variable} could not be read: {e.Message}");
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes).Trim();
        return bytes.Length <= MaxBytes && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1
            ? (count, null)
            : (null, $"the command wrote '{Cradle.Syntax.Printable.Escape(text.Length > 40 ? text[..40] + "…" : text)}' to {Variable}, not a whole number of requests from 1 to 9223372036854775807; it is ignored");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless; the measurement is what matters.
        }
    }
}
