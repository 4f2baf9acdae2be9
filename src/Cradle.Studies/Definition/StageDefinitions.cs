using Cradle.Syntax;

namespace Cradle.Studies.Definition;

/// <summary>What a measured or reported energy covers.</summary>
public enum EnergyBoundary
{
    /// <summary>Accelerators only (NVML, CodeCarbon GPU energy): a lower bound of IT energy.</summary>
    Gpu,
    /// <summary>Whole IT equipment of the nodes (accelerators, CPUs, memory, network).</summary>
    Node,
    /// <summary>Facility energy: IT plus cooling and power conversion, i.e. PUE already included.</summary>
    Facility,
}

/// <summary>
/// Energy drawn by a stage (or per request): a declared or measured value, or modelled as device time × average
/// power; what it covers; and whether the site's PUE is applied to it. Both conventions exist in the literature:
/// the study states which it follows, and the report shows it.
/// </summary>
/// <param name="Value">The energy, when declared or measured.</param>
/// <param name="AveragePower">Average power per device, when energy is modelled from device time.</param>
/// <param name="Boundary">What the energy covers.</param>
/// <param name="ApplyPue">Whether facility overhead (PUE) is added; false reproduces studies that report IT energy only.</param>
/// <param name="Location">Where the energy is written.</param>
public sealed record EnergyDefinition(Datum? Value, Datum? AveragePower, EnergyBoundary Boundary, bool ApplyPue, SourceLocation Location)
{
    /// <summary>
    /// The <c>pue</c> choice as written ("apply" or "ignore"), null when not written; an alternative that changes the
    /// boundary starts from it (a node energy the study says to apply PUE to cannot silently become facility energy).
    /// </summary>
    public string? PueStated { get; init; }

    /// <summary>Where <see cref="PueStated"/> is written, when it is.</summary>
    public SourceLocation? PueLocation { get; init; }
}

/// <summary>Accelerator time: declared, or modelled as FLOPs ÷ (peak × MFU).</summary>
/// <param name="Value">Device time when declared (device-hours).</param>
/// <param name="Operations">FLOPs of the work, when modelled.</param>
/// <param name="PeakCompute">Peak FLOP/s per device; defaults to the device's.</param>
/// <param name="Utilisation">Model FLOPs utilisation (MFU), (0, 1].</param>
/// <param name="Location">Where it is written.</param>
public sealed record DeviceTimeDefinition(Datum? Value, Datum? Operations, Datum? PeakCompute, Datum? Utilisation, SourceLocation Location);

/// <summary>A pre-deployment stage of the model's life cycle.</summary>
/// <param name="Id">Id (also its label in results).</param>
/// <param name="Kind">One of the stage kinds (experimentation, pre-training, …).</param>
/// <param name="HardwareId">The hardware it ran on.</param>
/// <param name="SiteId">Where it ran.</param>
/// <param name="Energy">Its energy.</param>
/// <param name="DeviceTime">Its accelerator time, for the embodied share.</param>
/// <param name="Repeats">How many times it runs over the model's life (continual retraining), default 1.</param>
/// <param name="ShareOf">For a stage declared as a share of another (experimentation ≈ 50 % of training): that stage.</param>
/// <param name="Share">The share.</param>
/// <param name="Location">Where it is defined.</param>
public sealed record StageDefinition(
    string Id, string Kind, string? HardwareId, string? SiteId, EnergyDefinition? Energy, DeviceTimeDefinition? DeviceTime,
    Datum? Repeats, string? ShareOf, Datum? Share, SourceLocation Location)
{
    /// <summary>Where the site id is written, for errors about it (the stage's own location when unknown).</summary>
    public SourceLocation? SiteLocation { get; init; }
    /// <summary>Where the hardware id is written.</summary>
    public SourceLocation? HardwareLocation { get; init; }

    /// <summary>
    /// A footprint reported for the stage, by indicator id ("gwp100" → 420 t CO2e), used where no activity data is
    /// known; empty when the stage states its energy instead. Categories it does not give are not covered for the stage.
    /// </summary>
    public IReadOnlyList<DeclaredFigure> Footprint { get; init; } = [];

    /// <summary>
    /// The stage's fleet idle time (<c>stages.ID.idle</c>: devices allocated to the job but waiting, e.g. on data,
    /// checkpoints or failures): idle power per device and the share of the allocated device time they are busy;
    /// null when not written (no idle energy).
    /// </summary>
    public IdleDefinition? Idle { get; init; }
}

/// <summary>One category of a declared footprint: "gwp100: 420 t CO2e, reported by the developer, location-based".</summary>
/// <param name="IndicatorId">The indicator it states, as written (checked against the assessed indicators when compiled).</param>
/// <param name="Value">The figure per run of the stage, in the indicator's unit (e.g. t CO2e for gwp100); declared unless the study says otherwise.</param>
/// <param name="Basis">For a carbon figure, "location-based" or "market-based" when the source says; otherwise null.</param>
/// <param name="Location">Where the indicator id is written.</param>
public sealed record DeclaredFigure(string IndicatorId, Datum Value, string? Basis, SourceLocation Location);

/// <summary>
/// Serving: per-request energy (directly, or per token × output tokens, with reasoning tokens apart), accelerator time
/// per request, inference-time multipliers (best-of-N samples, refinement rounds), the request's other work (prefill,
/// a draft model, retrieval, tool calls), and the number of requests served over the model's life.
/// </summary>
/// <param name="HardwareId">Serving hardware; null only when hardware manufacture is outside the boundary.</param>
/// <param name="SiteId">Serving site; null only when every fleet (<see cref="InferenceDefinition.Fleets"/>) states its own.</param>
/// <param name="LifetimeRequests">Requests served over the model's life.</param>
/// <param name="EnergyPerRequest">Energy per request, or null when per token.</param>
/// <param name="EnergyPerToken">Energy per generated token, or null.</param>
/// <param name="OutputTokens">Output tokens per request (with per-token energy).</param>
/// <param name="ReasoningTokens">Extra reasoning tokens per request (with per-token energy).</param>
/// <param name="DeviceTime">Accelerator time per request; null only without hardware.</param>
/// <param name="Samples">Samples generated per request (best-of-N), default 1.</param>
/// <param name="Location">Where it is defined.</param>
public sealed record InferenceDefinition(
    string? HardwareId, string? SiteId, Datum LifetimeRequests, EnergyDefinition? EnergyPerRequest, EnergyDefinition? EnergyPerToken,
    Datum? OutputTokens, Datum? ReasoningTokens, Datum? DeviceTime, Datum? Samples, SourceLocation Location)
{
    /// <summary>
    /// How much of the functional unit's service one request delivers ("450 token/request", "1 image/request",
    /// "0.0368 GPU-h/request"): needed, and only allowed, when the functional unit counts tokens, images or GPU time
    /// rather than requests. Null when not written.
    /// </summary>
    public Datum? ServicePerRequest { get; init; }
    /// <summary>Where the site id is written, for errors about it.</summary>
    public SourceLocation? SiteLocation { get; init; }
    /// <summary>Where the hardware id is written.</summary>
    public SourceLocation? HardwareLocation { get; init; }
    /// <summary>The serving fleet's idle power and occupancy (<c>inference.idle</c>); null when not written (no idle energy).</summary>
    public IdleDefinition? Idle { get; init; }
    /// <summary>
    /// The serving's allocation key (<c>inference.allocation</c>), overriding its hardware's; null when not written
    /// (the hardware's key applies).
    /// </summary>
    public AllocationKey? Allocation { get; init; }
    /// <summary>
    /// The request's generation time ΔT on the devices serving it (a time per request, e.g. '2.4 s/request'), for the batch key; null when
    /// not written.
    /// </summary>
    public Datum? Latency { get; init; }
    /// <summary>Requests served together in one batch (B ≥ 1), for the batch key; null when not written.</summary>
    public Datum? BatchSize { get; init; }
    /// <summary>Devices one replica of the model runs on, for the batch key; null when not written (one device).</summary>
    public Datum? DevicesPerReplica { get; init; }
    /// <summary>Input (prompt) tokens per request, read in the prefill; null when not written.</summary>
    public Datum? InputTokens { get; init; }
    /// <summary>Prefill energy per input token (with per-token energy only); null when not written (prefill folded in the decode energy).</summary>
    public EnergyDefinition? EnergyPerInputToken { get; init; }
    /// <summary>Self-refinement rounds per sample (≥ 0, Self-Refine); null when not written (none).</summary>
    public Datum? RefinementRounds { get; init; }
    /// <summary>Retrieval calls of the request (RAG); null when not written.</summary>
    public RetrievalDefinition? Retrieval { get; init; }
    /// <summary>Tool calls of the request; null when not written.</summary>
    public ToolCallsDefinition? ToolCalls { get; init; }
    /// <summary>The speculative-decoding draft model; null when not written.</summary>
    public DraftDefinition? Draft { get; init; }
    /// <summary>
    /// The serving fleets (<c>inference.fleets</c>), each with the serving as it sees it; empty when not written (one
    /// fleet: this definition).
    /// </summary>
    public IReadOnlyList<FleetDefinition> Fleets { get; init; } = [];
    /// <summary>Whether <c>lifetime_requests</c> is written; false only with fleets that state their requests (then it is their sum).</summary>
    public bool LifetimeStated { get; init; } = true;
}

/// <summary>
/// One serving fleet (<c>inference.fleets.ID</c>): the hardware, site, energy, device time, idle time and batching it
/// serves with, and its part of the traffic, as a share of the requests or as its own request count.
/// </summary>
/// <param name="Id">The fleet's id as written.</param>
/// <param name="Serving">The serving on this fleet: the inference definition with the fleet's own fields in place of the inherited ones.</param>
/// <param name="Share">Its share of the requests, or null when it states <paramref name="Requests"/>.</param>
/// <param name="Requests">Its own request count over the model's life, or null when it states <paramref name="Share"/>.</param>
/// <param name="Years">Its years of service, recorded and reported (not computed with); null when not written.</param>
/// <param name="Own">The fields written in the fleet itself (their parameters are named <c>inference.fleets.ID.FIELD</c>).</param>
/// <param name="Location">Where it is written.</param>
public sealed record FleetDefinition(
    string Id, InferenceDefinition Serving, Datum? Share, Datum? Requests, Datum? Years, IReadOnlySet<string> Own, SourceLocation Location);

/// <summary>
/// The serving fleet's idle time: each device draws <paramref name="Power"/> (W per device, ≥ 0) while loaded but
/// not serving, and is busy an <paramref name="Occupancy"/> (in (0, 1]) share of its serving time, so each second of
/// device time per request brings (1 − occupancy) ÷ occupancy seconds of idle time.
/// </summary>
public sealed record IdleDefinition(Datum Power, Datum Occupancy, SourceLocation Location);
