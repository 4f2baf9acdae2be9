namespace Cradle.Interchange.Reading;

/// <summary>
/// Turns the parsed entities of one package into the model, in dependency order (units before flows before processes),
/// converting every exchange amount and impact factor to its flow's reference unit.
/// </summary>
internal sealed class EntityReader(
    string source, OpenLcaSchemaVersion schema, Dictionary<string, List<JsonFields>> byFolder, IReadOnlyDictionary<string, int> other)
{
    private readonly List<ImportFinding> _findings = [];
    private readonly bool _v2 = schema == OpenLcaSchemaVersion.V2;

    public BackgroundDatabase Build()
    {
        var unitGroups = Index("unit_groups", ReadUnitGroup);
        var flowProperties = Index("flow_properties", f => new BackgroundFlowProperty(f.RequiredString("@id"), f.RequiredString("name"), f.RequiredRef("unitGroup")));
        var flows = Index("flows", ReadFlow);
        var locations = Index("locations", f => new BackgroundLocation(f.RequiredString("@id"), f.RequiredString("name"), f.OptionalString("code")));
        var units = new UnitConversion(flows, flowProperties, unitGroups, _findings);
        foreach (var group in unitGroups.Values.Where(g => g.ReferenceUnit is null))
        {
            _findings.Add(new ImportFinding("no-reference-unit", FileOf("unit_groups", group.Id), "units",
                $"unit group '{group.Name}' flags no reference unit; amounts in its units are converted by their factors as given."));
        }
        foreach (var flow in flows.Values.Where(f => f.ReferenceProperty is null))
        {
            _findings.Add(new ImportFinding("no-reference-flow-property", FileOf("flows", flow.Id), "flowProperties",
                $"flow '{flow.Name}' flags no reference flow property; its amounts cannot be converted to a reference unit."));
        }
        var processes = Index("processes", f => ReadProcess(f, units, _findings));
        var categories = Index("lcia_categories", f => ReadImpactCategory(f, units));
        var methods = Index("lcia_methods", f => new BackgroundImpactMethod(f.RequiredString("@id"), f.RequiredString("name"),
            f.Objects("impactCategories").Select(c => c.RequiredString("@id")).ToList()));
        var systems = Index("product_systems", ReadProductSystem);
        new PackageFindings(processes, flows, systems, methods, categories, FileOf, _findings).Collect();
        return new BackgroundDatabase(source, schema, processes, flows, flowProperties, unitGroups, methods, categories, systems, locations, other, _findings);
    }

    private Dictionary<(string Folder, string Id), string>? _files;

    private string FileOf(string folder, string id)
    {
        _files ??= byFolder.SelectMany(kv => kv.Value.Select(f => (Key: (kv.Key, f.RequiredString("@id")), f.File)))
            .DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.File);
        return _files.GetValueOrDefault((folder, id)) ?? $"{folder}/{id}.json";
    }

    private Dictionary<string, T> Index<T>(string folder, Func<JsonFields, T> read)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var fields in byFolder.GetValueOrDefault(folder) ?? [])
        {
            var id = fields.RequiredString("@id");
            if (!result.TryAdd(id, read(fields)))
            {
                throw new OpenLcaPackageException(fields.File, "@id", $"a second entity in {folder}/ has the id '{id}'; ids must be unique.");
            }
        }
        return result;
    }

    private static BackgroundUnitGroup ReadUnitGroup(JsonFields f) =>
        new(f.RequiredString("@id"), f.RequiredString("name"),
            f.Objects("units").Select(u => new BackgroundUnit(
                u.OptionalString("@id") ?? "", u.RequiredString("name"), u.RequiredNumber("conversionFactor"), u.Flag("referenceUnit", "isRefUnit"))).ToList());

    private BackgroundFlow ReadFlow(JsonFields f)
    {
        var type = f.RequiredString("flowType") switch
        {
            "PRODUCT_FLOW" => BackgroundFlowType.Product,
            "WASTE_FLOW" => BackgroundFlowType.Waste,
            "ELEMENTARY_FLOW" => BackgroundFlowType.Elementary,
            var other => throw new OpenLcaPackageException(f.File, "flowType", $"expected PRODUCT_FLOW, WASTE_FLOW or ELEMENTARY_FLOW, found \"{other}\"."),
        };
        var properties = f.Objects("flowProperties").Select(p => new BackgroundFlowPropertyFactor(
            p.RequiredRef("flowProperty"), p.OptionalNumber("conversionFactor") ?? 1.0, p.Flag("referenceFlowProperty", "isRefFlowProperty"))).ToList();
        return new BackgroundFlow(f.RequiredString("@id"), f.RequiredString("name"), type, CategoryPath(f), properties, f.OptionalRef("location"));
    }

    /// <summary>1.x: a Category reference whose categoryPath names its parents; 2.x: a path string "a/b/c".</summary>
    private string[] CategoryPath(JsonFields f)
    {
        if (!f.Has("category"))
        {
            return [];
        }
        if (_v2 || f.Element.GetProperty("category").ValueKind == System.Text.Json.JsonValueKind.String)
        {
            return (f.OptionalString("category") ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        }
        var category = f.RequiredObject("category");
        return [.. category.Strings("categoryPath"), category.RequiredString("name")];
    }

    private static BackgroundProcess ReadProcess(JsonFields f, UnitConversion units, List<ImportFinding> findings)
    {
        var exchanges = new List<BackgroundExchange>();
        foreach (var e in f.Objects("exchanges"))
        {
            var flow = e.RequiredObject("flow");
            var flowId = flow.RequiredString("@id");
            var unit = e.RequiredObject("unit");
            var unitName = unit.RequiredString("name");
            var amount = e.RequiredNumber("amount");
            var converted = units.ToReference(flowId, flow.OptionalString("name"), e.OptionalRef("flowProperty"), unit.OptionalString("@id"), unitName,
                amount, f.File, e.Path("unit"));
            exchanges.Add(new BackgroundExchange(e.RequiredInt("internalId"), flowId, e.Flag("input", "isInput"), amount, unitName,
                converted, e.Flag("quantitativeReference", "isQuantitativeReference"), e.Flag("avoidedProduct", "isAvoidedProduct"),
                e.OptionalRef("defaultProvider"))
            {
                Uncertainty = ExchangeUncertainty.Read(e, amount, findings),
            });
        }
        var allocation = f.Objects("allocationFactors").Select(a => new BackgroundAllocationFactor(
            a.RequiredString("allocationType"), a.RequiredRef("product"), a.RequiredNumber("value"),
            a.OptionalObject("exchange")?.RequiredInt("internalId"))).ToList();
        return new BackgroundProcess(f.RequiredString("@id"), f.RequiredString("name"), f.OptionalString("processType"), f.OptionalRef("location"),
            f.OptionalString("defaultAllocationMethod"), exchanges, allocation);
    }

    private static BackgroundImpactCategory ReadImpactCategory(JsonFields f, UnitConversion units)
    {
        var factors = new List<BackgroundImpactFactor>();
        foreach (var factor in f.Objects("impactFactors"))
        {
            var flow = factor.RequiredObject("flow");
            var flowId = flow.RequiredString("@id");
            var value = factor.RequiredNumber("value");
            var unit = factor.OptionalObject("unit");
            var unitName = unit?.RequiredString("name");
            // A factor per given unit is per reference unit divided by (reference units per given unit).
            var perUnit = units.ToReference(flowId, flow.OptionalString("name"), factor.OptionalRef("flowProperty"), unit?.OptionalString("@id"), unitName,
                1.0, f.File, factor.Path("unit"));
            factors.Add(new BackgroundImpactFactor(flowId, value, unitName ?? "(reference unit)", perUnit is { } r ? value / r : null));
        }
        return new BackgroundImpactCategory(f.RequiredString("@id"), f.RequiredString("name"),
            f.OptionalString("referenceUnitName") ?? f.OptionalString("refUnit"), factors);
    }

    private BackgroundProductSystem ReadProductSystem(JsonFields f)
    {
        var referenceProcess = _v2 ? f.RequiredRef("refProcess") : f.RequiredRef("referenceProcess");
        var referenceExchange = (_v2 ? f.RequiredObject("refExchange") : f.RequiredObject("referenceExchange")).RequiredInt("internalId");
        var links = f.Objects("processLinks").Select(l => new BackgroundProcessLink(
            l.RequiredRef("provider"), l.RequiredRef("flow"), l.RequiredRef("process"), l.RequiredObject("exchange").RequiredInt("internalId"))).ToList();
        return new BackgroundProductSystem(f.RequiredString("@id"), f.RequiredString("name"), referenceProcess, referenceExchange,
            f.OptionalNumber("targetAmount") ?? 1.0, f.OptionalObject("targetUnit")?.OptionalString("name"),
            f.Objects("processes").Select(p => p.RequiredString("@id")).ToList(), links);
    }
}
