namespace Cradle.Interchange.Reading;

/// <summary>
/// The background data of one openLCA JSON-LD package, read whole and immutable: processes with their exchanges (every
/// amount also in its flow's reference unit), flows, flow properties, unit groups, LCIA methods and categories, product
/// systems and locations, with the <see cref="Findings"/> the package needs its user to know about (cut-offs, allocation,
/// unknown units). Nothing is guessed: where the package does not say, a finding says so.
/// </summary>
public sealed class BackgroundDatabase
{
    internal BackgroundDatabase(
        string source,
        OpenLcaSchemaVersion schema,
        IReadOnlyDictionary<string, BackgroundProcess> processes,
        IReadOnlyDictionary<string, BackgroundFlow> flows,
        IReadOnlyDictionary<string, BackgroundFlowProperty> flowProperties,
        IReadOnlyDictionary<string, BackgroundUnitGroup> unitGroups,
        IReadOnlyDictionary<string, BackgroundImpactMethod> impactMethods,
        IReadOnlyDictionary<string, BackgroundImpactCategory> impactCategories,
        IReadOnlyDictionary<string, BackgroundProductSystem> productSystems,
        IReadOnlyDictionary<string, BackgroundLocation> locations,
        IReadOnlyDictionary<string, int> otherEntities,
        IReadOnlyList<ImportFinding> findings)
    {
        Source = source;
        Schema = schema;
        Processes = processes;
        Flows = flows;
        FlowProperties = flowProperties;
        UnitGroups = unitGroups;
        ImpactMethods = impactMethods;
        ImpactCategories = impactCategories;
        ProductSystems = productSystems;
        Locations = locations;
        OtherEntities = otherEntities;
        Findings = findings;
    }

    /// <summary>The package read: its path as given (zip file or folder).</summary>
    public string Source { get; }

    /// <summary>openLCA 1.x (context.json, olca-schema v1.1) or 2.x (olca-schema.json).</summary>
    public OpenLcaSchemaVersion Schema { get; }

    /// <summary>Processes by id.</summary>
    public IReadOnlyDictionary<string, BackgroundProcess> Processes { get; }

    /// <summary>Flows by id.</summary>
    public IReadOnlyDictionary<string, BackgroundFlow> Flows { get; }

    /// <summary>Flow properties (mass, energy, …) by id.</summary>
    public IReadOnlyDictionary<string, BackgroundFlowProperty> FlowProperties { get; }

    /// <summary>Unit groups by id.</summary>
    public IReadOnlyDictionary<string, BackgroundUnitGroup> UnitGroups { get; }

    /// <summary>LCIA methods by id.</summary>
    public IReadOnlyDictionary<string, BackgroundImpactMethod> ImpactMethods { get; }

    /// <summary>LCIA (impact) categories by id.</summary>
    public IReadOnlyDictionary<string, BackgroundImpactCategory> ImpactCategories { get; }

    /// <summary>Product systems by id.</summary>
    public IReadOnlyDictionary<string, BackgroundProductSystem> ProductSystems { get; }

    /// <summary>Locations by id.</summary>
    public IReadOnlyDictionary<string, BackgroundLocation> Locations { get; }

    /// <summary>Entities of folders Cradle does not read (actors, sources, categories, dq_systems, nw_sets, …): folder → file count.</summary>
    public IReadOnlyDictionary<string, int> OtherEntities { get; }

    /// <summary>What the user must know: cut-offs, multi-output processes and their allocation, unknown units, ….</summary>
    public IReadOnlyList<ImportFinding> Findings { get; }
}

/// <summary>The olca-schema generation of a package.</summary>
public enum OpenLcaSchemaVersion
{
    /// <summary>openLCA 1.x: context.json (and meta.info in zips), every entity with @type, olca-schema v1.1 field names.</summary>
    V1,

    /// <summary>openLCA 2.x: olca-schema.json at the root, field names such as isInput, refExchange, isRefUnit.</summary>
    V2,
}
