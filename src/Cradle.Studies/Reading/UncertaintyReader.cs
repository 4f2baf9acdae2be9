using Cradle.Studies.Definition;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Studies.Reading;

/// <summary>Reads a value's <c>uncertainty:</c> mapping and checks that its fields fit its distribution.</summary>
internal static class UncertaintyReader
{
    private static readonly string[] Distributions = ["lognormal", "normal", "uniform", "triangular", "pedigree"];
    private static readonly string[] Fields = ["gsd", "sd", "relative_sd", "min", "max", "min_factor", "max_factor", "scores", "basic_gsd"];

    public static UncertaintyDefinition? Read(YamlMappingNode node, string path, MappingReader parent)
    {
        var u = new MappingReader(node, path, parent.File, parent.Problems, ["distribution", .. Fields], "an uncertainty");
        u.Require("distribution", $"one of {string.Join(", ", Distributions)}");
        var distribution = u.Choice("distribution", Distributions);
        if (distribution is null)
        {
            return null;
        }
        List<int>? scores = null;
        if (distribution == "pedigree")
        {
            var items = u.StringList("scores");
            scores = items.Select(i => int.TryParse(i.Value, out var score) ? score : 0).ToList();
            if (scores.Count != 5 || scores.Any(s => s is < 1 or > 5))
            {
                parent.Problems.Error("invalid-uncertainty", u.LocationOf("scores"), $"{path}.scores",
                    "a pedigree is five scores from 1 to 5: [reliability, completeness, temporal, geographical, technological].");
                return null;
            }
        }
        var errorsBefore = parent.Problems.All.Count;
        var definition = new UncertaintyDefinition(distribution, u.Number(distribution == "pedigree" ? "basic_gsd" : "gsd"), u.Text("sd"), u.Number("relative_sd"),
            u.Text("min"), u.Text("max"), u.Number("min_factor"), u.Number("max_factor"), scores, u.Location)
        {
            FieldLocations = Fields.Where(u.Has).ToDictionary(f => f, u.LocationOf, StringComparer.Ordinal),
        };
        if (parent.Problems.All.Count > errorsBefore)
        {
            // A field that is not a finite number ('gsd: 1e999') is reported as such; saying the distribution then
            // lacks it would be a second, misleading error for the same mistake.
            return null;
        }
        var problem = distribution switch
        {
            "lognormal" when definition.GeometricSd is not > 1 => "a lognormal needs 'gsd', the geometric standard deviation, greater than 1",
            "normal" when (definition.StandardDeviation is null) == (definition.RelativeSd is null) => "a normal needs 'sd' (a quantity) or 'relative_sd' (a share of the value), not both",
            "normal" when definition.RelativeSd < 0 => "'relative_sd' is a standard deviation, at least 0",
            "uniform" or "triangular" when !((definition.Minimum is not null && definition.Maximum is not null) || (definition.MinFactor is not null && definition.MaxFactor is not null))
                => $"a {distribution} needs 'min' and 'max' (quantities) or 'min_factor' and 'max_factor' (factors of the value)",
            "pedigree" when definition.GeometricSd is < 1 => "'basic_gsd' is a geometric standard deviation, at least 1",
            _ => null,
        };
        if (problem is not null)
        {
            // A wrong value is shown where it is written; a missing or surplus field at the mapping.
            var at = problem.StartsWith("'relative_sd'", StringComparison.Ordinal) ? "relative_sd"
                : problem.StartsWith("'basic_gsd'", StringComparison.Ordinal) ? "basic_gsd"
                : distribution == "lognormal" && definition.GeometricSd is not null ? "gsd" : null;
            parent.Problems.Error("invalid-uncertainty", at is null ? u.Location : definition.LocationOf(at), at is null ? path : $"{path}.{at}", $"{problem}.");
            return null;
        }
        return definition;
    }
}
