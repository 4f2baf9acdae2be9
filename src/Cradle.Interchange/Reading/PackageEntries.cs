using System.IO.Compression;

namespace Cradle.Interchange.Reading;

/// <summary>
/// The files of a package, zip or folder, as (path relative to the package root with '/', bytes). Limits guard against
/// zip bombs and huge folders; a path that would leave the package (.., rooted, drive letters) refuses the package.
/// </summary>
internal static class PackageEntries
{
    /// <summary>The limits a package is read under: entries, bytes per entry and bytes in all, once inflated.</summary>
    internal sealed record Limits(int MaxEntries, long MaxEntryBytes, long MaxTotalBytes);

    /// <summary>The limits of every import.</summary>
    internal static readonly Limits Default = new(MaxEntries, MaxEntryBytes, MaxTotalBytes);

    /// <summary>At most this many entries (USLCI is ~10,000 files; ecoinvent as JSON-LD ~100,000).</summary>
    public const int MaxEntries = 250_000;

    /// <summary>At most this many bytes in one entry once inflated.</summary>
    public const long MaxEntryBytes = 64L * 1024 * 1024;

    /// <summary>At most this many bytes in all entries once inflated.</summary>
    public const long MaxTotalBytes = 2L * 1024 * 1024 * 1024;

    public static IReadOnlyList<(string Path, byte[] Bytes)> Read(string package, Limits? limits = null)
    {
        limits ??= Default;
        if (Directory.Exists(package))
        {
            return ReadFolder(package, limits);
        }
        if (File.Exists(package))
        {
            return ReadZip(package, limits);
        }
        throw new OpenLcaPackageException(package, "", "no such zip file or folder.");
    }

    private static List<(string, byte[])> ReadFolder(string root, Limits limits)
    {
        var result = new List<(string, byte[])>();
        long total = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            CheckCount(root, result.Count + 1, limits);
            var length = new FileInfo(file).Length;
            CheckSize(relative, length, total += length, limits);
            result.Add((relative, File.ReadAllBytes(file)));
        }
        return result;
    }

    /// <summary>The entries of a zip held in <paramref name="zip"/> (a background file kept in the run store), under the
    /// same limits and path checks as a zip file; <paramref name="label"/> names it in errors.</summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> ReadZip(Stream zip, string label, Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(label);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new OpenLcaPackageException(label, "", $"not a zip file ({e.Message}).");
        }
        return ReadEntries(archive, label, limits ?? Default);
    }

    private static List<(string, byte[])> ReadZip(string path, Limits limits)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new OpenLcaPackageException(path, "", $"not a zip file or folder ({e.Message}).");
        }
        return ReadEntries(zip, path, limits);
    }

    private static List<(string, byte[])> ReadEntries(ZipArchive zip, string path, Limits limits)
    {
        var result = new List<(string, byte[])>();
        long total = 0;
        using (zip)
        {
            CheckCount(path, zip.Entries.Count, limits);
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName;
                CheckPath(path, name);
                if (name.EndsWith('/'))
                {
                    continue; // a directory entry, as openLCA writes them
                }
                // The declared length may lie: read at most the limit plus one byte.
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    total += read;
                    CheckSize(name, buffer.Length, total, limits);
                }
                result.Add((name, buffer.ToArray()));
            }
        }
        return result;
    }

    private static void CheckPath(string package, string name)
    {
        var segments = name.Replace('\\', '/').Split('/');
        if (name.StartsWith('/') || name.StartsWith('\\') || name.Contains(':', StringComparison.Ordinal) || segments.Any(s => s == ".."))
        {
            throw new OpenLcaPackageException(package, name,
                "the entry's path leaves the package (it is absolute or has a '..' segment); an openLCA package holds only relative paths inside it.");
        }
    }

    private static void CheckCount(string package, int count, Limits limits)
    {
        if (count > limits.MaxEntries)
        {
            throw new OpenLcaPackageException(package, "", $"more than {limits.MaxEntries.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} entries; refused as too large to be an openLCA package read in memory.");
        }
    }

    private static void CheckSize(string name, long entryBytes, long totalBytes, Limits limits)
    {
        if (entryBytes > limits.MaxEntryBytes)
        {
            throw new OpenLcaPackageException(name, "", $"larger than {Bytes(limits.MaxEntryBytes)} once inflated; refused (one entity's JSON is far smaller).");
        }
        if (totalBytes > limits.MaxTotalBytes)
        {
            throw new OpenLcaPackageException(name, "", $"the package is larger than {Bytes(limits.MaxTotalBytes)} once inflated; refused.");
        }
    }

    private static string Bytes(long bytes) => bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes";
}
