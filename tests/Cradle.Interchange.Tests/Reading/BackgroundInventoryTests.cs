using Cradle.Catalog;
using Cradle.Interchange.Background;
using Cradle.Interchange.Reading;

namespace Cradle.Interchange.Tests.Reading;

/// <summary>
/// The beef set's product system solved with Cradle.Core's engine and checked against a hand computation from the
/// process files (bw2io_beef-cattle-finishing/processes, amounts as given there).
/// </summary>
public sealed class BackgroundInventoryTests
{
    private const string Beef = "1b97b691-7c00-4150-9e97-df2020bfd203";        // makes 2,914,841.44 kg live weight (its qref)
    private const string Calves = "ac2816ed-803d-4436-92b6-2ea9cd5ce67a";      // makes 3742 Item(s) calves
    private const string Feed = "efa8b1d9-dd4a-4d25-b595-2dad6932e428";        // makes 1 Item(s) cattle feed
    private const string Vitamins = "9f9e378b-7faa-4d4c-a419-3374b3632021";    // makes 1 kg vitamin premix
    private const string Alfalfa = "bb4f02fd-2277-400d-92ef-0b712aef4baf";     // no qref; its link names its 8093 t alfalfa hay
    private const string Grass = "2185d89c-d65f-4116-99ad-2ee41ba80689";       // makes 23042 t grass pasture
    private const string MethaneBiogenic = "57bdb443-d4a6-423d-8024-959b8261d02e";
    private const string WaterWell = "67c40aae-d403-464d-9649-c12695e43ad8";

    // Scaling from the links and the target (2,914,841.44 kg of beef):
    //   beef finishing   2,914,841.44 / 2,914,841.44 kg                    = 1
    //   calves           3742 Item(s) into beef × 1 / 3742 made            = 1
    //   cattle feed      0.825 Item(s) into beef × 1 / 1 made              = 0.825
    //   corn grain       6318 t into feed × 0.825 / 6318 t made            = 0.825 (corn silage 6991/6991, alfalfa 8093/8093: also 0.825)
    //   grass pasture    23042 t into calves × 1 / 23042 t made            = 1
    //   vitamin premix   (1000 kg into beef × 1 + 1000 kg into calves × 1) / 1 kg made = 2000
    // Methane, biogenic (emission to air, kg): beef 130,035 × 1 + calves 673,445 × 1 + feed 8,092 × 0.825 (= 6,675.9)
    //   = 810,155.9 kg.
    // Water, well, in ground (resource, gal (US liq) = 0.00379 m3 in the set's "Units of volume"): beef 4,938,710 × 1
    //   + calves 5,121,345 × 1 + feed 1,031,800,000 × 0.825 (= 851,235,000) + grass 311,850,000 × 1 = 1,173,145,055 gal
    //   × 0.00379 = 4,446,219.75845 m3, an input from nature, so −4,446,219.75845.
    [Fact]
    public void The_beef_system_scales_and_sums_as_computed_by_hand()
    {
        var db = OpenLcaPackageReader.Read(TestPackages.Beef);
        var inventory = BackgroundInventorySolver.Solve(db, db.ProductSystems.Values.Single());

        Assert.Equal(8, inventory.ProcessScaling.Count);
        Assert.Equal(1.0, inventory.ProcessScaling[Beef], 12);
        Assert.Equal(1.0, inventory.ProcessScaling[Calves], 12);
        Assert.Equal(0.825, inventory.ProcessScaling[Feed], 12);
        Assert.Equal(0.825, inventory.ProcessScaling[Alfalfa], 12);
        Assert.Equal(1.0, inventory.ProcessScaling[Grass], 12);
        Assert.Equal(2000.0, inventory.ProcessScaling[Vitamins], 9);

        Assert.Equal(810_155.9, inventory.Flows[MethaneBiogenic], 6);
        Assert.Equal(-4_446_219.75845, inventory.Flows[WaterWell], 4);
    }

    // GWP100 (IPCC AR6, Cradle's catalog): CO2 1, CH4 non-fossil 27.0, N2O 273 kg CO2 eq/kg.
    //   CO2 (both "Carbon dioxide" flows to air): feed 250,419 × 0.825 (= 206,595.675) + grass 309,278 = 515,873.675 kg
    //   CH4 biogenic: 810,155.9 kg (above)
    //   N2O (three "Dinitrogen monoxide" flows to air): beef 6,591 + calves 25,123 + 41.75 + feed (6,080 + 567) × 0.825
    //     (= 5,483.775) + grass 700.84575 = 37,940.37075 kg
    //   GWP100 = 515,873.675 + 27 × 810,155.9 (= 21,874,209.3) + 273 × 37,940.37075 (= 10,357,721.21475)
    //          = 32,747,804.18975 kg CO2 eq for the 2,914,841.44 kg live weight.
    [Fact]
    public void The_beef_system_characterised_with_the_catalogs_GWP100_gives_the_hand_computed_score()
    {
        var db = OpenLcaPackageReader.Read(TestPackages.Beef);
        var inventory = BackgroundInventorySolver.Solve(db, db.ProductSystems.Values.Single());
        var gwp = CatalogClimateMapping.Characterise(db, inventory, CatalogLoader.Shipped, "ipcc-ar6-gwp100");

        Assert.Equal("kg CO2 eq", gwp.Unit);
        Assert.Equal(32_747_804.18975, gwp.Score, 4);
        Assert.Equal(6, gwp.Mapped.Count); // 2 CO2 + 1 CH4 + 3 N2O flows
        Assert.Equal("ch4-non-fossil-air", gwp.Mapped[MethaneBiogenic].CatalogFlow);
        Assert.Contains(WaterWell, gwp.Unmapped);
    }

    [Fact]
    public void A_provider_linked_for_two_products_is_refused_rather_than_allocated()
    {
        var dir = TestPackages.CopyToTemp(TestPackages.Beef);
        try
        {
            // Relink the vitamin premix supplied to the calves as if the premix process also made grass pasture.
            var path = Directory.GetFiles(Path.Combine(dir, "product_systems")).Single();
            var system = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
            var link = system["processLinks"]!.AsArray().Single(l => (string?)l!["provider"]!["@id"] == Vitamins && (string?)l!["process"]!["@id"] == Calves)!;
            var grassFlow = system["processLinks"]!.AsArray().Single(l => (string?)l!["provider"]!["@id"] == Grass)!["flow"]!["@id"]!.GetValue<string>();
            link["flow"]!["@id"] = grassFlow;
            File.WriteAllText(path, system.ToJsonString());

            var db = OpenLcaPackageReader.Read(dir);
            Assert.Contains(db.Findings, f => f.Code == "unknown-exchange" && f.File == "product_systems/" + Path.GetFileName(path));
            var e = Assert.Throws<OpenLcaPackageException>(() => BackgroundInventorySolver.Solve(db, db.ProductSystems.Values.Single()));
            Assert.Equal("processLinks", e.Field);
            Assert.Contains("provides two products in this system", e.Message, StringComparison.Ordinal);
            Assert.Contains("Cradle does not choose", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
