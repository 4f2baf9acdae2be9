using Cradle.Syntax;

namespace Cradle.Studies.Definition;

/// <summary>
/// Retrieval-augmented generation (<c>inference.retrieval</c>): per request, <paramref name="CallsPerRequest"/>
/// retrieval calls, each an embedding of the query and a vector search, with their own energies; on their own
/// hardware (embodied share through <paramref name="DeviceTimePerCall"/>) and site when given, else at the serving site.
/// </summary>
/// <param name="CallsPerRequest">Retrieval calls per request (≥ 0), for the whole request: samples do not repeat them.</param>
/// <param name="Embedding">Energy of embedding the query, per call; null when not written.</param>
/// <param name="Search">Energy of the vector search, per call; null when not written.</param>
/// <param name="HardwareId">The retrieval hardware, for its embodied share; null when not written (no embodied share).</param>
/// <param name="SiteId">The retrieval site; null: the serving site.</param>
/// <param name="DeviceTimePerCall">Device time of one call on the retrieval hardware; required with hardware.</param>
/// <param name="Model">The embedding model, in words (reported, not computed with).</param>
/// <param name="Location">Where it is written.</param>
public sealed record RetrievalDefinition(
    Datum CallsPerRequest, EnergyDefinition? Embedding, EnergyDefinition? Search, string? HardwareId, string? SiteId, Datum? DeviceTimePerCall,
    string? Model, SourceLocation Location)
{
    /// <summary>Where the site id is written.</summary>
    public SourceLocation? SiteLocation { get; init; }
    /// <summary>Where the hardware id is written.</summary>
    public SourceLocation? HardwareLocation { get; init; }
}

/// <summary>
/// Tool calls (<c>inference.tool_calls</c>): per request, <paramref name="CallsPerRequest"/> calls, each costing a
/// declared energy (at its site, or the serving site), a declared footprint per call (like a stage's declared
/// footprint), or both (the footprint then covers what the energy does not, e.g. the tool's own hardware).
/// </summary>
/// <param name="CallsPerRequest">Tool calls per request (≥ 0), for the whole request: samples do not repeat them.</param>
/// <param name="EnergyPerCall">Energy of one call; null when not written.</param>
/// <param name="FootprintPerCall">A declared footprint of one call by indicator id; empty when not written.</param>
/// <param name="SiteId">Where the energy is drawn; null: the serving site.</param>
/// <param name="Location">Where it is written.</param>
public sealed record ToolCallsDefinition(
    Datum CallsPerRequest, EnergyDefinition? EnergyPerCall, IReadOnlyList<DeclaredFigure> FootprintPerCall, string? SiteId, SourceLocation Location)
{
    /// <summary>Where the site id is written.</summary>
    public SourceLocation? SiteLocation { get; init; }
}

/// <summary>
/// Speculative decoding (<c>inference.draft</c>): a small draft model proposes <paramref name="TokensPerOutputToken"/>
/// tokens per decoded token of the served model, each costing <paramref name="EnergyPerToken"/>.
/// </summary>
public sealed record DraftDefinition(EnergyDefinition EnergyPerToken, Datum TokensPerOutputToken, SourceLocation Location);
