using System.IO.Compression;

namespace Cradle.Interchange.Writing;

/// <summary>
/// Writes a zip whose bytes depend only on its entries: entries in the order given, each with the same fixed time
/// stamp and compression level, no directory entries and no extra fields, so exporting a study twice gives the same file.
/// </summary>
internal static class DeterministicZip
{
    /// <summary>The time stamp of every entry (zip's DOS time cannot go below 1980; 2000-01-01 is clearly not a real one).</summary>
    private static readonly DateTimeOffset Stamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="entries"/> (path, content) to <paramref name="output"/>, which stays open.</summary>
    public static void Write(IEnumerable<(string Path, byte[] Content)> entries, Stream output)
    {
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (path, content) in entries)
        {
            var entry = archive.CreateEntry(path, CompressionLevel.Optimal);
            entry.LastWriteTime = Stamp;
            using var stream = entry.Open();
            stream.Write(content);
        }
    }
}
