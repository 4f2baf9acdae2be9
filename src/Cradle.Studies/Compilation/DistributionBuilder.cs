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
        if (spec.Sample is { } sample)
        {
            // Realisations of a sampled background, in the value's unit: converted like the value itself.
            return new SharedSampleDistribution(sample.Group, [.. sample.Values.Select(value.Unit.ToBase)], central, sample.What);
        }
        string? Problem(string message, string? at = null)
        {
            problems.Error("invalid-uncertainty", at is null ? spec.Location : spec.LocationOf(at), at is null ? $"{field}.uncertainty" : $"{field}.uncertainty.{at}", message);
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
                Problem($"'{name}': {error}", name);
                return null;
            }
            if (bound.Dimension != value.Dimension)
            {
                Problem($"'{name}' is {bound.Dimension.WithArticle()} ({bound.Unit.Symbol}), but the value is {value.Dimension.WithArticle()} ({value.Unit.Symbol}).", name);
                return null;
            }
            if (!double.IsFinite(bound.BaseValue))
            {
                // Checked whether or not Monte Carlo runs: the study states it, and reports list it.
                Problem($"'{name}' must be a finite quantity, found '{text.Trim()}'.", name);
                return null;
            }
            return bound.BaseValue;
        }
        double? Scaled(double? factor, string name)
        {
            if (factor is not { } f)
            {
                return null;
            }
            var bound = f * central;
            if (!double.IsFinite(bound))
            {
                Problem($"'{name}' × the value is beyond the largest number a computer can hold (about 1.8e308).", name);
                return double.NaN;
            }
            return bound;
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
                if (sd is < 0)
                {
                    Problem($"'sd' is a standard deviation, at least 0; found '{spec.StandardDeviation}'.", "sd");
                    return null;
                }
                if (sd is { } s && !double.IsFinite(s))
                {
                    Problem("'relative_sd' × the value is beyond the largest number a computer can hold (about 1.8e308).", "relative_sd");
                    return null;
                }
                return sd is null ? null : new NormalDistribution(central, sd.Value);
            default:
                var low = spec.MinFactor is not null ? Scaled(spec.MinFactor, "min_factor") : Bound(spec.Minimum, "min");
                var high = spec.MaxFactor is not null ? Scaled(spec.MaxFactor, "max_factor") : Bound(spec.Maximum, "max");
                if (low is null || high is null || double.IsNaN(low.Value) || double.IsNaN(high.Value))
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
