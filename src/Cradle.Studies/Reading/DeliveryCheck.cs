using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Reading;

/// <summary>
/// A stated quality is comparable with the functional unit's minimum only on the same benchmark and metric, and a
/// stated latency only if the unit's maximum is a time: otherwise the check would compare unlike figures, so the study
/// is refused where the statement is written.
/// </summary>
internal static class DeliveryCheck
{
    /// <summary>Records an error for each <c>delivers</c> that cannot be held against the functional unit.</summary>
    public static void CheckAgainstFunctionalUnit(StudyDefinition study, ProblemList problems)
    {
        var unit = study.FunctionalUnit;
        if (unit is null)
        {
            return;
        }
        var statements = new List<DeliveredService?> { study.Delivers };
        statements.AddRange(study.Alternatives.Select(a => a.Delivers));
        foreach (var delivers in statements.OfType<DeliveredService>())
        {
            if (delivers.Quality is { } quality && unit.Quality is { } required)
            {
                if (!BenchmarkNames.Same(quality.Benchmark, required.Benchmark))
                {
                    problems.Error("quality-benchmark-mismatch", quality.Score.Location, $"{quality.Path}.benchmark",
                        $"the score is on '{quality.Benchmark}' but the functional unit's quality constraint is on '{required.Benchmark}'; "
                        + "a score on another benchmark says nothing about this one: state the score on the functional unit's benchmark.");
                }
                else if (quality.Metric is not null && required.Metric is not null && !BenchmarkNames.Same(quality.Metric, required.Metric))
                {
                    problems.Error("quality-metric-mismatch", quality.Score.Location, $"{quality.Path}.metric",
                        $"the score is {quality.Benchmark} {quality.Metric} but the functional unit asks for {required.Benchmark} {required.Metric}; state the score in the unit's metric.");
                }
            }
            if (delivers.Latency is not null && unit.Latency is { } bound && DeliveryReader.Seconds(bound.Maximum.Text) is null)
            {
                problems.Error("unit-mismatch", bound.Maximum.Location, "functional_unit.latency.max",
                    $"to be held against a stated latency, the maximum must be a time such as '2 s', found '{Printable.Escape(bound.Maximum.Text)}'.");
            }
        }
    }
}
