using Cradle.Core;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Applies an alternative's <c>conventions</c> to the study before it is compiled (each alternative is compiled on its
/// own): what a declared energy covers (<c>….boundary</c>), whether PUE applies to it (<c>….pue</c>), and the water
/// formula (<c>water</c>, <c>water.onsite</c>, <c>water.offsite</c>). Keys that name no energy of the study and values
/// that are no choice are errors at the alternative's key, with the closest valid names; the study's own checks apply
/// to the result (facility energy with PUE applied again is <c>pue-twice</c>).
/// </summary>
internal static class AlternativeConventions
{
    private static readonly string[] Boundaries = ["gpu", "node", "facility"];
    private static readonly string[] PueChoices = ["apply", "ignore"];
    private static readonly string[] WaterKeys = ["water", "water.onsite", "water.offsite"];

    /// <summary>One energy an alternative can set conventions of, under its dotted prefix ("stages.pre-training.energy").</summary>
    private sealed record Target(string Prefix, EnergyDefinition Energy, Func<StudyDefinition, EnergyDefinition, StudyDefinition> Replace);

    /// <summary>The study as <paramref name="alternative"/> sees it; the study itself when it sets no convention.</summary>
    public static StudyDefinition Apply(StudyDefinition study, AlternativeDefinition? alternative, ProblemList problems)
    {
        if (alternative is null || alternative.Conventions.Count == 0)
        {
            return study;
        }
        var targets = Targets(study);
        var validKeys = WaterKeys.Concat(targets.SelectMany(t => new[] { $"{t.Prefix}.boundary", $"{t.Prefix}.pue" })).ToList();
        var field = $"alternatives.{alternative.Id}.conventions";
        var changes = new Dictionary<Target, (ConventionSetting? Boundary, ConventionSetting? Pue)>();
        foreach (var setting in alternative.Conventions)
        {
            if (WaterKeys.Contains(setting.Key))
            {
                study = study with { Water = Water(study.Water, setting, alternative.Id, $"{field}.{setting.Key}", problems) ?? study.Water };
                continue;
            }
            var target = targets.FirstOrDefault(t => setting.Key == $"{t.Prefix}.boundary" || setting.Key == $"{t.Prefix}.pue");
            if (target is null)
            {
                UnknownKey(study, setting, alternative.Id, field, validKeys, problems);
                continue;
            }
            var isBoundary = setting.Key.EndsWith(".boundary", StringComparison.Ordinal);
            if (!IsChoice(setting, isBoundary ? Boundaries : PueChoices, alternative.Id, $"{field}.{setting.Key}", problems))
            {
                continue;
            }
            var (boundary, pue) = changes.GetValueOrDefault(target);
            changes[target] = isBoundary ? (setting, pue) : (boundary, setting);
        }
        foreach (var (target, (boundary, pue)) in changes)
        {
            if (Changed(target, boundary, pue, alternative.Id, field, problems) is { } energy)
            {
                study = target.Replace(study, energy);
            }
        }
        // A fleet inherits the energies it does not state: a changed inherited energy reaches it too.
        return study.Inference is null ? study : study with { Inference = Reading.FleetReader.Rebase(study.Inference) };
    }

    /// <summary>Every declared energy of the study, with its prefix and how to put a changed one back.</summary>
    private static List<Target> Targets(StudyDefinition study)
    {
        var targets = new List<Target>();
        foreach (var stage in study.Stages.Where(s => s.Energy is not null))
        {
            targets.Add(new Target($"stages.{stage.Id}.energy", stage.Energy!,
                (s, energy) => s with { Stages = [.. s.Stages.Select(x => x.Id == stage.Id ? x with { Energy = energy } : x)] }));
        }
        if (study.Inference?.EnergyPerRequest is { } perRequest)
        {
            targets.Add(new Target("inference.energy_per_request", perRequest, (s, energy) => s with { Inference = s.Inference! with { EnergyPerRequest = energy } }));
        }
        if (study.Inference?.EnergyPerToken is { } perToken)
        {
            targets.Add(new Target("inference.energy_per_token", perToken, (s, energy) => s with { Inference = s.Inference! with { EnergyPerToken = energy } }));
        }
        targets.AddRange(RequestWorkTargets(study.Inference));
        targets.AddRange(FleetTargets(study.Inference));
        return targets;
    }

    /// <summary>The energies the serving fleets state themselves (<c>inference.fleets.ID.energy_per_request</c>, …).</summary>
    private static IEnumerable<Target> FleetTargets(InferenceDefinition? inference)
    {
        foreach (var fleet in inference?.Fleets ?? [])
        {
            var id = fleet.Id;
            if (fleet.Own.Contains("energy_per_request") && fleet.Serving.EnergyPerRequest is { } perRequest)
            {
                yield return new Target($"inference.fleets.{id}.energy_per_request", perRequest, (s, energy) => WithFleet(s, id, f => f with { EnergyPerRequest = energy }));
            }
            if (fleet.Own.Contains("energy_per_token") && fleet.Serving.EnergyPerToken is { } perToken)
            {
                yield return new Target($"inference.fleets.{id}.energy_per_token", perToken, (s, energy) => WithFleet(s, id, f => f with { EnergyPerToken = energy }));
            }
        }
    }

    private static StudyDefinition WithFleet(StudyDefinition study, string id, Func<InferenceDefinition, InferenceDefinition> change) => study with
    {
        Inference = study.Inference! with { Fleets = [.. study.Inference.Fleets.Select(f => f.Id == id ? f with { Serving = change(f.Serving) } : f)] },
    };

    /// <summary>The energies of the request's other work (prefill, draft, retrieval, tool calls), when declared.</summary>
    private static IEnumerable<Target> RequestWorkTargets(InferenceDefinition? inference)
    {
        if (inference?.EnergyPerInputToken is { } prefill)
        {
            yield return new Target("inference.energy_per_input_token", prefill, (s, energy) => s with { Inference = s.Inference! with { EnergyPerInputToken = energy } });
        }
        if (inference?.Draft is { } draft)
        {
            yield return new Target("inference.draft.energy_per_token", draft.EnergyPerToken,
                (s, energy) => s with { Inference = s.Inference! with { Draft = s.Inference.Draft! with { EnergyPerToken = energy } } });
        }
        if (inference?.Retrieval?.Embedding is { } embedding)
        {
            yield return new Target("inference.retrieval.embedding.energy_per_call", embedding,
                (s, energy) => s with { Inference = s.Inference! with { Retrieval = s.Inference.Retrieval! with { Embedding = energy } } });
        }
        if (inference?.Retrieval?.Search is { } search)
        {
            yield return new Target("inference.retrieval.search.energy_per_call", search,
                (s, energy) => s with { Inference = s.Inference! with { Retrieval = s.Inference.Retrieval! with { Search = energy } } });
        }
        if (inference?.ToolCalls?.EnergyPerCall is { } tools)
        {
            yield return new Target("inference.tool_calls.energy_per_call", tools,
                (s, energy) => s with { Inference = s.Inference! with { ToolCalls = s.Inference.ToolCalls! with { EnergyPerCall = energy } } });
        }
    }

    /// <summary>
    /// The energy with the alternative's boundary and PUE choice; the PUE choice the study wrote stands unless the
    /// alternative replaces it. Null (with an error) when the result would apply PUE to facility energy.
    /// </summary>
    private static EnergyDefinition? Changed(Target target, ConventionSetting? boundarySetting, ConventionSetting? pueSetting, string alternativeId, string field, ProblemList problems)
    {
        var energy = target.Energy;
        var boundary = boundarySetting is null ? energy.Boundary : boundarySetting.Value switch
        {
            "gpu" => EnergyBoundary.Gpu,
            "facility" => EnergyBoundary.Facility,
            _ => EnergyBoundary.Node,
        };
        var pue = pueSetting?.Value ?? energy.PueStated;
        if (boundary == EnergyBoundary.Facility && pue == "apply")
        {
            var at = pueSetting ?? boundarySetting!;
            var why = pueSetting is not null
                ? "a facility-level energy already includes the overhead PUE stands for; applying PUE again would count it twice."
                : $"the study applies PUE to this energy ('pue: apply'{Line(energy.PueLocation)}), and as facility energy it already includes the overhead PUE stands for; add '{target.Prefix}.pue: ignore' to this alternative.";
            problems.Error("pue-twice", at.ValueLocation, $"{field}.{at.Key}", $"in alternative '{alternativeId}': {why}");
            return null;
        }
        return energy with { Boundary = boundary, ApplyPue = boundary == EnergyBoundary.Facility || pue != "ignore", PueStated = pue };
    }

    private static string Line(SourceLocation? location) =>
        location is null ? "" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $" at line {location.Line}");

    private static WaterConvention? Water(WaterConvention current, ConventionSetting setting, string alternativeId, string field, ProblemList problems)
    {
        switch (setting.Key)
        {
            case "water":
                if (WaterConvention.Named.TryGetValue(setting.Value, out var named))
                {
                    return named with { Location = setting.ValueLocation };
                }
                problems.Error("unknown-choice", setting.ValueLocation, field,
                    $"in alternative '{alternativeId}': '{Printable.Escape(setting.Value)}' is not a water convention{NameSuggestions.Hint(setting.Value, WaterConvention.Named.Keys)}; "
                    + $"the conventions are: {string.Join(", ", WaterConvention.Named.Keys)} (or set 'water.onsite' and 'water.offsite').");
                return null;
            case "water.onsite":
                return IsChoice(setting, [.. WaterConvention.OnsiteWords.Keys], alternativeId, field, problems)
                    ? current.With(onsite: WaterConvention.OnsiteWords[setting.Value]) with { Location = setting.ValueLocation } : null;
            default:
                return IsChoice(setting, [.. WaterConvention.OffsiteWords.Keys], alternativeId, field, problems)
                    ? current.With(offsite: WaterConvention.OffsiteWords[setting.Value]) with { Location = setting.ValueLocation } : null;
        }
    }

    private static bool IsChoice(ConventionSetting setting, IReadOnlyCollection<string> choices, string alternativeId, string field, ProblemList problems)
    {
        if (choices.Contains(setting.Value))
        {
            return true;
        }
        problems.Error("unknown-choice", setting.ValueLocation, field,
            $"in alternative '{alternativeId}': '{Printable.Escape(setting.Value)}' is not one of {string.Join(", ", choices)}{NameSuggestions.Hint(setting.Value, choices)}.");
        return false;
    }

    private static void UnknownKey(StudyDefinition study, ConventionSetting setting, string alternativeId, string field, List<string> validKeys, ProblemList problems)
    {
        var shown = Printable.Escape(setting.Key);
        var share = study.Stages.FirstOrDefault(s => s.ShareOf is not null && setting.Key.StartsWith($"stages.{s.Id}.", StringComparison.Ordinal));
        var message = share is not null
            ? $"in alternative '{alternativeId}': stage '{share.Id}' is a share of '{share.ShareOf}' and takes its energy, and its conventions, from it; set 'stages.{share.ShareOf}.energy.…' instead."
            : $"in alternative '{alternativeId}': '{shown}' is not a convention of this study{NameSuggestions.Hint(setting.Key, validKeys)}; the conventions are: {string.Join(", ", validKeys)}.";
        problems.Error("unknown-convention", setting.KeyLocation, $"{field}.{shown}", message);
    }
}
