using System.IO.Compression;
using Cradle.Catalog;
using Cradle.Interchange.Background;
using Cradle.Interchange.Reading;
using Cradle.Interchange.Tests.Reading;
using Cradle.Store.Backgrounds;
using Cradle.Store.Sqlite;
using Cradle.Studies.Background;
using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Interchange.Tests.Background;

/// <summary>
/// Background databases kept in a real run store (SQLite) and named by a study with <c>store:</c>: the USDA beef set
/// (tests/data/openlca-jsonld) opened from the store's bytes gives what the same file gives, and the refusals.
/// </summary>
public sealed class StoredBackgroundSourceTests : IDisposable
{
    private const string BeefSystem = "beef cattle finishing; CCF operation; at auction; LW";
    private static readonly IndicatorSet Indicators = IndicatorSet.From(CatalogLoader.Shipped);
    private static readonly SourceLocation Here = new("study.yaml", 1, 1);
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private readonly string _scratch = Directory.CreateTempSubdirectory("cradle-stored-background-").FullName;
    private readonly SqliteRunStore _store;

    public StoredBackgroundSourceTests() => _store = SqliteRunStore.Open(Path.Combine(_scratch, "runs.db"));

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    private static BackgroundDatabaseDefinition Stored(string name, string? version = null) =>
        new("db", null, Here, null, version, Here) { Store = name };

    // Writes the beef set as a background file, keeps its bytes in the store, and returns the file.
    private string Keep(string version)
    {
        var file = Path.Combine(_scratch, $"beef-{version}.zip");
        var manifest = BackgroundDatabaseFile.Write(TestPackages.Beef, "USDA beef", version, file, "cradle test", At);
        _store.AddBackground(new NewBackground(manifest.Name, manifest.Version, manifest.PackageSha256, manifest.Source,
            manifest.ImportedWith, manifest.ImportedAt, File.ReadAllBytes(file)));
        return file;
    }

    // Hand computation in Reading/BackgroundInventoryTests: 32,747,804.18975 kg CO2 eq for 2,914,841.44 kg live weight.
    [Fact]
    public void A_database_kept_in_the_store_gives_what_the_same_file_gives()
    {
        var file = Keep("2018-07-31");

        var fromStore = new FileBackgroundSource(_scratch, () => _store).Resolve(Stored("USDA beef"), null, BeefSystem, Indicators);
        var fromFile = new FileBackgroundSource(_scratch).Resolve(
            new BackgroundDatabaseDefinition("db", Path.GetFileName(file), Here, null, null, Here), null, BeefSystem, Indicators);

        Assert.Equal(32_747_804.18975 / 2_914_841.44, fromStore.PerUnit["gwp100"], 12);
        Assert.Equal(("USDA beef", "2018-07-31"), (fromStore.DatabaseName, fromStore.DatabaseVersion));
        Assert.Equal(fromFile.PackageSha256, fromStore.PackageSha256);
        Assert.Equal(fromFile.PerUnit, fromStore.PerUnit);
        Assert.Equal(fromFile.Solved, fromStore.Solved);
    }

    [Fact]
    public void Several_kept_versions_need_a_version_and_an_unknown_one_lists_those_kept()
    {
        Keep("2018-07-31");
        Keep("2019-01-01");
        var source = new FileBackgroundSource(_scratch, () => _store);

        var ambiguous = Assert.Throws<BackgroundSourceException>(() => source.Resolve(Stored("USDA beef"), null, BeefSystem, Indicators));
        var unknown = Assert.Throws<BackgroundSourceException>(() => source.Resolve(Stored("USDA beef", "2024"), null, BeefSystem, Indicators));
        var chosen = source.Resolve(Stored("USDA beef", "2019-01-01"), null, BeefSystem, Indicators);

        Assert.True(ambiguous.WithFile);
        Assert.Contains("Several versions of background database 'USDA beef' are kept (2018-07-31, 2019-01-01)", ambiguous.Message, StringComparison.Ordinal);
        Assert.True(unknown.WithFile);
        Assert.Contains("no background database 'USDA beef' version 2024 in the store (kept: version 2018-07-31, 2019-01-01)", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("2019-01-01", chosen.DatabaseVersion);
    }

    [Fact]
    public void Without_a_store_a_stored_database_is_refused_and_the_servers_source_reads_no_file()
    {
        Keep("2018-07-31");

        var noStore = Assert.Throws<BackgroundSourceException>(() => new FileBackgroundSource(_scratch).Resolve(Stored("USDA beef"), null, BeefSystem, Indicators));
        var server = FileBackgroundSource.StoreOnly(_store);
        var file = Assert.Throws<BackgroundSourceException>(() => server.Resolve(
            new BackgroundDatabaseDefinition("db", "beef-2018-07-31.zip", Here, null, null, Here), null, BeefSystem, Indicators));

        Assert.True(noStore.WithFile);
        Assert.Contains("this study names background database 'USDA beef' in the store; give --store", noStore.Message, StringComparison.Ordinal);
        Assert.False(server.ReadsFiles);
        Assert.True(new FileBackgroundSource(_scratch).ReadsFiles);
        Assert.Contains("the server reads no file a study names", file.Message, StringComparison.Ordinal);
        Assert.Equal(32_747_804.18975 / 2_914_841.44, server.Resolve(Stored("USDA beef"), null, BeefSystem, Indicators).PerUnit["gwp100"], 12);
    }

    [Fact]
    public void Bytes_are_opened_with_the_checks_of_a_file()
    {
        var file = Keep("2018-07-31");
        var bytes = File.ReadAllBytes(file);

        var (manifest, sha, database) = BackgroundDatabaseFile.Open(bytes, "kept bytes");
        var (_, fileSha, fromFile) = BackgroundDatabaseFile.Open(file);
        Assert.Equal(("USDA beef", "2018-07-31"), (manifest!.Name, manifest.Version));
        Assert.Equal(fileSha, sha);
        Assert.Equal(fromFile.Processes.Count, database.Processes.Count);

        var notZip = Assert.Throws<OpenLcaPackageException>(() => BackgroundDatabaseFile.Open([1, 2, 3], "kept bytes"));
        Assert.Contains("kept bytes", notZip.Message, StringComparison.Ordinal);
        Assert.Contains("not a zip file", notZip.Message, StringComparison.Ordinal);

        // One package entry changed after import: the manifest's digest no longer matches.
        using var changed = new MemoryStream();
        changed.Write(bytes);
        using (var zip = new ZipArchive(changed, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("processes/", StringComparison.Ordinal));
            using var stream = entry.Open();
            stream.Seek(0, SeekOrigin.End);
            stream.WriteByte((byte)' ');
        }
        var tampered = Assert.Throws<OpenLcaPackageException>(() => BackgroundDatabaseFile.Open(changed.ToArray(), "kept bytes"));
        Assert.Contains("the file was changed after import", tampered.Message, StringComparison.Ordinal);
    }
}
