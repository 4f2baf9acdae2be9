using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Cradle.Interchange.Background;
using Cradle.Interchange.Reading;
using Cradle.Interchange.Tests.Reading;

namespace Cradle.Interchange.Tests.Background;

/// <summary>
/// A background database kept as a file (docs/interchange.md, "Keeping a background database"), over the real sets of
/// tests/data/openlca-jsonld: the round trip, the digest (folder and zip alike), refusals, and byte-identical rewrites.
/// </summary>
public sealed class BackgroundDatabaseFileTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private readonly string _scratch = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cradle-bg-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string Scratch(string name) => Path.Combine(_scratch, name);

    private string WriteBeef(string file = "beef.cradle.zip") =>
        Write(TestPackages.Beef, file);

    private string Write(string package, string file)
    {
        var output = Scratch(file);
        BackgroundDatabaseFile.Write(package, "USLCI beef", "2024.1", output, "cradle test", At);
        return output;
    }

    [Fact]
    public void Written_then_opened_gives_the_manifest_and_the_database_of_the_plain_read()
    {
        var plain = OpenLcaPackageReader.Read(TestPackages.Beef);
        var file = WriteBeef();

        var (manifest, sha, database) = BackgroundDatabaseFile.Open(file);

        Assert.NotNull(manifest);
        Assert.Equal("USLCI beef", manifest.Name);
        Assert.Equal("2024.1", manifest.Version);
        Assert.Equal("bw2io_beef-cattle-finishing", manifest.Source);
        Assert.Equal("cradle test", manifest.ImportedWith);
        Assert.Equal(At, manifest.ImportedAt);
        Assert.Equal("openLCA 1.x", manifest.Schema);
        Assert.Equal(sha, manifest.PackageSha256);
        // Counts as the data's README gives them (8 processes, 48 flows, 6 flow properties, 6 unit groups, 1 product
        // system, 5 locations, no LCIA), equal to the plain read's.
        Assert.Equal(8, manifest.Counts["processes"]);
        Assert.Equal(48, manifest.Counts["flows"]);
        Assert.Equal(0, manifest.Counts["lcia_methods"]);
        Assert.Equal(BackgroundDatabaseFile.CountsOf(plain), manifest.Counts);
        Assert.Equal(BackgroundDatabaseFile.CountsOf(plain), BackgroundDatabaseFile.CountsOf(database));
        // 57 cut-offs and 1 process without a quantitative reference, each as the renderer shows it.
        Assert.Equal(58, manifest.Findings.Count);
        Assert.Contains(manifest.Findings, f => f.StartsWith("no-quantitative-reference: processes/bb4f02fd-2277-400d-92ef-0b712aef4baf.json, exchanges: process 'alfalfa hay production", StringComparison.Ordinal));
        Assert.Equal(plain.Processes.Keys.Order(StringComparer.Ordinal), database.Processes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(OpenLcaSchemaVersion.V1, database.Schema);

        // The manifest is the first entry, then the package's own entries under their paths, in ordinal order.
        using var zip = ZipFile.OpenRead(file);
        Assert.Equal(BackgroundDatabaseFile.ManifestEntry, zip.Entries[0].FullName);
        var paths = zip.Entries.Skip(1).Select(e => e.FullName).ToList();
        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
        Assert.Equal(Directory.GetFiles(TestPackages.Beef, "*", SearchOption.AllDirectories).Length, paths.Count);

        // openLCA's reader, given the Cradle file itself, ignores the manifest at the root: same schema, same counts.
        var direct = OpenLcaPackageReader.Read(file);
        Assert.Equal(OpenLcaSchemaVersion.V1, direct.Schema);
        Assert.Equal(BackgroundDatabaseFile.CountsOf(plain), BackgroundDatabaseFile.CountsOf(direct));
        Assert.DoesNotContain(direct.OtherEntities.Keys, k => k.Contains("cradle", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_and_its_zip_have_the_same_digest_the_one_of_the_stated_formula()
    {
        var zipped = Scratch("beef-folder.zip");
        ZipFile.CreateFromDirectory(TestPackages.Beef, zipped, CompressionLevel.Fastest, includeBaseDirectory: false);

        var ofFolder = BackgroundDatabaseFile.Open(TestPackages.Beef);
        var ofZip = BackgroundDatabaseFile.Open(zipped);

        Assert.Null(ofFolder.Manifest);
        Assert.Null(ofZip.Manifest);
        Assert.Equal(ofFolder.PackageSha256, ofZip.PackageSha256);
        Assert.Equal(ofFolder.PackageSha256, BackgroundDatabaseFile.Write(zipped, "b", "1", Scratch("kept.zip"), "cradle test", At).PackageSha256);
        // The formula computed here independently: per file in ordinal path order, UTF-8 path, 0, length (8 bytes LE), bytes.
        using var expected = new MemoryStream();
        foreach (var file in Directory.GetFiles(TestPackages.Beef, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestPackages.Beef, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(Path.Combine(TestPackages.Beef, file));
            var length = new byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
            expected.Write(Encoding.UTF8.GetBytes(file));
            expected.WriteByte(0);
            expected.Write(length);
            expected.Write(bytes);
        }
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected.ToArray())), ofFolder.PackageSha256);
    }

    [Fact]
    public void A_plain_openLCA_zip_opens_without_a_manifest()
    {
        var (manifest, sha, database) = BackgroundDatabaseFile.Open(TestPackages.Data("olca-modules_test-zips", "exchange_sync-all.zip"));
        Assert.Null(manifest);
        Assert.Equal(64, sha.Length);
        // GreenDelta's openLCA 1.7.3 test zip: two processes, one product system.
        Assert.Equal(2, database.Processes.Count);
        Assert.Single(database.ProductSystems);
    }

    [Fact]
    public void A_file_changed_after_import_is_refused()
    {
        var file = WriteBeef();
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Update))
        {
            // One location's JSON with a space added: still valid JSON, a different package.
            var entry = zip.Entries.First(e => e.FullName.StartsWith("locations/", StringComparison.Ordinal));
            string text;
            using (var reader = new StreamReader(entry.Open()))
            {
                text = reader.ReadToEnd() + " ";
            }
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }
        var refusal = Assert.Throws<OpenLcaPackageException>(() => BackgroundDatabaseFile.Open(file));
        Assert.Contains("the file was changed after import", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_manifest_is_refused_naming_the_entry_and_field()
    {
        var file = WriteBeef();
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Update))
        {
            // The manifest as written, less its name.
            var entry = zip.GetEntry(BackgroundDatabaseFile.ManifestEntry)!;
            string text;
            using (var reader = new StreamReader(entry.Open()))
            {
                text = reader.ReadToEnd();
            }
            Assert.Contains("\"name\": \"USLCI beef\",", text, StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(BackgroundDatabaseFile.ManifestEntry).Open());
            writer.Write(text.Replace("\"name\": \"USLCI beef\",", "", StringComparison.Ordinal));
        }
        var refusal = Assert.Throws<OpenLcaPackageException>(() => BackgroundDatabaseFile.Open(file));
        Assert.Equal(BackgroundDatabaseFile.ManifestEntry, refusal.File);
        Assert.Equal("name", refusal.Field);
    }

    [Fact]
    public void The_package_itself_as_output_is_refused_and_left_unchanged()
    {
        var package = Scratch("exchange_sync-all.zip");
        File.Copy(TestPackages.Data("olca-modules_test-zips", "exchange_sync-all.zip"), package);
        var before = File.ReadAllBytes(package);

        Assert.Throws<ArgumentException>(() => BackgroundDatabaseFile.Write(package, "x", "1", package, "cradle test", At));
        Assert.Equal(before, File.ReadAllBytes(package));

        var folder = TestPackages.CopyToTemp(TestPackages.Beef);
        try
        {
            Assert.Throws<ArgumentException>(() => BackgroundDatabaseFile.Write(folder, "x", "1", Path.Combine(folder, "kept.zip"), "cradle test", At));
            Assert.False(File.Exists(Path.Combine(folder, "kept.zip")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        Assert.Equal(["exchange_sync-all.zip"], Directory.GetFiles(_scratch).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("", "1")]
    [InlineData("beef", " ")]
    public void An_empty_name_or_version_is_refused_and_nothing_written(string name, string version)
    {
        Assert.Throws<ArgumentException>(() => BackgroundDatabaseFile.Write(TestPackages.Beef, name, version, Scratch("kept.zip"), "cradle test", At));
        Assert.Empty(Directory.GetFileSystemEntries(_scratch));
    }

    [Fact]
    public void A_background_file_is_not_imported_again()
    {
        var file = WriteBeef();
        var refusal = Assert.Throws<OpenLcaPackageException>(() => Write(file, "again.zip"));
        Assert.Equal(BackgroundDatabaseFile.ManifestEntry, refusal.File);
        Assert.Equal(["beef.cradle.zip"], Directory.GetFiles(_scratch).Select(Path.GetFileName));
    }

    [Fact]
    public void A_malformed_package_is_refused_and_nothing_written()
    {
        var folder = TestPackages.CopyToTemp(TestPackages.Beef);
        try
        {
            var flow = Directory.GetFiles(Path.Combine(folder, "flows")).Order(StringComparer.Ordinal).First();
            File.WriteAllText(flow, "{ not json");
            var refusal = Assert.Throws<OpenLcaPackageException>(() => Write(folder, "kept.zip"));
            Assert.Equal($"flows/{Path.GetFileName(flow)}", refusal.File);
            Assert.Empty(Directory.GetFileSystemEntries(_scratch));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Writing_twice_at_the_same_time_gives_the_same_bytes_and_replaces_in_place()
    {
        var first = File.ReadAllBytes(WriteBeef("a.zip"));
        var second = File.ReadAllBytes(WriteBeef("b.zip"));
        Assert.Equal(first, second);
        // Writing over an existing file replaces it whole and leaves no temporary file beside it.
        Assert.Equal(first, File.ReadAllBytes(WriteBeef("a.zip")));
        Assert.Equal(["a.zip", "b.zip"], Directory.GetFiles(_scratch).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
