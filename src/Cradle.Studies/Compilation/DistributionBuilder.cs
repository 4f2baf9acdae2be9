using Cradle.Core.Units;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>Turns a stated uncertainty into a distribution in the value's base unit, checking it fits the value.</summary>
internal static class DistributionBuilder
{
    public static Distribution? Build(Quantity value, UncertaintyDefinition spec, string field, ProblemList problems)
    {
        var central = value.BaseValue;
        string? Problem(string message)
        {
            problems.Error("invalid-uncertainty", spec.Location, $"{field}.uncertainty", message);
            return null;
        }
        double? Bound(string? text, string name)
        {
            if (text is null)
            {
                return null;
            }
            if (!Quantity.TryParse(text, out var bound, out var error))
            {
                Problem($"'{name}': {error}");
                return null;
            }
            if (bound.Dimension != value.Dimension)
            {
                Problem($"'{name}' is {bound.Dimension.WithArticle()} ({bound.Unit.Symbol}), but the value is {value.Dimension.WithArticle()} ({value.Unit.Symbol}).");
                return null;
            }
            return bound.BaseValue;
        }
        switch (spec.Distribution)
        {
            case "lognormal" or "pedigree":
                if (central <= 0)
                {
                    Problem("a lognormal (and a pedigree) needs a positive value.");
                    return null;
                }
                var gsd = spec.Distribution == "pedigree" ? Pedigree.GeometricSd(spec.Pedigree!, spec.GeometricSd ?? 1) : spec.GeometricSd!.Value;
                return new LognormalDistribution(central, gsd);
            case "normal":
                var sd = spec.StandardDeviation is null ? spec.RelativeSd!.Value * Math.Abs(central) : Bound(spec.StandardDeviation, "sd");
                return sd is null ? null : new NormalDistribution(central, sd.Value);
            default:
                var low = spec.MinFactor is { } lf ? lf * central : Bound(spec.Minimum, "min");
                var high = spec.MaxFactor is { } hf ? hf * central : Bound(spec.Maximum, "max");
                if (low is null || high is null)
                {
                    return null;
                }
                if (!(low <= central && central <= high))
                {
                    Problem("the value must lie between 'min' and 'max'.");
                    return null;
                }
                return spec.Distribution == "uniform" ? new UniformDistribution(low.Value, high.Value, central) : new TriangularDistribution(low.Value, central, high.Value);
        }
    }
}
