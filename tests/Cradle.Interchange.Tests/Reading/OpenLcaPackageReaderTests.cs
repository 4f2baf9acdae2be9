using Cradle.Interchange.Reading;

namespace Cradle.Interchange.Tests.Reading;

/// <summary>The real openLCA JSON-LD sets of tests/data/openlca-jsonld read whole, counted as their README counts them.</summary>
public sealed class OpenLcaPackageReaderTests
{
    [Fact]
    public void The_beef_set_reads_with_the_counts_of_its_readme()
    {
        var db = OpenLcaPackageReader.Read(TestPackages.Beef);
        Assert.Equal(OpenLcaSchemaVersion.V1, db.Schema);
        Assert.Equal(8, db.Processes.Count);
        Assert.Equal(48, db.Flows.Count);
        Assert.Equal(6, db.FlowProperties.Count);
        Assert.Equal(6, db.UnitGroups.Count);
        Assert.Equal(5, db.Locations.Count);
        var system = Assert.Single(db.ProductSystems.Values);
        Assert.Equal(8, system.ProcessIds.Count);
        Assert.Equal(8, system.Links.Count);
        Assert.Equal(2_914_841.44, system.TargetAmount);
        Assert.Equal("kg", system.TargetUnitName);
        Assert.Equal("1b97b691-7c00-4150-9e97-df2020bfd203", system.ReferenceProcessId);
        Assert.Equal(18, db.Flows.Values.Count(f => f.Type == BackgroundFlowType.Elementary));
        // Folders Cradle does not read are counted, not dropped silently.
        Assert.Equal(4, db.OtherEntities["actors"]);
        Assert.Equal(49, db.OtherEntities["categories"]);
    }

    [Fact]
    public void The_beef_sets_alfalfa_process_is_reported_without_a_quantitative_reference()
    {
        var db = OpenLcaPackageReader.Read(TestPackages.Beef);
        var finding = Assert.Single(db.Findings, f => f.Code == "no-quantitative-reference");
        Assert.Equal("processes/bb4f02fd-2277-400d-92ef-0b712aef4baf.json", finding.File);
        Assert.Equal("exchanges", finding.Field);
        Assert.Contains("alfalfa hay production", finding.Message, StringComparison.Ordinal);
        // Independently counted (python over processes/*.json): 57 product inputs whose flow no process of the set outputs.
        Assert.Equal(57, db.Findings.Count(f => f.Code == "cut-off"));
        Assert.DoesNotContain(db.Findings, f => f.Code is "unknown-unit" or "unknown-flow" or "unknown-flow-property");
    }

    [Fact]
    public void US_FPL_lists_its_multi_output_processes_with_the_allocation_they_state()
    {
        var db = OpenLcaPackageReader.Read(TestPackages.UsFpl);
        Assert.Equal(4, db.Processes.Count);
        Assert.Equal(23, db.Flows.Count);
        Assert.Equal(4, db.FlowProperties.Count);
        Assert.Equal(4, db.UnitGroups.Count);
        Assert.Equal(5, db.Locations.Count);
        Assert.Empty(db.ProductSystems);

        var multi = db.Findings.Where(f => f.Code == "multi-output").OrderBy(f => f.File, StringComparer.Ordinal).ToList();
        Assert.Equal(2, multi.Count);
        // Pyrolysis: biochar, syngas and tar; 3 physical, 3 economic and 12 causal factors in its file.
        Assert.Equal("processes/64dec5f5-ce97-40f2-a767-2fc665dfb473.json", multi[0].File);
        Assert.Equal("allocationFactors", multi[0].Field);
        Assert.Contains("provides 3 products", multi[0].Message, StringComparison.Ordinal);
        Assert.Contains("default allocation method CAUSAL_ALLOCATION", multi[0].Message, StringComparison.Ordinal);
        Assert.Contains("CAUSAL_ALLOCATION 12", multi[0].Message, StringComparison.Ordinal);
        Assert.Contains("ECONOMIC_ALLOCATION 3", multi[0].Message, StringComparison.Ordinal);
        Assert.Contains("PHYSICAL_ALLOCATION 3", multi[0].Message, StringComparison.Ordinal);
        // Torrefied chips (the file bw2io's maintainers gave allocation): torrefied chips and torgas; 2 + 2 + 12 factors.
        Assert.Equal("processes/81e3e71d-0616-32a8-89ce-216aacc03ff5.json", multi[1].File);
        Assert.Contains("provides 2 products", multi[1].Message, StringComparison.Ordinal);
        Assert.Equal(16, db.Processes["81e3e71d-0616-32a8-89ce-216aacc03ff5"].AllocationFactors.Count);
        Assert.Equal(12, db.Processes["81e3e71d-0616-32a8-89ce-216aacc03ff5"].AllocationFactors.Count(a => a.Method == "CAUSAL_ALLOCATION"));
    }

    [Fact]
    public void US_FPL_lists_the_providers_it_does_not_hold_as_cut_offs()
    {
        var db = OpenLcaPackageReader.Read(TestPackages.UsFpl);
        var cutOffs = db.Findings.Where(f => f.Code == "cut-off").ToList();
        // Counted independently: 11 + 2 + 3 + 5 inputs (and unprovided wastes) over the four processes. Whole tree chips
        // are made by the sawmill process, so their inputs to pyrolysis and torrefaction are not cut off.
        Assert.Equal(21, cutOffs.Count);
        Assert.Contains(cutOffs, f => f.File == "processes/64dec5f5-ce97-40f2-a767-2fc665dfb473.json" && f.Field == "exchanges[2].flow"
            && f.Message.Contains("'Electricity, at grid'", StringComparison.Ordinal));
        Assert.DoesNotContain(cutOffs, f => f.Message.Contains("'Whole tree chips; softwood; at sawmill, INW'", StringComparison.Ordinal));
    }

    [Fact]
    public void Exchange_amounts_are_converted_to_the_flows_reference_unit()
    {
        var db = OpenLcaPackageReader.Read(TestPackages.UsFpl);
        var pyrolysis = db.Processes["64dec5f5-ce97-40f2-a767-2fc665dfb473"];
        // LPG: 59 l, flow in m3; "Units of volume" gives l = 0.001 m3: 59 × 0.001 = 0.059 m3.
        var lpg = pyrolysis.Exchanges.Single(e => e.InternalId == 2);
        Assert.Equal(("l", 59.0), (lpg.UnitName, lpg.Amount));
        Assert.Equal(0.059, lpg.ReferenceAmount!.Value, 12);
        // Electricity: 2.87 kWh, flow in MJ; "Units of energy" gives kWh = 3.6 MJ: 2.87 × 3.6 = 10.332 MJ.
        // The file gives internalId 3 twice (11.2 kg and 2.87 kWh): a quirk reported, not resolved.
        var electricity = pyrolysis.Exchanges.Single(e => e.InternalId == 3 && e.UnitName == "kWh");
        Assert.Equal(("kWh", 2.87), (electricity.UnitName, electricity.Amount));
        Assert.Equal(10.332, electricity.ReferenceAmount!.Value, 12);
        Assert.Contains(db.Findings, f => f.Code == "duplicate-exchange-id" && f.File == "processes/64dec5f5-ce97-40f2-a767-2fc665dfb473.json"
            && f.Field == "exchanges[2].internalId");
    }

    [Fact]
    public void An_unknown_unit_is_reported_with_entry_and_field_and_left_unconverted()
    {
        var dir = TestPackages.CopyToTemp(TestPackages.UsFpl);
        try
        {
            const string File = "processes/64dec5f5-ce97-40f2-a767-2fc665dfb473.json";
            var path = Path.Combine(dir, File);
            var text = System.IO.File.ReadAllText(path);
            const string KWh = "\"unit\":{\"@type\":\"Unit\",\"@id\":\"86ad2244-1f0e-4912-af53-7865283103e4\",\"name\":\"kWh\"}";
            Assert.Contains(KWh, text, StringComparison.Ordinal);
            System.IO.File.WriteAllText(path, text.Replace(KWh, "\"unit\":{\"@type\":\"Unit\",\"name\":\"kWhr\"}", StringComparison.Ordinal));

            var db = OpenLcaPackageReader.Read(dir);
            var finding = Assert.Single(db.Findings, f => f.Code == "unknown-unit");
            Assert.Equal((File, "exchanges[2].unit"), (finding.File, finding.Field));
            Assert.Contains("'kWhr' is not a unit of 'Units of energy'", finding.Message, StringComparison.Ordinal);
            var electricity = db.Processes["64dec5f5-ce97-40f2-a767-2fc665dfb473"].Exchanges[2];
            Assert.Equal(("kWhr", 2.87), (electricity.UnitName, electricity.Amount));
            Assert.Null(electricity.ReferenceAmount);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_two_openLCA_1_7_zips_read()
    {
        var exchange = OpenLcaPackageReader.Read(TestPackages.Data("olca-modules_test-zips", "exchange_sync-all.zip"));
        Assert.Equal(OpenLcaSchemaVersion.V1, exchange.Schema);
        Assert.Equal((2, 2, 1, 1, 1), (exchange.Processes.Count, exchange.Flows.Count, exchange.FlowProperties.Count, exchange.UnitGroups.Count, exchange.ProductSystems.Count));

        var method = OpenLcaPackageReader.Read(TestPackages.Data("olca-modules_test-zips", "nw_set_sync-all.zip"));
        var lcia = Assert.Single(method.ImpactMethods.Values);
        Assert.Equal("Test method", lcia.Name);
        var category = Assert.Single(method.ImpactCategories.Values);
        Assert.Equal(category.Id, Assert.Single(lcia.CategoryIds));
        Assert.Equal("tests", category.ReferenceUnit);
        Assert.Equal(1, method.OtherEntities["nw_sets"]);
        Assert.Equal(1, method.OtherEntities["projects"]);
    }

    [Fact]
    public void The_olca_schema_2_examples_read_with_their_field_names()
    {
        // The examples are one object per type; laid out as an openLCA 2 package (olca-schema.json at the root).
        var dir = Path.Combine(Path.GetTempPath(), "cradle-olca2-" + Guid.NewGuid().ToString("N"));
        try
        {
            var examples = TestPackages.Data("olca-schema_examples");
            foreach (var (file, folder) in new[] { ("unit_group", "unit_groups"), ("flow_property", "flow_properties"), ("flow", "flows"),
                ("process", "processes"), ("product_system", "product_systems"), ("impact_category", "lcia_categories"), ("location", "locations") })
            {
                Directory.CreateDirectory(Path.Combine(dir, folder));
                File.Copy(Path.Combine(examples, file + ".json"), Path.Combine(dir, folder, file + ".json"));
            }
            File.WriteAllText(Path.Combine(dir, "olca-schema.json"), "{\"version\": 2}");
            var db = OpenLcaPackageReader.Read(dir);

            Assert.Equal(OpenLcaSchemaVersion.V2, db.Schema);
            var energy = db.UnitGroups["93a60a57-a3c8-11da-a746-0800200c9a66"];
            Assert.Equal("MJ", energy.ReferenceUnit!.Name);                    // isRefUnit
            Assert.Equal(3.6, energy.Find(null, "kWh")!.ConversionFactor);
            var flow = db.Flows["4a40cb39-e306-3649-b6da-ca061e384e23"];
            Assert.Equal("f6811440-ee37-11de-8a39-0800200c9a66", flow.ReferenceProperty!.FlowPropertyId); // isRefFlowProperty
            Assert.Equal(["electricity", "supply mix"], flow.CategoryPath);  // 2.x: a path string
            var steel = Assert.Single(db.Processes.Values).Exchanges.Single();
            Assert.True(steel.IsQuantitativeReference);                       // isQuantitativeReference
            Assert.False(steel.IsInput);                                      // isInput
            var system = Assert.Single(db.ProductSystems.Values);
            Assert.Equal("55fd27b1-c73d-4a76-b560-cfc461e81efd", system.ReferenceProcessId); // refProcess
            Assert.Equal(1, system.ReferenceExchangeInternalId);             // refExchange (ExchangeRef)
            Assert.Equal(2, Assert.Single(system.Links).ExchangeInternalId);
            var category = Assert.Single(db.ImpactCategories.Values);
            Assert.Equal(1.0943318963e-09, Assert.Single(category.Factors).Value);
            // The examples reference entities they do not include: listed, not guessed.
            Assert.Contains(db.Findings, f => f.Code == "unknown-flow" && f.File == "processes/process.json" && f.Field == "exchanges[0].unit");
            Assert.Contains(db.Findings, f => f.Code == "unknown-process" && f.File == "product_systems/product_system.json");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
