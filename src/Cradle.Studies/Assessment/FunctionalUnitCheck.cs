using Cradle.Core.Units;
using Cradle.Studies.Compilation;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>
/// Alternatives are comparable only if they deliver the same functional unit: the same amount of the same service,
/// under the same latency and quality constraints (ISO 14044 4.2.3.2). Anything else is refused, naming both.
/// </summary>
internal static class FunctionalUnitCheck
{
    public static void Require(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates)
    {
        var problems = new ProblemList();
        var (firstLabel, first) = candidates[0];
        var unit = first.Study.FunctionalUnit;
        foreach (var (label, compiled) in candidates.Skip(1))
        {
            var other = compiled.Study.FunctionalUnit;
            string? difference = null;
            if (first.Demand.ProductId != compiled.Demand.ProductId || !SameAmount(unit.Amount.Text, other.Amount.Text))
            {
                difference = $"'{firstLabel}' delivers {unit.Amount.Text}, '{label}' delivers {other.Amount.Text}";
            }
            else if (unit.Latency?.Percentile != other.Latency?.Percentile || !SameAmount(unit.Latency?.Maximum.Text, other.Latency?.Maximum.Text))
            {
                difference = $"their latency constraints differ ({Describe(unit.Latency)} against {Describe(other.Latency)})";
            }
            else if (unit.Quality?.Benchmark != other.Quality?.Benchmark || unit.Quality?.Metric != other.Quality?.Metric || unit.Quality?.Minimum != other.Quality?.Minimum)
            {
                difference = $"their quality constraints differ ({unit.Quality?.Benchmark ?? "none"} ≥ {unit.Quality?.Minimum} against {other.Quality?.Benchmark ?? "none"} ≥ {other.Quality?.Minimum})";
            }
            if (difference is not null)
            {
                problems.Error("fu-mismatch", other.Amount.Location, "functional_unit",
                    $"alternatives must deliver the same functional unit to be compared, but {difference}. Compare them per the same service, or assess them separately.");
            }
        }
        problems.ThrowIfErrors();
    }

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
