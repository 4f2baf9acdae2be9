using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Reading;

/// <summary>
/// Reads the per-request work beyond the decode energy: prefill (input tokens), self-refinement rounds, retrieval
/// calls, tool calls and a speculative-decoding draft model; and refuses the combinations that have no meaning.
/// </summary>
internal static class RequestWorkReader
{
    /// <summary>The <c>inference</c> keys this reader owns.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["input_tokens", "energy_per_input_token", "refinement_rounds", "retrieval", "tool_calls", "draft"];

    /// <summary>Adds the per-request work to <paramref name="inference"/> as read from <paramref name="i"/>.</summary>
    public static InferenceDefinition With(InferenceDefinition inference, MappingReader i, string? source, RunReferences runs)
    {
        var perToken = i.Has("energy_per_token");
        // Prefill, refinement rounds and a draft model are counted in tokens: with one energy per request there are no
        // token counts to scale, and the measured request energy already holds its prefill, rounds and draft tokens.
        foreach (var key in new[] { "energy_per_input_token", "refinement_rounds", "draft" })
        {
            if (i.Has(key) && !perToken && i.Has("energy_per_request"))
            {
                i.Problems.Error("per-token-only", i.LocationOf(key), $"inference.{key}",
                    "counted in tokens, so it needs 'energy_per_token' with 'output_tokens'; 'energy_per_request' is the whole request's energy, which already includes its prefill, refinement rounds and draft tokens.");
            }
        }
        if (i.Has("energy_per_input_token"))
        {
            i.Require("input_tokens", "input (prompt) tokens per request, e.g. '800 token/request', for the prefill energy");
        }
        else if (i.Has("input_tokens"))
        {
            i.Problems.Error("tokens-without-energy", i.LocationOf("input_tokens"), "inference",
                "input tokens need 'energy_per_input_token' (the prefill energy per token) to turn them into energy; without it the prefill is part of the energy per output token or per request.");
        }
        return inference with
        {
            InputTokens = DatumReader.Read(i, "input_tokens", source),
            EnergyPerInputToken = StageReader.ReadEnergy(i, "energy_per_input_token", source, runs, RunEnergyUse.PerToken),
            RefinementRounds = DatumReader.Read(i, "refinement_rounds", source),
            Retrieval = ReadRetrieval(i, source, runs),
            ToolCalls = ReadToolCalls(i, source, runs),
            Draft = ReadDraft(i, source, runs),
        };
    }

    private static RetrievalDefinition? ReadRetrieval(MappingReader inference, string? inheritedSource, RunReferences runs)
    {
        var node = inference.Mapping("retrieval");
        if (node is null)
        {
            return null;
        }
        var r = new MappingReader(node, "inference.retrieval", inference.File, inference.Problems,
            ["calls_per_request", "embedding", "search", "hardware", "site", "device_time_per_call", "model", "source"], "retrieval (RAG)");
        var source = r.Text("source") ?? inheritedSource;
        r.Require("calls_per_request", "retrieval calls per request, e.g. '2 call/request'");
        if (!r.Has("embedding") && !r.Has("search"))
        {
            r.Problems.Error("missing-field", r.Location, "inference.retrieval.embedding",
                "give the energy of a retrieval call: 'embedding: {energy_per_call: …}' (embedding the query) and/or 'search: {energy_per_call: …}' (the vector search).");
        }
        var hardware = r.Text("hardware");
        if (hardware is not null)
        {
            r.Require("device_time_per_call", "device time of one retrieval call on the retrieval hardware, e.g. '0.02 s/call', for its embodied share");
        }
        else if (r.Has("device_time_per_call"))
        {
            r.Problems.Error("unused-field", r.LocationOf("device_time_per_call"), "inference.retrieval.device_time_per_call",
                "device time per call gives the retrieval hardware's embodied share: give 'hardware' too, or remove it.");
        }
        var calls = DatumReader.Read(r, "calls_per_request", source);
        var embedding = ReadPerCall(r, "embedding", source, runs);
        var search = ReadPerCall(r, "search", source, runs);
        var deviceTime = DatumReader.Read(r, "device_time_per_call", source);
        var site = r.Text("site");
        return calls is null ? null : new RetrievalDefinition(calls, embedding, search, hardware, site, deviceTime, r.Text("model"), r.Location)
        {
            SiteLocation = site is null ? null : r.LocationOf("site"),
            HardwareLocation = hardware is null ? null : r.LocationOf("hardware"),
        };
    }

    /// <summary><c>embedding</c> or <c>search</c>: a mapping with <c>energy_per_call</c> (required) and <c>source</c>.</summary>
    private static EnergyDefinition? ReadPerCall(MappingReader retrieval, string key, string? inheritedSource, RunReferences runs)
    {
        var node = retrieval.Mapping(key);
        if (node is null)
        {
            return null;
        }
        var m = new MappingReader(node, $"inference.retrieval.{key}", retrieval.File, retrieval.Problems, ["energy_per_call", "source"],
            key == "embedding" ? "the query embedding" : "the vector search");
        var source = m.Text("source") ?? inheritedSource;
        m.Require("energy_per_call", "the energy of one call, e.g. '0.05 Wh/call'");
        return StageReader.ReadEnergy(m, "energy_per_call", source, runs, RunEnergyUse.PerToken);
    }

    private static ToolCallsDefinition? ReadToolCalls(MappingReader inference, string? inheritedSource, RunReferences runs)
    {
        var node = inference.Mapping("tool_calls");
        if (node is null)
        {
            return null;
        }
        var t = new MappingReader(node, "inference.tool_calls", inference.File, inference.Problems,
            ["calls_per_request", "energy_per_call", "footprint_per_call", "site", "source"], "tool calls");
        var source = t.Text("source") ?? inheritedSource;
        t.Require("calls_per_request", "tool calls per request, e.g. '3 call/request'");
        if (!t.Has("energy_per_call") && !t.Has("footprint_per_call"))
        {
            t.Problems.Error("missing-field", t.Location, "inference.tool_calls.energy_per_call",
                "give what a tool call costs: 'energy_per_call' (e.g. '0.1 Wh/call'), a declared 'footprint_per_call' (e.g. '{gwp100: 0.2 g CO2e/call}'), or both.");
        }
        if (t.Has("site") && !t.Has("energy_per_call"))
        {
            t.Problems.Error("site-without-energy", t.LocationOf("site"), "inference.tool_calls.site",
                "a site turns the tool calls' energy into grid electricity, and they state none; remove 'site', or give 'energy_per_call'.");
        }
        var calls = DatumReader.Read(t, "calls_per_request", source);
        var energy = StageReader.ReadEnergy(t, "energy_per_call", source, runs, RunEnergyUse.PerToken);
        var footprint = FootprintReader.Read(t, source, "footprint_per_call");
        var site = t.Text("site");
        return calls is null ? null : new ToolCallsDefinition(calls, energy, footprint, site, t.Location)
        {
            SiteLocation = site is null ? null : t.LocationOf("site"),
        };
    }

    private static DraftDefinition? ReadDraft(MappingReader inference, string? inheritedSource, RunReferences runs)
    {
        var node = inference.Mapping("draft");
        if (node is null)
        {
            return null;
        }
        var d = new MappingReader(node, "inference.draft", inference.File, inference.Problems,
            ["energy_per_token", "tokens_per_output_token", "source"], "the draft model (speculative decoding)");
        var source = d.Text("source") ?? inheritedSource;
        d.Require("energy_per_token", "the draft model's energy per proposed token, e.g. '0.02 J/token'");
        d.Require("tokens_per_output_token", "draft tokens proposed per decoded token of the served model, e.g. 1.6");
        var energy = StageReader.ReadEnergy(d, "energy_per_token", source, runs, RunEnergyUse.PerToken);
        var tokens = DatumReader.Read(d, "tokens_per_output_token", source);
        return energy is null || tokens is null ? null : new DraftDefinition(energy, tokens, d.Location);
    }
}
