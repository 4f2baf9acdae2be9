using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// The served request's work beyond its decode energy, each term an exchange of the request process through its own
/// scope, so that contributions and energy rows show how much of a request is prefill, reasoning, a draft model,
/// retrieval or tool calls (docs/methodology.md, "The work of one request"):
/// <list type="bullet">
/// <item>reasoning (<c>inference-reasoning</c>): samples × reasoning tokens × energy per token;</item>
/// <item>prefill (<c>inference-prefill</c>): samples × (input + rounds × (input + output)) tokens × energy per input token;</item>
/// <item>draft (<c>inference-draft</c>): samples × ((1 + rounds) × output + reasoning) × draft tokens per token × draft energy per token;</item>
/// <item>retrieval (<c>inference-retrieval</c>): calls × (embedding + search energy), and calls × device time of its hardware;</item>
/// <item>tool calls (<c>inference-tools</c>): calls × energy per call, and calls × a declared footprint per call.</item>
/// </list>
/// Samples multiply the generation terms only: retrieval and tool calls are counted per request as written.
/// </summary>
internal sealed class RequestWork(
    SystemUnderConstruction system, SupplyChains chains, ParameterCollector parameters, ProblemList problems, BoundaryScope boundary,
    EnergyExpressions energyExpressions, IndicatorSet indicatorSet, IReadOnlyList<Indicator> indicators, List<UncoveredCategory> gaps)
{
    private static readonly Dimension PerRequest = Dimension.Of(BaseDimension.Request);
    private static readonly Dimension PerToken = Dimension.Of(BaseDimension.Token);
    private static readonly Unit CallUnit = new("call", Dimension.None, 1);

    /// <summary>The scopes of the terms, as energy rows and process scopes name them.</summary>
    public const string Prefill = "inference-prefill", Reasoning = "inference-reasoning", Draft = "inference-draft",
        Retrieval = "inference-retrieval", Tools = "inference-tools";

    /// <summary>Products of the terms that grow with the requests served: part of the marginal inference term.</summary>
    public List<string> MarginalProducts { get; } = [];

    /// <summary>Products of the terms' hardware time: part of the amortised embodied term.</summary>
    public List<string> EmbodiedProducts { get; } = [];

    /// <summary>What the per-token terms share with the decode energy, as expressions.</summary>
    /// <param name="Samples">Samples per request ("1" when not written).</param>
    /// <param name="Output">The output-token parameter.</param>
    /// <param name="Rounds">The refinement-rounds parameter, or null.</param>
    /// <param name="EnergyPerToken">The decode energy per token expression (IT energy).</param>
    /// <param name="Definition">The decode energy as written (site conventions of the reasoning row).</param>
    internal sealed record Generation(string Samples, string Output, string? Rounds, string EnergyPerToken, EnergyDefinition Definition);

    /// <summary>The request's inputs for the per-token terms (reasoning, prefill, draft).</summary>
    /// <param name="inference">The serving (of one fleet, with fleets).</param>
    /// <param name="g">What the terms share with the decode energy.</param>
    /// <param name="hardware">The serving hardware.</param>
    /// <param name="site">The serving site.</param>
    /// <param name="suffix">Appended to the scopes: "@ID" for a serving fleet, else empty.</param>
    public IEnumerable<TechnosphereInput> TokenTerms(InferenceDefinition inference, Generation g, HardwareDefinition? hardware, SiteDefinition site, string suffix = "")
    {
        string? reasoning = null;
        if (inference.ReasoningTokens is not null)
        {
            reasoning = parameters.Add("inference.reasoning_tokens", inference.ReasoningTokens, PerToken / PerRequest, "a number of tokens per request ('1500 token/request')");
            // Reasoning tokens are decode tokens at the decode energy, with its conventions; node power rides on the
            // decode row's device time, so this row adds none.
            yield return Input(Reasoning + suffix, site, g.Definition, $"{g.Samples} * {reasoning} * ({g.EnergyPerToken})");
        }
        if (inference is { EnergyPerInputToken: { } prefillEnergy, InputTokens: { } inputTokens })
        {
            var input = parameters.Add("inference.input_tokens", inputTokens, PerToken / PerRequest, "a number of tokens per request ('800 token/request')");
            var perToken = energyExpressions.For(prefillEnergy, "inference", null, hardware, site, out _, PerToken, "energy_per_input_token");
            // Each refinement round reads the prompt and the previous answer again.
            var read = g.Rounds is null ? input : $"({input} + {g.Rounds} * ({input} + {g.Output}))";
            if (perToken is not null)
            {
                yield return Input(Prefill + suffix, site, prefillEnergy, $"{g.Samples} * {read} * ({perToken})");
            }
        }
        if (inference.Draft is { } draft)
        {
            var perToken = energyExpressions.For(draft.EnergyPerToken, "inference.draft", null, hardware, site, out _, PerToken, "energy_per_token");
            var proposed = parameters.Add("inference.draft.tokens_per_output_token", draft.TokensPerOutputToken, Dimension.None,
                "draft tokens proposed per decoded token ('1.6')");
            // The draft proposes for every decoded token: the answers of every round and the reasoning.
            var decoded = g.Rounds is null ? g.Output : $"(1 + {g.Rounds}) * {g.Output}";
            decoded = reasoning is null ? decoded : $"({decoded} + {reasoning})";
            if (perToken is not null)
            {
                yield return Input(Draft + suffix, site, draft.EnergyPerToken, $"{g.Samples} * {decoded} * {proposed} * ({perToken})");
            }
        }
    }

    /// <summary>The request's inputs for retrieval and tool calls, per request (samples do not repeat them).</summary>
    public IEnumerable<TechnosphereInput> CallTerms(InferenceDefinition inference, SiteDefinition servingSite, string suffix = "")
    {
        if (inference.Retrieval is { } retrieval)
        {
            foreach (var input in RetrievalTerms(retrieval, servingSite, suffix))
            {
                yield return input;
            }
        }
        if (inference.ToolCalls is { } tools)
        {
            foreach (var input in ToolTerms(tools, servingSite, suffix))
            {
                yield return input;
            }
        }
    }

    private IEnumerable<TechnosphereInput> RetrievalTerms(RetrievalDefinition retrieval, SiteDefinition servingSite, string suffix)
    {
        var calls = parameters.Add("inference.retrieval.calls_per_request", retrieval.CallsPerRequest, Dimension.None / PerRequest, "a number of calls per request ('2 call/request')");
        var site = retrieval.SiteId is null ? servingSite
            : system.Site(retrieval.SiteId, retrieval.SiteLocation ?? retrieval.Location, "inference.retrieval.site");
        if (site is null)
        {
            yield break;
        }
        var parts = new List<(EnergyDefinition Definition, string? Expression)>();
        if (retrieval.Embedding is { } embedding)
        {
            parts.Add((embedding, energyExpressions.For(embedding, "inference.retrieval.embedding", null, null, site, out _, null, "energy_per_call")));
        }
        if (retrieval.Search is { } search)
        {
            parts.Add((search, energyExpressions.For(search, "inference.retrieval.search", null, null, site, out _, null, "energy_per_call")));
        }
        if (parts.Count == 2 && parts[0].Definition.ApplyPue != parts[1].Definition.ApplyPue)
        {
            // One scope has one IT-energy process: PUE is applied to all of its energy or to none.
            problems.Error("retrieval-conventions", parts[1].Definition.Location, "inference.retrieval.search.energy_per_call",
                "the embedding and the search energies share the retrieval row, so both must apply the site's PUE or both not: give them the same 'pue' (and a facility energy on both, or on neither).");
            yield break;
        }
        if (parts.Count == 0 || parts.Any(p => p.Expression is null))
        {
            yield break;
        }
        yield return Input(Retrieval + suffix, site, parts[0].Definition, $"{calls} * ({string.Join(" + ", parts.Select(p => p.Expression))})");
        if (retrieval.HardwareId is null)
        {
            if (boundary.Includes(StageKinds.HardwareManufacture))
            {
                problems.Warning("missing-device-time", retrieval.Location, "inference.retrieval.hardware",
                    "no retrieval hardware: its embodied share is not counted (an underestimate, unless retrieval runs on the serving devices within their device time per request). Give 'hardware' and 'device_time_per_call'.");
            }
            yield break;
        }
        var (hardware, device) = system.Hardware(retrieval.HardwareId, retrieval.HardwareLocation ?? retrieval.Location, "inference.retrieval.hardware");
        if (hardware is null || device is null || retrieval.DeviceTimePerCall is null)
        {
            yield break;
        }
        var deviceTime = parameters.Add("inference.retrieval.device_time_per_call", retrieval.DeviceTimePerCall, Dimension.Time, "a device time per call ('0.02 s/call')");
        if (chains.HardwareChain(Retrieval + suffix, hardware, device, hardware.Allocation ?? AllocationKeys.Default) is { } deviceHour)
        {
            EmbodiedProducts.Add(deviceHour);
            yield return new TechnosphereInput(deviceHour, $"{calls} * {deviceTime}");
        }
    }

    private IEnumerable<TechnosphereInput> ToolTerms(ToolCallsDefinition tools, SiteDefinition servingSite, string suffix)
    {
        var calls = parameters.Add("inference.tool_calls.calls_per_request", tools.CallsPerRequest, Dimension.None / PerRequest, "a number of calls per request ('3 call/request')");
        if (tools.EnergyPerCall is { } energy)
        {
            var site = tools.SiteId is null ? servingSite : system.Site(tools.SiteId, tools.SiteLocation ?? tools.Location, "inference.tool_calls.site");
            var perCall = site is null ? null : energyExpressions.For(energy, "inference.tool_calls", null, null, site, out _, null, "energy_per_call");
            if (site is not null && perCall is not null)
            {
                yield return Input(Tools + suffix, site, energy, $"{calls} * ({perCall})");
            }
        }
        if (tools.FootprintPerCall.Count > 0)
        {
            var product = "tool-call@" + Tools + suffix;
            system.AddProcess(product, $"{Tools + suffix}: one tool call, declared footprint", CallUnit, StageKinds.Inference, Tools + suffix, [],
                DeclaredFlows(tools));
            MarginalProducts.Add(product);
            yield return new TechnosphereInput(product, calls);
        }
    }

    /// <summary>
    /// The flows of one tool call from its declared footprint, as a stage's declared footprint (each figure in its
    /// indicator's carrier flow). An assessed indicator it does not give is warned about and listed as not covered
    /// when the calls state no energy; with an energy, its grid figures count that category.
    /// </summary>
    private List<BiosphereExchange> DeclaredFlows(ToolCallsDefinition tools)
    {
        const string field = "inference.tool_calls.footprint_per_call";
        foreach (var figure in tools.FootprintPerCall.Where(f => indicatorSet.Find(f.IndicatorId) is null))
        {
            problems.Error("unknown-indicator", figure.Location, $"{field}.{figure.IndicatorId}",
                $"'{figure.IndicatorId}' is not an indicator{Core.NameSuggestions.Hint(figure.IndicatorId, indicatorSet.Ids)}; the indicators are: {string.Join(", ", indicatorSet.Ids)}.");
        }
        var flows = new List<BiosphereExchange>();
        var declared = string.Join(", ", tools.FootprintPerCall.Select(f => f.IndicatorId));
        foreach (var indicator in indicators)
        {
            var figure = tools.FootprintPerCall.FirstOrDefault(f => f.IndicatorId == indicator.Id);
            if (figure is null)
            {
                if (tools.EnergyPerCall is null)
                {
                    problems.Warning("missing-indicator-data", tools.FootprintPerCall[0].Location, field,
                        $"the declared footprint per tool call gives no '{indicator.Id}' figure: {indicator.Name} of the tool calls is not counted (an underestimate).");
                    gaps.Add(new UncoveredCategory(indicator.Id, indicator.Name, indicator.MethodId,
                        $"the declared footprint per tool call gives {declared} only") { Stage = StageKinds.Inference });
                }
                continue;
            }
            var name = parameters.Add($"{field}.{ParameterCollector.NameFor(indicator.Id)}", figure.Value, indicator.Unit.Dimension,
                $"{indicator.Name} per call ({indicator.Unit.Symbol}, e.g. '0.2 g CO2e' for gwp100)");
            flows.Add(new BiosphereExchange(indicator.Flow.Id, name));
        }
        return flows;
    }

    /// <summary>An input of <paramref name="amount"/> kWh of IT energy from the energy chain of <paramref name="scope"/>.</summary>
    private TechnosphereInput Input(string scope, SiteDefinition site, EnergyDefinition energy, string amount)
    {
        var product = chains.EnergyChain(scope, StageKinds.Inference, site, energy, nodePowerAdded: false);
        MarginalProducts.Add(product);
        return new TechnosphereInput(product, amount);
    }
}
