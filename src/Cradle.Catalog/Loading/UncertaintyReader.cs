using Cradle.Catalog.Model;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Catalog.Loading;

/// <summary>Reads an uncertainty mapping and checks its parameters fit its distribution.</summary>
internal static class UncertaintyReader
{
    public static Uncertainty? Read(YamlNode node, string path, MappingReader parent)
    {
        if (node is not YamlMappingNode mapping)
        {
            parent.Problems.Error("wrong-kind", node.Location(parent.File), path, $"expected an uncertainty mapping ('distribution: …'), found {node.Kind()}.");
            return null;
        }
        var u = new MappingReader(mapping, path, parent.File, parent.Problems, ["distribution", "gsd", "relative_sd", "min_factor", "max_factor"], "an uncertainty");
        u.Require("distribution", $"one of {string.Join(", ", Uncertainty.Distributions)}");
        var distribution = u.Choice("distribution", Uncertainty.Distributions);
        if (distribution is null)
        {
            return null;
        }
        var uncertainty = new Uncertainty(distribution, u.Number("gsd"), u.Number("relative_sd"), u.Number("min_factor"), u.Number("max_factor"));
        var problem = distribution switch
        {
            "lognormal" when uncertainty.GeometricSd is not > 1 => "a lognormal needs 'gsd' greater than 1",
            "normal" when uncertainty.RelativeSd is not > 0 => "a normal needs 'relative_sd' greater than 0",
            "uniform" or "triangular" when uncertainty.MinFactor is not > 0 || uncertainty.MaxFactor is null || uncertainty.MinFactor > 1 || uncertainty.MaxFactor < 1
                => $"a {distribution} needs 0 < 'min_factor' ≤ 1 ≤ 'max_factor'",
            _ => null,
        };
        if (problem is not null)
        {
            parent.Problems.Error("invalid-uncertainty", u.Location, path, $"{problem}.");
            return null;
        }
        return uncertainty;
    }
}
