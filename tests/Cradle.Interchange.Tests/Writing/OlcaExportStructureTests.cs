using System.IO.Compression;
using System.Text.Json;

namespace Cradle.Interchange.Tests.Writing;

/// <summary>
/// The package `cradle export --format openlca-jsonld` writes for the OLMo 2 7B example, checked against GreenDelta's
/// olca-schema 2.x examples (tests/data/openlca-jsonld/olca-schema_examples/): layout, field names and JSON types,
/// references that resolve inside the package, stable ids and bytes.
/// </summary>
public sealed class OlcaExportStructureTests
{
    /// <summary>Entity folder of each type (olca-schema 2.x zip layout).</summary>
    private static readonly Dictionary<string, string> Folders = new(StringComparer.Ordinal)
    {
        ["Process"] = "processes", ["Flow"] = "flows", ["FlowProperty"] = "flow_properties", ["UnitGroup"] = "unit_groups",
        ["ImpactMethod"] = "lcia_methods", ["ImpactCategory"] = "lcia_categories", ["ProductSystem"] = "product_systems",
        ["Parameter"] = "parameters",
    };

    /// <summary>The example file of each type that has one.</summary>
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["Process"] = "process", ["Exchange"] = "exchange", ["Flow"] = "flow", ["FlowProperty"] = "flow_property",
        ["FlowPropertyFactor"] = "flow_property_factor", ["Unit"] = "unit", ["UnitGroup"] = "unit_group",
        ["ImpactCategory"] = "impact_category", ["ImpactFactor"] = "impact_factor", ["ProductSystem"] = "product_system",
        ["ProcessLink"] = "process_link", ["Uncertainty"] = "uncertainty",
    };

    /// <summary>
    /// Fields of olca-schema 2.x that the examples happen not to show and that the package writes: every entity's category
    /// and description, a process's lastInternalId, an exchange's defaultProvider, a method's impactCategories.
    /// </summary>
    private static readonly HashSet<string> FieldsNotInExamples = new(StringComparer.Ordinal)
    {
        "Process.category", "ProductSystem.category", "ProductSystem.description", "ImpactCategory.category",
        "Process.lastInternalId", "Exchange.defaultProvider", "FlowProperty.description", "Flow.description", "UnitGroup.description",
        // The uncertainty example is a normal distribution; the other kinds' fields are those of yaml/Uncertainty.yaml.
        "Uncertainty.geomMean", "Uncertainty.geomSd", "Uncertainty.minimum", "Uncertainty.mode", "Uncertainty.maximum",
        // Parameters and their redefinitions: yaml/Exchange.yaml (amountFormula), yaml/ProductSystem.yaml (parameterSets).
        "Exchange.amountFormula", "ProductSystem.parameterSets",
    };

    /// <summary>What each type must carry, by the names the examples use.</summary>
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["Exchange"] = ["@type", "amount", "flow", "unit", "flowProperty", "isInput", "isQuantitativeReference", "internalId"],
        ["ProcessLink"] = ["@type", "provider", "flow", "process", "exchange"],
        ["ProductSystem"] = ["@type", "@id", "name", "refProcess", "refExchange", "targetAmount", "targetFlowProperty", "targetUnit", "processes", "processLinks"],
        ["Process"] = ["@type", "@id", "name", "processType", "exchanges"],
        ["Flow"] = ["@type", "@id", "name", "flowType", "flowProperties"],
        ["FlowProperty"] = ["@type", "@id", "name", "unitGroup"],
        ["UnitGroup"] = ["@type", "@id", "name", "units", "defaultFlowProperty"],
        ["Unit"] = ["@type", "@id", "name"],
        ["ImpactCategory"] = ["@type", "@id", "name", "referenceUnitName", "impactFactors"],
        ["ImpactFactor"] = ["@type", "value", "flow", "unit", "flowProperty"],
        ["FlowPropertyFactor"] = ["@type", "isRefFlowProperty", "conversionFactor", "flowProperty"],
        // No examples: field names from olca-schema's yaml/Parameter.yaml, ParameterRedefSet.yaml, ParameterRedef.yaml.
        ["Parameter"] = ["@type", "@id", "name", "parameterScope", "isInputParameter", "value"],
        ["ParameterRedefSet"] = ["@type", "name", "isBaseline", "parameters"],
        ["ParameterRedef"] = ["@type", "name", "value"],
        ["Uncertainty"] = ["@type", "distributionType"],
    };

    [Fact]
    public void The_zip_has_the_version_file_first_and_one_entity_per_file_in_the_type_folders()
    {
        using var zip = new ZipArchive(new MemoryStream(ExportedExample.Zip()), ZipArchiveMode.Read);
        Assert.Equal("olca-schema.json", zip.Entries[0].FullName);
        using (var reader = new StreamReader(zip.Entries[0].Open()))
        {
            Assert.Equal(2, JsonDocument.Parse(reader.ReadToEnd()).RootElement.GetProperty("version").GetInt32());
        }
        foreach (var (path, entity) in ExportedExample.Entities)
        {
            var type = entity.GetProperty("@type").GetString()!;
            Assert.Equal($"{Folders[type]}/{entity.GetProperty("@id").GetString()}.json", path);
        }
        // Three alternatives of the OLMo example (offline batching, Poisson 8 and 1 requests/s): three product systems,
        // each with its 16 processes (48), one method (Cradle's indicators) with its two categories (GWP100, water).
        var byFolder = ExportedExample.Entities.Keys.GroupBy(p => p.Split('/')[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, byFolder["product_systems"]);
        Assert.Equal(48, byFolder["processes"]);
        Assert.Equal(1, byFolder["lcia_methods"]);
        Assert.Equal(2, byFolder["lcia_categories"]);
        Assert.True(byFolder.ContainsKey("flows") && byFolder.ContainsKey("flow_properties") && byFolder.ContainsKey("unit_groups"));
    }

    [Fact]
    public void Every_object_has_the_schema_examples_field_names_and_json_types()
    {
        var checkedTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, entity) in ExportedExample.Entities)
        {
            foreach (var (obj, isReference) in Objects(entity, isReference: false))
            {
                var type = obj.GetProperty("@type").GetString()!;
                if (type == "ExchangeRef")
                {
                    Assert.Equal(["@type", "internalId"], obj.EnumerateObject().Select(p => p.Name));
                    Assert.Equal(JsonValueKind.Number, obj.GetProperty("internalId").ValueKind);
                    continue;
                }
                if (isReference)
                {
                    // A reference: @type, @id, name, as in every example's references.
                    Assert.Equal(["@type", "@id", "name"], obj.EnumerateObject().Select(p => p.Name));
                    continue;
                }
                checkedTypes.Add(type);
                if (Required.TryGetValue(type, out var required))
                {
                    foreach (var field in required)
                    {
                        Assert.True(obj.TryGetProperty(field, out _), $"{path}: a {type} without '{field}'");
                    }
                }
                if (!Examples.TryGetValue(type, out var file))
                {
                    continue;
                }
                var example = ExportedExample.SchemaExample(file);
                foreach (var field in required ?? [])
                {
                    Assert.True(example.TryGetProperty(field, out _), $"the {file}.json example has no '{field}'");
                }
                foreach (var property in obj.EnumerateObject())
                {
                    if (example.TryGetProperty(property.Name, out var expected))
                    {
                        Assert.True(Kind(expected) == Kind(property.Value), $"{path}: {type}.{property.Name} is {property.Value.ValueKind}, the example's {expected.ValueKind}");
                    }
                    else
                    {
                        Assert.Contains($"{type}.{property.Name}", FieldsNotInExamples);
                    }
                }
            }
        }
        Assert.Equal(12, checkedTypes.Intersect(Examples.Keys).Count());
        Assert.Superset(new HashSet<string>(["Parameter", "ParameterRedefSet"], StringComparer.Ordinal), checkedTypes);
    }

    private static readonly string[] FlowTypes = ["PRODUCT_FLOW", "ELEMENTARY_FLOW"];

    [Fact]
    public void Enumerations_take_the_schemas_values()
    {
        foreach (var entity in ExportedExample.Entities.Values)
        {
            switch (entity.GetProperty("@type").GetString())
            {
                case "Process":
                    Assert.Equal("UNIT_PROCESS", entity.GetProperty("processType").GetString());
                    Assert.Single(entity.GetProperty("exchanges").EnumerateArray(), e => e.GetProperty("isQuantitativeReference").GetBoolean());
                    break;
                case "Flow":
                    Assert.Contains(entity.GetProperty("flowType").GetString(), FlowTypes);
                    break;
                case "FlowProperty":
                    Assert.Equal("PHYSICAL_QUANTITY", entity.GetProperty("flowPropertyType").GetString());
                    break;
                case "UnitGroup":
                    Assert.Single(entity.GetProperty("units").EnumerateArray(), u => u.GetProperty("isRefUnit").GetBoolean());
                    break;
            }
        }
    }

    [Fact]
    public void Every_reference_resolves_to_an_entity_of_the_package()
    {
        var entities = ExportedExample.Entities;
        var units = entities.Values.Where(e => e.GetProperty("@type").GetString() == "UnitGroup")
            .SelectMany(g => g.GetProperty("units").EnumerateArray())
            .ToDictionary(u => u.GetProperty("@id").GetString()!, u => u.GetProperty("name").GetString()!);
        var references = 0;
        foreach (var entity in entities.Values)
        {
            foreach (var (obj, isReference) in Objects(entity, isReference: false))
            {
                var type = obj.GetProperty("@type").GetString()!;
                if (!isReference || type == "ExchangeRef")
                {
                    continue;
                }
                references++;
                var id = obj.GetProperty("@id").GetString()!;
                var name = obj.GetProperty("name").GetString()!;
                if (type == "Unit")
                {
                    Assert.Equal(units[id], name);
                    continue;
                }
                Assert.True(entities.TryGetValue($"{Folders[type]}/{id}.json", out var target), $"{type} {id} ({name}) is not in the package");
                Assert.Equal(name, target.GetProperty("name").GetString());
            }
        }
        Assert.True(references > 500, $"only {references} references");

        // Exchange references: the product system's reference exchange is its reference process's quantitative
        // reference; each link's exchange is an input of the linked flow, which is the provider's reference output.
        foreach (var system in entities.Values.Where(e => e.GetProperty("@type").GetString() == "ProductSystem"))
        {
            var members = system.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("@id").GetString()).ToHashSet();
            var refExchange = ExchangeOf(entities, system.GetProperty("refProcess"), system.GetProperty("refExchange"));
            Assert.True(refExchange.GetProperty("isQuantitativeReference").GetBoolean());
            foreach (var link in system.GetProperty("processLinks").EnumerateArray())
            {
                Assert.Contains(link.GetProperty("provider").GetProperty("@id").GetString(), members);
                Assert.Contains(link.GetProperty("process").GetProperty("@id").GetString(), members);
                var input = ExchangeOf(entities, link.GetProperty("process"), link.GetProperty("exchange"));
                Assert.True(input.GetProperty("isInput").GetBoolean());
                var flow = link.GetProperty("flow").GetProperty("@id").GetString();
                Assert.Equal(flow, input.GetProperty("flow").GetProperty("@id").GetString());
                var provider = entities[$"processes/{link.GetProperty("provider").GetProperty("@id").GetString()}.json"];
                var output = provider.GetProperty("exchanges").EnumerateArray().Single(e => e.GetProperty("isQuantitativeReference").GetBoolean());
                Assert.Equal(flow, output.GetProperty("flow").GetProperty("@id").GetString());
            }
        }
    }

    [Fact]
    public void Exporting_twice_gives_the_same_ids_and_the_same_bytes()
    {
        var first = ExportedExample.Zip();
        var second = ExportedExample.Zip();
        Assert.Equal(first, second);
        Assert.Equal(ExportedExample.Entries().Select(e => e.Path), ExportedExample.Entries().Select(e => e.Path));
        // Ids are name-based (version 5) UUIDs of Cradle's ids in Cradle's namespace; this one was computed independently
        // with Python: uuid.uuid5(UUID('0c7a5d2e-3b61-4f0a-9d8e-6a4c1f2b7e90'), 'process/offline-batching/trained-model').
        var trainedModel = ExportedExample.Entities["processes/900e8e16-2296-5f44-b45f-00869aa6e80f.json"];
        Assert.Equal("trained model (offline-batching)", trainedModel.GetProperty("name").GetString());
        // Every id Cradle made is version 5 (the 13th hex digit); the others are openLCA's reference-data ids.
        var ours = ExportedExample.Entities.Values.Select(e => e.GetProperty("@id").GetString()!).Where(id => id[14] == '5').Count();
        Assert.True(ours >= 48 + 3 + 3, $"{ours} version-5 ids");
    }

    [Fact]
    public void An_exchange_amount_is_the_studys_value_in_the_reference_unit()
    {
        // Hand-computed: the Jupiter cluster's IT energy (pre-training, offline batching) draws grid electricity at the
        // site's PUE, 1.2 kWh per kWh of IT energy (study.yaml, sites.jupiter.pue). openLCA counts energy in MJ:
        // reference output 1 kWh = 3.6 MJ; input 1.2 kWh × 3.6 MJ/kWh = 4.32 MJ. The grid's water, 1.29 L/kWh
        // (grids.austin-energy), is 1.29 L × 0.001 m³/L = 0.00129 m³ per 3.6 MJ, an input from nature.
        var processes = ExportedExample.Entities.Values.Where(e => e.GetProperty("@type").GetString() == "Process").ToList();
        var itEnergy = processes.Single(p => p.GetProperty("name").GetString() == "pre-training: IT energy at Jupiter cluster, Austin (offline-batching)");
        var exchanges = itEnergy.GetProperty("exchanges").EnumerateArray().ToList();
        Assert.Equal(3.6, exchanges[0].GetProperty("amount").GetDouble(), 12);
        Assert.Equal("MJ", exchanges[0].GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal(4.32, exchanges[1].GetProperty("amount").GetDouble(), 12);
        Assert.Equal("pre-training: grid electricity, Austin Energy (Texas)", exchanges[1].GetProperty("flow").GetProperty("name").GetString());
        Assert.Contains("sites.jupiter.pue", exchanges[1].GetProperty("description").GetString(), StringComparison.Ordinal);
        var grid = processes.Single(p => p.GetProperty("name").GetString() == "pre-training: grid electricity, Austin Energy (Texas) (offline-batching)");
        var water = grid.GetProperty("exchanges").EnumerateArray().Single(e => e.GetProperty("unit").GetProperty("name").GetString() == "m3");
        Assert.Equal(0.00129, water.GetProperty("amount").GetDouble(), 15);
        Assert.True(water.GetProperty("isInput").GetBoolean());
    }

    private static JsonElement ExchangeOf(IReadOnlyDictionary<string, JsonElement> entities, JsonElement process, JsonElement exchangeRef) =>
        entities[$"processes/{process.GetProperty("@id").GetString()}.json"].GetProperty("exchanges").EnumerateArray()
            .Single(e => e.GetProperty("internalId").GetInt32() == exchangeRef.GetProperty("internalId").GetInt32());

    /// <summary>Every object with an @type under <paramref name="element"/>, and whether it is a reference (an @id in a field of another object).</summary>
    private static IEnumerable<(JsonElement Object, bool IsReference)> Objects(JsonElement element, bool isReference)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("@type", out _))
            {
                yield return (element, isReference);
            }
            foreach (var property in element.EnumerateObject())
            {
                // A nested object with an @id refers to an entity; one without (an uncertainty, an ExchangeRef) is a value.
                foreach (var inner in Objects(property.Value, isReference: property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("@id", out _)))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                // An array holds either whole objects (exchanges, units, factors, links) or references (processes, categories).
                var referenceList = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("@id", out _) && item.EnumerateObject().Count() == 3;
                foreach (var inner in Objects(item, referenceList))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Kind(JsonElement value) => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? "boolean" : value.ValueKind.ToString();
}
