using Cradle.Core;
using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>Where an alternative stands against one constraint of the functional unit.</summary>
public enum ConstraintStatus
{
    /// <summary>The stated figure meets the constraint.</summary>
    Met,
    /// <summary>The stated figure misses it: the alternative does not deliver the service.</summary>
    Unmet,
    /// <summary>Nothing stated settles it: the alternative is not shown to deliver the service.</summary>
    NotShown,
}

/// <summary>One constraint of the functional unit held against what an alternative states it delivers.</summary>
/// <param name="Constraint">"quality" or "latency".</param>
/// <param name="Status">Met, unmet or not shown.</param>
/// <param name="Message">The finding in words, naming the constraint, the figures and the source.</param>
/// <param name="Source">The source of the stated figure, or null when none is stated.</param>
/// <param name="Location">Where the stated figure is written, or null when none is stated.</param>
public sealed record ConstraintOutcome(string Constraint, ConstraintStatus Status, string Message, string? Source, SourceLocation? Location);

/// <summary>What one alternative is shown to deliver against the functional unit's constraints.</summary>
/// <param name="Label">The alternative.</param>
/// <param name="Outcomes">One per constraint of the functional unit (empty: it has none).</param>
/// <param name="Quality">The stated benchmark score, or null when none is stated.</param>
public sealed record ServiceCheck(string Label, IReadOnlyList<ConstraintOutcome> Outcomes, DeliveredQuality? Quality)
{
    /// <summary>Whether some constraint is missed.</summary>
    public bool Unmet => Outcomes.Any(o => o.Status == ConstraintStatus.Unmet);
}

/// <summary>
/// Holds each alternative's stated quality and latency (<c>delivers</c>) against the functional unit's constraints.
/// Quality: the score on the unit's benchmark (the reader has refused another benchmark) must be at least the minimum.
/// Latency: latency does not fall as the percentile rises, so a figure at a percentile at or above the unit's that is
/// within the maximum shows the constraint met, and a figure at a percentile at or below the unit's that exceeds the
/// maximum shows it missed; any other figure settles nothing and the alternative is not shown to deliver the service.
/// </summary>
public static class ServiceDelivery
{
    /// <summary>The command-line option that accepts alternatives missing a constraint, for messages.</summary>
    public const string Option = "--accept-unmet-constraints";

    /// <summary>What <paramref name="compiled"/> (labelled <paramref name="label"/>) is shown to deliver.</summary>
    public static ServiceCheck Check(string label, CompiledStudy compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var unit = compiled.Study.FunctionalUnit;
        var delivers = (compiled.Study.Delivers ?? DeliveredService.None).With(compiled.Alternative?.Delivers);
        var outcomes = new List<ConstraintOutcome>(2);
        var who = compiled.Alternative is null && label == "as written" ? "the study as written" : $"alternative '{label}'";
        if (unit.Quality is { } required)
        {
            outcomes.Add(Quality(who, required, delivers.Quality));
        }
        if (unit.Latency is { } bound)
        {
            outcomes.Add(Latency(who, bound, delivers.Latency));
        }
        return new ServiceCheck(label, outcomes, delivers.Quality);
    }

    /// <summary>The findings as warnings, for <c>assess</c>: a missed constraint and one not shown are both marked.</summary>
    public static IReadOnlyList<InputProblem> Warnings(ServiceCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return [.. check.Outcomes.Where(o => o.Status != ConstraintStatus.Met).Select(o => new InputProblem(
            o.Status == ConstraintStatus.Unmet ? "constraint-unmet" : "service-not-shown", Severity.Warning, o.Location,
            $"functional_unit.{o.Constraint}", o.Message))];
    }

    /// <summary>
    /// Checks every candidate. Throws when one misses a constraint and <paramref name="acceptedReason"/> is null, when
    /// the reason is blank, or when a reason is given and none misses one.
    /// </summary>
    public static IReadOnlyList<ServiceCheck> Require(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, string? acceptedReason)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var problems = new ProblemList();
        if (acceptedReason is not null && string.IsNullOrWhiteSpace(acceptedReason))
        {
            problems.Error("constraint-accept-reason", null, Option,
                "say why alternatives that miss a constraint of the functional unit may be compared; the reason is printed with the comparison.");
            problems.ThrowIfErrors();
        }
        var checks = candidates.Select(c => Check(c.Label, c.Compiled)).ToList();
        var unmet = checks.SelectMany(c => c.Outcomes).Where(o => o.Status == ConstraintStatus.Unmet).ToList();
        if (acceptedReason is null)
        {
            foreach (var outcome in unmet)
            {
                problems.Error("constraint-unmet", outcome.Location, $"functional_unit.{outcome.Constraint}",
                    $"{outcome.Message}: it does not deliver the functional unit, so comparing it with the others would compare different services. "
                    + $"Leave it out, or, if comparing it is meaningful anyway, say why with {Option} \"REASON\" (it is then marked in the comparison).");
            }
        }
        else if (unmet.Count == 0)
        {
            problems.Error("constraint-accept-unneeded", null, Option,
                "every alternative meets the functional unit's constraints (or states nothing about them), so there is nothing to accept; leave the option out.");
        }
        problems.ThrowIfErrors();
        return checks;
    }

    /// <summary>" (measured, source: eval run 12)": the figure's provenance when the study states it, and its source.</summary>
    private static string Cited(Datum figure) =>
        figure.Origin is { } origin ? $" ({origin.ToString().ToLowerInvariant()}, source: {figure.Source})" : $" (source: {figure.Source})";

    private static ConstraintOutcome Quality(string who, QualityConstraint required, DeliveredQuality? stated)
    {
        var name = $"{required.Benchmark} {required.Metric ?? "score"}";
        if (stated is null)
        {
            return new ConstraintOutcome("quality", ConstraintStatus.NotShown,
                $"{who} is not shown to deliver the service: the functional unit requires {name} ≥ {InvariantNumber.Format(required.Minimum)} "
                + "and no 'delivers.quality' states its score", null, null);
        }
        var met = stated.Value >= required.Minimum;
        return new ConstraintOutcome("quality", met ? ConstraintStatus.Met : ConstraintStatus.Unmet,
            $"{who}: {name} {InvariantNumber.Format(stated.Value)} {(met ? "≥" : "<")} functional unit minimum {InvariantNumber.Format(required.Minimum)}"
            + Cited(stated.Score), stated.Score.Source, stated.Score.Location);
    }

    private static ConstraintOutcome Latency(string who, LatencyConstraint bound, DeliveredLatency? stated)
    {
        var constraint = $"p{InvariantNumber.Format(bound.Percentile)} latency ≤ {bound.Maximum.Text}";
        if (stated is null)
        {
            return new ConstraintOutcome("latency", ConstraintStatus.NotShown,
                $"{who} is not shown to deliver the service: the functional unit requires {constraint} and no 'delivers.latency' states its latency", null, null);
        }
        // The reader has refused a maximum that is not a time once a latency is stated.
        var maximum = Reading.DeliveryReader.Seconds(bound.Maximum.Text) ?? double.NaN;
        var figure = $"p{InvariantNumber.Format(stated.Percentile)} latency {stated.Latency.Text}";
        var source = Cited(stated.Latency);
        var within = stated.Seconds <= maximum;
        if (within && stated.Percentile >= bound.Percentile)
        {
            var how = stated.Percentile == bound.Percentile ? "" : $", which bounds the p{InvariantNumber.Format(bound.Percentile)} latency from above";
            return new ConstraintOutcome("latency", ConstraintStatus.Met, $"{who}: {figure} ≤ functional unit maximum {bound.Maximum.Text}{how}{source}",
                stated.Latency.Source, stated.Latency.Location);
        }
        if (!within && stated.Percentile <= bound.Percentile)
        {
            var how = stated.Percentile == bound.Percentile ? "" : $", so the p{InvariantNumber.Format(bound.Percentile)} latency exceeds it too";
            return new ConstraintOutcome("latency", ConstraintStatus.Unmet, $"{who}: {figure} > functional unit maximum {bound.Maximum.Text}{how}{source}",
                stated.Latency.Source, stated.Latency.Location);
        }
        return new ConstraintOutcome("latency", ConstraintStatus.NotShown,
            $"{who} is not shown to deliver the service: the functional unit requires {constraint}, and {figure} {(within ? "≤" : ">")} {bound.Maximum.Text} "
            + $"settles nothing about the p{InvariantNumber.Format(bound.Percentile)} latency (a {(within ? "lower" : "higher")} percentile does not bound it); "
            + $"state the p{InvariantNumber.Format(bound.Percentile)} latency{source}", stated.Latency.Source, stated.Latency.Location);
    }
}
