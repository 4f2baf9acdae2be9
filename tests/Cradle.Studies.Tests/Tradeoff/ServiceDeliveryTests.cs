using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Tradeoff;

/// <summary>
/// The functional unit's quality and latency constraints are held against what each alternative states it delivers:
/// a comparison refuses one that misses a constraint (naming the constraint, the figures and the source) unless the
/// user accepts it with a reason, and assess marks it.
/// </summary>
public sealed class ServiceDeliveryTests
{
    private static readonly MonteCarloOptions One = new(1, 1, 1);

    private static string WithSmall(string delivers) => TradeoffStudy.Text(TradeoffStudy.Alternatives + $"""

          small:
            parameters:
              train_energy: 500 kWh
            delivers:
        {delivers}
        """);

    [Fact]
    public void Alternatives_that_meet_every_constraint_are_compared_and_shown_met()
    {
        var result = ComparisonAnalysis.Compare(TradeoffStudy.Compile(TradeoffStudy.Text()), One);
        Assert.All(result.Service.SelectMany(s => s.Outcomes), o => Assert.Equal(ConstraintStatus.Met, o.Status));
        var quality = result.Service[0].Outcomes[0];
        Assert.Equal("alternative 'trained-further': GSM8K accuracy 0.74 ≥ functional unit minimum 0.7 (source: eval run 12)", quality.Message);
    }

    [Fact]
    public void A_missed_quality_minimum_refuses_the_comparison_naming_the_constraint_the_figures_and_the_source()
    {
        var text = WithSmall("""
                  quality: {benchmark: GSM8K, metric: accuracy, value: 0.61, source: "eval run 15"}
                  latency: {percentile: 95, value: 0.8 s, source: "load test 6"}
            """);
        var e = Assert.Throws<StudyException>(() => ComparisonAnalysis.Compare(TradeoffStudy.Compile(text), One));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("constraint-unmet", problem.Code);
        Assert.Equal("functional_unit.quality", problem.Field);
        Assert.StartsWith("alternative 'small': GSM8K accuracy 0.61 < functional unit minimum 0.7 (source: eval run 15)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("--accept-unmet-constraints", problem.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "0.61").Line, problem.Location!.Line);
    }

    [Fact]
    public void An_exceeded_latency_maximum_refuses_the_comparison()
    {
        var text = WithSmall("""
                  quality: {benchmark: GSM8K, metric: accuracy, value: 0.72, source: "eval run 15"}
                  latency: {percentile: 95, value: 3.1 s, source: "load test 6"}
            """);
        var problem = Assert.Single(Assert.Throws<StudyException>(() => ComparisonAnalysis.Compare(TradeoffStudy.Compile(text), One)).Problems);
        Assert.StartsWith("alternative 'small': p95 latency 3.1 s > functional unit maximum 2 s (source: load test 6)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_unmet_constraints_with_a_reason_compares_and_marks_the_alternative()
    {
        var text = WithSmall("""
                  quality: {benchmark: GSM8K, metric: accuracy, value: 0.61, source: "eval run 15"}
                  latency: {percentile: 95, value: 0.8 s, source: "load test 6"}
            """);
        var accepted = new ComparisonAcceptance(null, null) { UnmetConstraints = " to show what the quality costs " };
        var result = ComparisonAnalysis.Compare(TradeoffStudy.Compile(text), One, accepted);
        Assert.Equal("to show what the quality costs", result.UnmetConstraintsReason);
        var small = Assert.Single(result.Service, s => s.Label == "small");
        Assert.True(small.Unmet);
        Assert.DoesNotContain(result.Service, s => s.Label != "small" && s.Unmet);
        // A reason with nothing to accept is refused, like the other accept options.
        var unneeded = Assert.Throws<StudyException>(() => ComparisonAnalysis.Compare(TradeoffStudy.Compile(TradeoffStudy.Text()), One, accepted));
        Assert.Equal("constraint-accept-unneeded", Assert.Single(unneeded.Problems).Code);
    }

    [Fact]
    public void Assess_marks_a_missed_constraint_and_warns_when_nothing_is_stated()
    {
        var text = TradeoffStudy.Text(TradeoffStudy.Alternatives + """

              silent:
                parameters:
                  train_energy: 500 kWh
              slow:
                parameters:
                  train_energy: 500 kWh
                delivers:
                  quality: {benchmark: gsm8k, value: 0.9, source: "eval run 16"}
                  latency: {percentile: 99, value: 2.5 s, source: "load test 7"}
            """);
        var assessed = TinyStudy.Assess(text).Alternatives;
        var silent = assessed.Single(a => a.Alternative == "silent").Warnings.Where(w => w.Code == "service-not-shown").ToList();
        Assert.Equal(2, silent.Count);
        Assert.Contains(silent, w => w.Message.Contains("not shown to deliver the service: the functional unit requires GSM8K accuracy ≥ 0.7", StringComparison.Ordinal));
        // p99 2.5 s > 2 s says nothing about p95 (a higher percentile does not bound a lower one): not shown, not missed.
        var slow = assessed.Single(a => a.Alternative == "slow").Warnings;
        var latency = Assert.Single(slow, w => w.Code == "service-not-shown");
        Assert.Contains("settles nothing about the p95 latency", latency.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(assessed.Single(a => a.Alternative == "trained-further").Warnings, w => w.Code is "service-not-shown" or "constraint-unmet");
    }

    [Fact]
    public void A_figure_at_another_percentile_settles_the_constraint_when_the_order_of_percentiles_allows()
    {
        // p99 ≤ 2 s bounds p95 from above (met); p50 > 2 s means p95 > 2 s too (missed).
        var met = WithSmall("""
                  quality: {benchmark: GSM8K, value: 0.72, source: "eval"}
                  latency: {percentile: 99, value: 1.9 s, source: "load"}
            """);
        var small = ComparisonAnalysis.Compare(TradeoffStudy.Compile(met), One).Service.Single(s => s.Label == "small");
        Assert.Equal(ConstraintStatus.Met, small.Outcomes[1].Status);
        Assert.Contains("which bounds the p95 latency from above", small.Outcomes[1].Message, StringComparison.Ordinal);
        var missed = WithSmall("""
                  quality: {benchmark: GSM8K, value: 0.72, source: "eval"}
                  latency: {percentile: 50, value: 2500 ms, source: "load"}
            """);
        var problem = Assert.Single(Assert.Throws<StudyException>(() => ComparisonAnalysis.Compare(TradeoffStudy.Compile(missed), One)).Problems);
        Assert.StartsWith("alternative 'small': p50 latency 2500 ms > functional unit maximum 2 s, so the p95 latency exceeds it too", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_study_states_is_inherited_by_each_alternative_part_by_part_with_its_provenance()
    {
        // The study states both; 'quick' replaces the latency only, so it keeps the study's score (0.72, measured).
        var text = TradeoffStudy.Text("""

            delivers:
              quality: {benchmark: GSM8K, value: 0.72, provenance: measured, source: "eval run 20"}
              latency: {percentile: 95, value: 2.5 s, source: "load test 20"}
            alternatives:
              as-written: {}
              quick:
                delivers:
                  latency: {percentile: 95, value: 1 s, provenance: declared, source: "vendor sheet"}
            """);
        var service = ComparisonAnalysis.Compare(TradeoffStudy.Compile(text), One, new ComparisonAcceptance(null, null) { UnmetConstraints = "test" }).Service;
        Assert.Equal("alternative 'as-written': p95 latency 2.5 s > functional unit maximum 2 s (source: load test 20)", service[0].Outcomes[1].Message);
        Assert.Equal("alternative 'quick': GSM8K accuracy 0.72 ≥ functional unit minimum 0.7 (measured, source: eval run 20)", service[1].Outcomes[0].Message);
        Assert.Equal("alternative 'quick': p95 latency 1 s ≤ functional unit maximum 2 s (declared, source: vendor sheet)", service[1].Outcomes[1].Message);
    }

    [Fact]
    public void A_score_on_another_benchmark_is_refused_naming_both()
    {
        var text = WithSmall("""
                  quality: {benchmark: MATH, value: 0.9, source: "eval"}
            """);
        var problem = TinyStudy.Error(text, "quality-benchmark-mismatch");
        Assert.Contains("'MATH'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'GSM8K'", problem.Message, StringComparison.Ordinal);
        Assert.Equal("alternatives.small.delivers.quality.benchmark", problem.Field);
    }

    [Fact]
    public void A_stated_figure_without_a_source_or_of_the_wrong_kind_is_refused()
    {
        Assert.Equal("alternatives.small.delivers.quality.source", TinyStudy.Error(WithSmall("""
                  quality: {benchmark: GSM8K, value: 0.9}
            """), "missing-field").Field);
        Assert.Equal("alternatives.small.delivers.latency.value", TinyStudy.Error(WithSmall("""
                  latency: {percentile: 95, value: 2 kWh, source: "load"}
            """), "unit-mismatch").Field);
    }

    [Fact]
    public void Impact_per_unit_of_quality_is_the_total_over_the_stated_score()
    {
        // reasoning: per request D ÷ 10⁶ + i = 750 ÷ 10⁶ + 0.003 = 0.00375 kg; ÷ 0.78 = 0.0048077 kg per accuracy point.
        var result = ComparisonAnalysis.Compare(TradeoffStudy.Compile(TradeoffStudy.Text()), One);
        var k = result.Labels.ToList().IndexOf("reasoning");
        Assert.Equal(0.00375, result.Totals[k][0], 12);
        Assert.Equal(0.00375 / 0.78, result.PerQualityPoint[k]![0], 12);
    }
}
