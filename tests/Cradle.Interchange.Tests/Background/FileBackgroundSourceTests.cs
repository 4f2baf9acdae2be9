using Cradle.Catalog;
using Cradle.Interchange.Background;
using Cradle.Interchange.Tests.Reading;
using Cradle.Interchange.Tests.Writing;
using Cradle.Studies.Background;
using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Interchange.Tests.Background;

/// <summary>
/// The command line's background source over real packages: a product system and a process of the USDA beef set
/// (tests/data/openlca-jsonld, README there) characterised with the catalog's GWP100 and checked against hand
/// computations from the process files, the OLMo example's own export linked back, and the refusals.
/// </summary>
public sealed class FileBackgroundSourceTests
{
    private static readonly IndicatorSet Indicators = IndicatorSet.From(CatalogLoader.Shipped);
    private static readonly SourceLocation Here = new("study.yaml", 1, 1);

    private static BackgroundDatabaseDefinition Database(string file, string? name = "beef", string? version = "2018") =>
        new("db", file, Here, name, version, Here);

    // Hand computation in Reading/BackgroundInventoryTests: 32,747,804.18975 kg CO2 eq for 2,914,841.44 kg live weight.
    [Fact]
    public void The_beef_product_system_gives_its_hand_computed_GWP100_per_kilogram()
    {
        var provider = new FileBackgroundSource(TestPackages.Root).Resolve(Database(TestPackages.Beef), null, "beef cattle finishing; CCF operation; at auction; LW", Indicators);

        Assert.Equal(("product system", "a5830b36-5249-4712-b62f-b79a00d3c2d1", "kg"), (provider.Kind, provider.Id, provider.ProductUnit));
        Assert.Equal(32_747_804.18975 / 2_914_841.44, provider.PerUnit["gwp100"], 12);
        Assert.Contains("Water, well, in ground", provider.Unmapped);
        Assert.DoesNotContain("Methane, biogenic", provider.Unmapped);
        Assert.DoesNotContain("Carbon dioxide", provider.Unmapped);
        Assert.Contains("solved with the product system's own 8 process links (8 processes) for its target 2914841.44 kg", provider.Solved, StringComparison.Ordinal);
    }

    // Calf production linked as one system with the database (its default providers: vitamin premix, grass pasture;
    // everything else a cut-off). Per calf (its reference is 3742 Item(s)):
    //   calves: N2O (25,123 + 41.75) × 273 = 6,869,976.75; CH4 biogenic 673,445 × 27.0 = 18,183,015
    //   grass pasture, 23,042 t of it (all it makes): CO2 309,278 × 1; N2O 700.84575 × 273 = 191,330.88975
    //   vitamin premix: no elementary flow
    //   = 25,553,600.63975 kg CO2 eq ÷ 3742 calves.
    [Fact]
    public void A_process_linked_with_the_database_gives_its_hand_computed_GWP100_per_item()
    {
        var provider = new FileBackgroundSource(TestPackages.Root).Resolve(Database(TestPackages.Beef), "calf production; cow-calf operation; at farm", null, Indicators);

        Assert.Equal(("process", "Item(s)"), (provider.Kind, provider.ProductUnit));
        Assert.Equal(25_553_600.63975 / 3742, provider.PerUnit["gwp100"], 9);
        Assert.Contains("7 activities linked by default provider, else the only maker", provider.Solved, StringComparison.Ordinal);
        Assert.Contains("1 processes left out", provider.Solved, StringComparison.Ordinal); // alfalfa hay: no quantitative reference
    }

    [Fact]
    public void The_OLMo_exports_grid_electricity_links_back_to_its_factors()
    {
        var folder = Directory.CreateTempSubdirectory("cradle-link-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "olmo.zip"), ExportedExample.Zip());
            var provider = new FileBackgroundSource(folder).Resolve(Database("olmo.zip", "OLMo export", "1"), "inference: grid electricity, Austin Energy (Texas) (offline-batching)", null, Indicators);

            // Austin Energy: 0.332 kg CO2e/kWh and, for serving, 1.49 L/kWh off site; the package counts energy in MJ.
            Assert.Equal("MJ", provider.ProductUnit);
            Assert.Equal(0.332 / 3.6, provider.PerUnit["gwp100"], 14);
            Assert.Equal(1.49 / 3.6, provider.PerUnit["water"], 14);
            Assert.Empty(provider.Unmapped);
            Assert.Equal(64, provider.PackageSha256.Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Unknown_ambiguous_and_unlinkable_providers_are_refused_with_what_to_do()
    {
        var source = new FileBackgroundSource(TestPackages.Root);
        var unknown = Assert.Throws<BackgroundSourceException>(() => source.Resolve(Database(TestPackages.Beef), "calf production; cow-calf operation; at farms", null, Indicators));
        Assert.Contains("did you mean 'calf production; cow-calf operation; at farm'", unknown.Message, StringComparison.Ordinal);
        Assert.False(unknown.WithFile);

        var alfalfa = Assert.Throws<BackgroundSourceException>(() => source.Resolve(Database(TestPackages.Beef), "bb4f02fd-2277-400d-92ef-0b712aef4baf", null, Indicators));
        Assert.Contains("cannot be linked: no quantitative reference; link a product system of the database that includes it", alfalfa.Message, StringComparison.Ordinal);

        var copy = TestPackages.CopyToTemp(TestPackages.Beef);
        try
        {
            // Give the vitamin premix process the calves' name: two processes of one name must be named by id.
            var premix = Path.Combine(copy, "processes", "9f9e378b-7faa-4d4c-a419-3374b3632021.json");
            File.WriteAllText(premix, File.ReadAllText(premix).Replace("\"name\":\"vitamin premix production; cow feed vitamin mix; at processing plant gate\"",
                "\"name\":\"calf production; cow-calf operation; at farm\"", StringComparison.Ordinal));
            var ambiguous = Assert.Throws<BackgroundSourceException>(() => new FileBackgroundSource(copy).Resolve(Database("."), "calf production; cow-calf operation; at farm", null, Indicators));
            Assert.Contains("2 processes are named", ambiguous.Message, StringComparison.Ordinal);
            Assert.Contains("9f9e378b-7faa-4d4c-a419-3374b3632021", ambiguous.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void A_plain_package_needs_name_and_version_and_a_kept_file_must_match_them()
    {
        var plain = Assert.Throws<BackgroundSourceException>(() => new FileBackgroundSource(TestPackages.Root).Resolve(Database(TestPackages.Beef, version: null), "x", null, Indicators));
        Assert.True(plain.WithFile);
        Assert.Contains("is a plain openLCA package", plain.Message, StringComparison.Ordinal);

        var folder = Directory.CreateTempSubdirectory("cradle-link-").FullName;
        try
        {
            BackgroundDatabaseFile.Write(TestPackages.Beef, "USDA beef", "2018-07-31", Path.Combine(folder, "beef.zip"), "cradle test", DateTimeOffset.UnixEpoch);
            var source = new FileBackgroundSource(folder);
            var kept = source.Resolve(Database("beef.zip", null, null), "calf production; cow-calf operation; at farm", null, Indicators);
            Assert.Equal(("USDA beef", "2018-07-31"), (kept.DatabaseName, kept.DatabaseVersion));
            var mismatch = Assert.Throws<BackgroundSourceException>(() => source.Resolve(Database("beef.zip", "USDA beef", "2019"), "x", null, Indicators));
            Assert.True(mismatch.WithFile);
            Assert.Contains("the file holds 'USDA beef' version 2018-07-31, but the study says 'USDA beef' version 2019", mismatch.Message, StringComparison.Ordinal);
            var missing = Assert.Throws<BackgroundSourceException>(() => source.Resolve(Database("nowhere.zip"), "x", null, Indicators));
            Assert.True(missing.WithFile);
            Assert.Contains("'nowhere.zip' cannot be used", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
