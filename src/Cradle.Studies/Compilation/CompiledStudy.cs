using Cradle.Core.Engine;
using Cradle.Core.Model;
using Cradle.Core.Parameters;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// One alternative of a study compiled to the generic LCA model: the product system, the impact method of the
/// assessed indicators, the demand of the functional unit, and what the ML layer knows about it (which products
/// are the trained model, the request's energy and serving hardware; which conventions were used).
/// </summary>
public sealed record CompiledStudy
{
    /// <summary>The study definition.</summary>
    public required StudyDefinition Study { get; init; }
    /// <summary>The alternative compiled, or null for the study as written.</summary>
    public AlternativeDefinition? Alternative { get; init; }
    /// <summary>The product system.</summary>
    public required ProductSystem System { get; init; }
    /// <summary>The indicators assessed, as a method.</summary>
    public required ImpactMethod Method { get; init; }
    /// <summary>The functional unit as a demand.</summary>
    public required Demand Demand { get; init; }
    /// <summary>The parameters' values (base units).</summary>
    public required ParameterValues Values { get; init; }
    /// <summary>Where each parameter was written.</summary>
    public required IReadOnlyDictionary<string, SourceLocation> ParameterLocations { get; init; }
    /// <summary>How each parameter was obtained; for computed values without a stated provenance, derived from their inputs.</summary>
    public required IReadOnlyDictionary<string, Provenance> Provenance { get; init; }
    /// <summary>Hardware in use, by scope.</summary>
    public required IReadOnlyList<HardwareUse> Hardware { get; init; }
    /// <summary>
    /// The stage instance of each process, by process id: a stage's id as written, or <c>inference</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ProcessScopes { get; init; } = new Dictionary<string, string>();
    /// <summary>The energy conventions of each stage.</summary>
    public required IReadOnlyList<EnergyConvention> Conventions { get; init; }
    /// <summary>Each scope's energy processes in the system, in the order of <see cref="Conventions"/>.</summary>
    public IReadOnlyList<EnergyChain> EnergyChains { get; init; } = [];
    /// <summary>Warnings found while compiling.</summary>
    public required IReadOnlyList<InputProblem> Warnings { get; init; }
    /// <summary>True when the functional unit counts served requests.</summary>
    public bool PerRequest => Demand.ProductId == SystemAssembler.ServedRequest;
    /// <summary>The trained-model product, when the study has development stages.</summary>
    public string? TrainedModelProduct { get; init; }
    /// <summary>The IT-energy product a request consumes directly (the marginal inference term).</summary>
    public string? InferenceEnergyProduct { get; init; }
    /// <summary>The serving device-hour product (the amortised embodied term).</summary>
    public string? InferenceHardwareProduct { get; init; }
    /// <summary>The idle IT-energy product a request consumes (<c>inference.idle</c>); part of the marginal inference term.</summary>
    public string? InferenceIdleProduct { get; init; }
    /// <summary>
    /// The products of the request's other marginal terms (prefill, reasoning, draft, retrieval and tool-call energy,
    /// a tool call's declared footprint); part of the marginal inference term. Empty when the study has none.
    /// </summary>
    public IReadOnlyList<string> InferenceMarginalProducts { get; init; } = [];
    /// <summary>The products of the request's other embodied terms (the retrieval hardware's device-hours).</summary>
    public IReadOnlyList<string> InferenceEmbodiedProducts { get; init; } = [];
    /// <summary>
    /// The serving fleets (<c>inference.fleets</c>), each with its request product and the products it takes directly;
    /// empty without fleets (then the Inference*Product members above name the served request's own terms).
    /// </summary>
    public IReadOnlyList<FleetServing> Fleets { get; init; } = [];
    /// <summary>The catalog the study was compiled against.</summary>
    public required Cradle.Catalog.ReferenceCatalog Catalog { get; init; }
    /// <summary>Catalog entries the study used (devices, grids, data centres, cloud regions).</summary>
    public required IReadOnlyList<string> CatalogEntriesUsed { get; init; }
    /// <summary>Bibliography keys of the catalog figures used.</summary>
    public required IReadOnlyList<string> CatalogSourcesUsed { get; init; }
    /// <summary>Stage kinds inside the boundary.</summary>
    public required IReadOnlyCollection<string> IncludedStages { get; init; }
    /// <summary>
    /// Categories of the methods the study assesses (TRACI 2.1 …) that the catalog does not cover, with their method:
    /// not assessed, which results must say rather than show as zero.
    /// </summary>
    public IReadOnlyList<UncoveredCategory> NotCovered { get; init; } = [];
}

/// <summary>A category of an assessed method that Cradle does not cover (not assessed; not zero).</summary>
/// <param name="Id">Category id, e.g. "ecotoxicity".</param>
/// <param name="Name">Published name with its unit.</param>
/// <param name="Method">The catalog method it belongs to, e.g. "traci-2.1".</param>
/// <param name="Reason">Why it is not covered.</param>
public sealed record UncoveredCategory(string Id, string Name, string Method, string Reason)
{
    /// <summary>
    /// The stage it is not covered for, as results label stages (the stage's kind): a declared footprint that does not
    /// give it; the reason names the stage's id. Null when the category is not covered at all.
    /// </summary>
    public string? Stage { get; init; }
}
