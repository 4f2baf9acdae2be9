using Cradle.Studies.Definition;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Studies.Reading;

/// <summary>
/// Reads the study's water formula (<c>water_convention</c>: a named convention, or <c>{onsite, offsite}</c>) and an
/// alternative's <c>conventions</c> (dotted keys; a nested mapping is joined with dots). Whether an alternative's keys
/// name energies of the study is checked when it is compiled, where the study is known.
/// </summary>
internal static class ConventionReader
{
    /// <summary>The study's water convention; the default when <c>water_convention</c> is absent or wrong (the error is recorded).</summary>
    public static WaterConvention ReadWater(MappingReader study)
    {
        const string key = "water_convention";
        var node = study.Node(key);
        if (node is null)
        {
            return WaterConvention.Default;
        }
        if (node is YamlScalarNode)
        {
            return Named(study.Text(key) ?? "", study.LocationOf(key), key, study.Problems) ?? WaterConvention.Default;
        }
        if (study.Mapping(key) is not { } mapping)
        {
            return WaterConvention.Default;
        }
        var w = new MappingReader(mapping, key, study.File, study.Problems, ["onsite", "offsite"], "a water convention");
        var onsite = w.Choice("onsite", [.. WaterConvention.OnsiteWords.Keys]);
        var offsite = w.Choice("offsite", [.. WaterConvention.OffsiteWords.Keys]);
        if (!w.Has("onsite") || !w.Has("offsite"))
        {
            study.Problems.Error("missing-field", w.Location, $"{key}.{(w.Has("onsite") ? "offsite" : "onsite")}",
                $"state both bases (onsite: {string.Join(" or ", WaterConvention.OnsiteWords.Keys)}; offsite: {string.Join(" or ", WaterConvention.OffsiteWords.Keys)}), or name a convention: {string.Join(", ", WaterConvention.Named.Keys)}.");
        }
        return WaterConvention.Default.With(
            onsite is null ? null : WaterConvention.OnsiteWords[onsite],
            offsite is null ? null : WaterConvention.OffsiteWords[offsite]) with { Location = w.Location };
    }

    /// <summary>A named water convention, or null after an error naming the closest names.</summary>
    public static WaterConvention? Named(string name, SourceLocation location, string field, ProblemList problems)
    {
        if (WaterConvention.Named.TryGetValue(name, out var named))
        {
            return named with { Location = location };
        }
        problems.Error("unknown-choice", location, field,
            $"'{Printable.Escape(name)}' is not a water convention{Core.NameSuggestions.Hint(name, WaterConvention.Named.Keys)}; the conventions are: {string.Join(", ", WaterConvention.Named.Keys)} "
            + "(or state the bases: {onsite: it-energy|facility-energy, offsite: grid-electricity|it-energy-times-pue}).");
        return null;
    }

    /// <summary>An alternative's <c>conventions</c>: each scalar value under its dotted key.</summary>
    public static IReadOnlyList<ConventionSetting> ReadSettings(MappingReader alternative)
    {
        var settings = new List<ConventionSetting>();
        if (alternative.Mapping("conventions") is { } mapping)
        {
            Flatten(mapping, "", MappingReader.Join(alternative.Path, "conventions"), alternative.File, alternative.Problems, settings);
        }
        return settings;
    }

    private static void Flatten(YamlMappingNode mapping, string prefix, string path, string file, ProblemList problems, List<ConventionSetting> settings)
    {
        foreach (var (k, v) in mapping.Children)
        {
            if (k is not YamlScalarNode { Value: { } name })
            {
                problems.Error("complex-key", k.Location(file), path, "the keys of conventions are names such as 'inference.energy_per_request.pue'.");
                continue;
            }
            var key = MappingReader.Join(prefix, name);
            switch (v)
            {
                case YamlMappingNode nested:
                    Flatten(nested, key, path, file, problems, settings);
                    break;
                case YamlScalarNode { Value: { Length: > 0 } value }:
                    settings.Add(new ConventionSetting(key, value.Trim(), k.Location(file), v.Location(file)));
                    break;
                default:
                    problems.Error("wrong-kind", v.Location(file), $"{path}.{Printable.Escape(key)}",
                        $"expected a single value (e.g. 'apply', 'node' or 'li-2023'), found {v.Kind()}.");
                    break;
            }
        }
    }
}
