using Cradle.Core.Units;
using Cradle.Studies.Compilation;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>
/// Alternatives are comparable only if they deliver the same functional unit: the same amount of the same service,
/// described the same way, under the same latency and quality constraints (ISO 14044 4.2.3.2). The description is part
/// of the unit's identity: "1000 image" of ResNet-50 classification and "1000 image" of diffusion generation are not one
/// service. Anything else is refused, naming both, unless the user accepts the difference with a reason, which the
/// comparison then carries to its output.
/// </summary>
internal static class FunctionalUnitCheck
{
    /// <summary>
    /// Returns the differences between the candidates' functional units (empty when they agree). Throws when they differ
    /// and <paramref name="acceptedReason"/> is null, when the reason is blank, or when a reason is given for units that agree.
    /// </summary>
    public static IReadOnlyList<string> Require(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, string? acceptedReason)
    {
        var problems = new ProblemList();
        if (acceptedReason is not null && string.IsNullOrWhiteSpace(acceptedReason))
        {
            problems.Error("fu-accept-reason", null, "--accept-different-functional-units",
                "say why alternatives with different functional units may be compared; the reason is printed with the comparison.");
            problems.ThrowIfErrors();
        }
        var differences = new List<(string Text, SourceLocation Location)>();
        var (firstLabel, first) = candidates[0];
        var unit = first.Study.FunctionalUnit;
        foreach (var (label, compiled) in candidates.Skip(1))
        {
            if (Difference(firstLabel, first, label, compiled) is { } difference)
            {
                differences.Add((difference, compiled.Study.FunctionalUnit.Amount.Location));
            }
        }
        if (acceptedReason is null)
        {
            foreach (var (text, location) in differences)
            {
                problems.Error("fu-mismatch", location, "functional_unit",
                    $"alternatives must deliver the same functional unit to be compared, but {text}. Compare them per the same service, "
                    + "assess them separately, or, if comparing them is meaningful anyway, say why with --accept-different-functional-units \"REASON\".");
            }
        }
        else if (differences.Count == 0)
        {
            problems.Error("fu-accept-unneeded", unit.Amount.Location, "--accept-different-functional-units",
                "the alternatives deliver the same functional unit, so there is no difference to accept; leave the option out.");
        }
        problems.ThrowIfErrors();
        return [.. differences.Select(d => d.Text)];
    }

    private static string? Difference(string firstLabel, CompiledStudy first, string label, CompiledStudy compiled)
    {
        var unit = first.Study.FunctionalUnit;
        var other = compiled.Study.FunctionalUnit;
        if (first.Demand.ProductId != compiled.Demand.ProductId || !SameAmount(unit.Amount.Text, other.Amount.Text))
        {
            return $"'{firstLabel}' delivers {unit.Amount.Text}, '{label}' delivers {other.Amount.Text}";
        }
        if (!SameDescription(unit.Description, other.Description))
        {
            return $"their descriptions differ ('{firstLabel}': \"{unit.Description.Trim()}\", '{label}': \"{other.Description.Trim()}\")";
        }
        if (unit.Latency?.Percentile != other.Latency?.Percentile || !SameAmount(unit.Latency?.Maximum.Text, other.Latency?.Maximum.Text))
        {
            return $"their latency constraints differ ({Describe(unit.Latency)} against {Describe(other.Latency)})";
        }
        if (unit.Quality?.Benchmark != other.Quality?.Benchmark || unit.Quality?.Metric != other.Quality?.Metric || unit.Quality?.Minimum != other.Quality?.Minimum)
        {
            return $"their quality constraints differ ({unit.Quality?.Benchmark ?? "none"} ≥ {unit.Quality?.Minimum} against {other.Quality?.Benchmark ?? "none"} ≥ {other.Quality?.Minimum})";
        }
        return null;
    }

    /// <summary>Descriptions are the same service when equal up to case and runs of white space (YAML folding differs).</summary>
    private static bool SameDescription(string a, string b) =>
        string.Equals(Collapse(a), Collapse(b), StringComparison.OrdinalIgnoreCase);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool SameAmount(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a == b;
        }
        return Quantity.TryParse(a, out var x, out _) && Quantity.TryParse(b, out var y, out _)
            && x.Dimension == y.Dimension && Math.Abs(x.BaseValue - y.BaseValue) <= 1e-12 * Math.Abs(x.BaseValue);
    }

    private static string Describe(Definition.LatencyConstraint? latency) =>
        latency is null ? "none" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p{latency.Percentile} ≤ {latency.Maximum.Text}");
}
