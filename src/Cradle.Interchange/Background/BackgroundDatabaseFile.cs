using Cradle.Interchange.Reading;
using Cradle.Interchange.Writing;

namespace Cradle.Interchange.Background;

/// <summary>
/// A background database kept as one file (docs/interchange.md, "Keeping a background database"): a zip holding the
/// manifest entry <see cref="ManifestEntry"/> first, then every entry of the openLCA package imported, unchanged, under
/// its own path. The manifest records the package's SHA-256, so a file changed after import is refused on opening.
/// </summary>
public static class BackgroundDatabaseFile
{
    /// <summary>The manifest's entry at the root of the file (openLCA's reader ignores root files it does not know).</summary>
    public const string ManifestEntry = "cradle-background.json";

    /// <summary>
    /// Reads <paramref name="package"/> whole (as <see cref="OpenLcaPackageReader"/> does, refusing what it refuses), then
    /// writes <paramref name="output"/>: the manifest, then the package's entries in ordinal path order, with fixed time
    /// stamps, so the same package, name, version, tool and time give the same bytes. The file is written beside
    /// <paramref name="output"/> under a temporary name and moved into place: all or nothing.
    /// </summary>
    /// <param name="package">An openLCA JSON-LD package, zip or folder.</param>
    /// <param name="name">The database's name, declared by the user.</param>
    /// <param name="version">The database's version, declared by the user.</param>
    /// <param name="output">The file to write (replaced if it exists).</param>
    /// <param name="importedWith">The tool importing, "cradle &lt;version&gt;".</param>
    /// <param name="importedAt">The time of import (stored as UTC).</param>
    /// <returns>The manifest written.</returns>
    /// <exception cref="ArgumentException">An empty name or version, or an output that is the package or inside it.</exception>
    /// <exception cref="OpenLcaPackageException">The package is malformed, or is already a Cradle background file.</exception>
    public static BackgroundManifest Write(string package, string name, string version, string output, string importedWith, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(importedWith);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("a background database needs a name (--name): studies link to it by name and version.", nameof(name));
        }
        if (string.IsNullOrWhiteSpace(version))
        {
            throw new ArgumentException("a background database needs a version (--version): studies link to it by name and version.", nameof(version));
        }
        CheckOutput(package, output);

        var entries = PackageEntries.Read(package);
        if (entries.Any(e => e.Path == ManifestEntry))
        {
            throw new OpenLcaPackageException(ManifestEntry, "",
                "this is already a Cradle background file (it holds the manifest entry); it keeps its package as imported and is not imported again.");
        }
        var database = OpenLcaPackageReader.FromEntries(package, entries);
        var ordered = entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var manifest = new BackgroundManifest(
            name, version, Path.GetFileName(Path.TrimEndingDirectorySeparator(package)), PackageDigest.Of(ordered), importedWith,
            importedAt.ToUniversalTime(), SchemaName(database.Schema), CountsOf(database),
            database.Findings.Select(f => $"{f.Code}: {f.File}, {f.Field}: {f.Message}").ToList());

        var full = Path.GetFullPath(output);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                DeterministicZip.Write([(ManifestEntry, BackgroundManifestJson.Write(manifest)), .. ordered], stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
        return manifest;
    }

    /// <summary>
    /// Opens a Cradle background file, or a plain openLCA package (zip or folder): its manifest (null for a plain
    /// package), the SHA-256 over the package's entries (the manifest left out), and the database read from them.
    /// </summary>
    /// <exception cref="OpenLcaPackageException">
    /// The package or the manifest is malformed, or the entries no longer match the manifest's digest (the file was
    /// changed after import).
    /// </exception>
    public static (BackgroundManifest? Manifest, string PackageSha256, BackgroundDatabase Database) Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromEntries(PackageEntries.Read(path), path);
    }

    /// <summary>
    /// Opens a Cradle background file (or a zipped openLCA package) held in memory, as kept in the run store, with the
    /// same limits and checks as <see cref="Open(string)"/>; <paramref name="label"/> names it in errors (for example
    /// "background database 'usda-beef' 2023.1 in the store").
    /// </summary>
    /// <exception cref="OpenLcaPackageException">Not a zip, a malformed package or manifest, or entries that no longer
    /// match the manifest's digest.</exception>
    public static (BackgroundManifest? Manifest, string PackageSha256, BackgroundDatabase Database) Open(byte[] content, string label)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        return Open(stream, label);
    }

    /// <summary>As <see cref="Open(byte[], string)"/>, from a seekable stream (left open).</summary>
    /// <exception cref="OpenLcaPackageException">As <see cref="Open(byte[], string)"/>.</exception>
    public static (BackgroundManifest? Manifest, string PackageSha256, BackgroundDatabase Database) Open(Stream content, string label)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(label);
        return FromEntries(PackageEntries.ReadZip(content, label), label);
    }

    private static (BackgroundManifest? Manifest, string PackageSha256, BackgroundDatabase Database) FromEntries(
        IReadOnlyList<(string Path, byte[] Bytes)> entries, string path)
    {
        var manifestBytes = entries.Where(e => e.Path == ManifestEntry).Select(e => e.Bytes).FirstOrDefault();
        var package = entries.Where(e => e.Path != ManifestEntry).ToList();
        var sha = PackageDigest.Of(package);
        BackgroundManifest? manifest = null;
        if (manifestBytes is not null)
        {
            manifest = BackgroundManifestJson.Read(manifestBytes);
            if (manifest.PackageSha256 != sha)
            {
                throw new OpenLcaPackageException(path, "",
                    $"the file was changed after import: its package entries have SHA-256 {sha}, the manifest ({ManifestEntry}) records " +
                    $"{manifest.PackageSha256}. Import the package again to keep a new version.");
            }
        }
        return (manifest, sha, OpenLcaPackageReader.FromEntries(path, package));
    }

    /// <summary>"openLCA 1.x" or "openLCA 2.x".</summary>
    internal static string SchemaName(OpenLcaSchemaVersion schema) => schema == OpenLcaSchemaVersion.V1 ? "openLCA 1.x" : "openLCA 2.x";

    /// <summary>Entities read per type, in the order of olca-schema's folders.</summary>
    internal static IReadOnlyDictionary<string, int> CountsOf(BackgroundDatabase db) => new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["processes"] = db.Processes.Count,
        ["flows"] = db.Flows.Count,
        ["flow_properties"] = db.FlowProperties.Count,
        ["unit_groups"] = db.UnitGroups.Count,
        ["lcia_methods"] = db.ImpactMethods.Count,
        ["lcia_categories"] = db.ImpactCategories.Count,
        ["product_systems"] = db.ProductSystems.Count,
        ["locations"] = db.Locations.Count,
    };

    private static void CheckOutput(string package, string output)
    {
        var packageFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(package));
        var outputFull = Path.GetFullPath(output);
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (string.Equals(packageFull, outputFull, comparison))
        {
            throw new ArgumentException($"the output '{output}' is the package itself; write the background file elsewhere (the package is kept inside it unchanged).");
        }
        if (Directory.Exists(packageFull) && outputFull.StartsWith(packageFull + Path.DirectorySeparatorChar, comparison))
        {
            throw new ArgumentException($"the output '{output}' is inside the package folder '{package}'; write the background file elsewhere, or a later import of the folder would read it as part of the package.");
        }
    }
}
