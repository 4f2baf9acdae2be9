using System.Globalization;
using Cradle.Reports.Charts;
using Cradle.Reports.Rendering;
using Cradle.Results;
using Cradle.Studies.Assessment;

namespace Cradle.Reports.Tests;

/// <summary>
/// The trade-off chart: cumulative footprint D + N × i per alternative against requests served, with the crossing at
/// the closed-form N* = ΔD ÷ Δi, drawn from the results records of any per-request study with two or more alternatives.
/// </summary>
public sealed class TradeoffChartTests
{
    // One site: PUE 1.5, 0.5 kg CO2e/kWh, so 0.75 kg CO2e per kWh of IT energy; no hardware, so no embodied terms.
    // 'trained-further': D = 3,000 kWh × 0.75 = 2,250 kg; i = 0.001 kWh × 0.75 = 7.5e-4 kg per request.
    // 'reasoning':       D = 1,000 kWh × 0.75 =   750 kg; i = 0.003 kWh × 0.75 = 2.25e-3 kg per request.
    // N* = (2,250 − 750) ÷ (2.25e-3 − 7.5e-4) = 1,500 ÷ 1.5e-3 = 1e6 requests.
    // 'wasteful' (3,000 kWh, 0.003 kWh/request) is costlier than 'reasoning' in both terms and than 'trained-further'
    // per request, and as costly to develop: it crosses neither.
    private const string Study = """
        cradle: 1
        name: trade-off chart
        goal: {application: tests, audience: tests}
        functional_unit: {amount: 1000 request, description: one thousand answered requests}
        system_boundary:
          included: [pre-training, inference]
          excluded: {hardware-manufacture: not needed for the arithmetic}
        impact_categories: [gwp100]
        parameters:
          train_energy: 1000 kWh
          request_energy: 0.003 kWh/request
        grids:
          g: {basis: life-cycle, per_kwh: {gwp100: 0.5 kg CO2e/kWh}}
        sites:
          s: {grid: g, pue: 1.5}
        stages:
          pre-training: {site: s, energy: train_energy}
        inference:
          site: s
          lifetime_requests: 1e8 request
          energy_per_request: request_energy
        alternatives:
          reasoning: {description: small model reasoning}
          trained-further:
            parameters: {train_energy: 3000 kWh, request_energy: 0.001 kWh/request}
          wasteful:
            parameters: {train_energy: 3000 kWh}
        """;

    private static AssessmentResults Model()
    {
        var assessment = StudyAssessor.Assess(Study, "tradeoff.yaml");
        return ResultsBuilder.From(assessment, null);
    }

    [Fact]
    public void The_lines_are_development_plus_requests_times_cost_and_cross_at_the_closed_form_break_even()
    {
        var chart = TradeoffChart.Cumulative(Model(), 0)!;
        var requests = chart.Series.Single(s => s.Name == "requests").Values;
        var reasoning = chart.Series.Single(s => s.Name == "reasoning").Values;
        var further = chart.Series.Single(s => s.Name == "trained-further").Values;
        for (var p = 0; p < requests.Length; p++)
        {
            Assert.Equal(750 + (requests[p] * 2.25e-3), reasoning[p], 1e-9 * reasoning[p]);
            Assert.Equal(2250 + (requests[p] * 7.5e-4), further[p], 1e-9 * further[p]);
        }
        // Only the first pair crosses: N* = 1,500 ÷ 1.5e-3 = 1e6 requests.
        var crossing = Assert.Single(chart.Series.Single(s => s.Name == "crossings").Values);
        Assert.Equal(1e6, crossing, 1e-3);
        // The lines are drawn across the crossing: reasoning is cheaper below it, trained-further above.
        Assert.True(requests[0] < 1e6 && requests[^1] > 1e6);
        Assert.True(reasoning[0] < further[0] && reasoning[^1] > further[^1]);
        Assert.Contains("break-even reasoning / trained-further: 1.000e+6 requests", chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_draws_it_for_a_per_request_study_with_alternatives_and_not_without()
    {
        var html = Html(Model());
        Assert.Contains("data-chart=\"tradeoff\"", html, StringComparison.Ordinal);
        Assert.Contains("Trade-off: cumulative footprint against requests served", html, StringComparison.Ordinal);
        // The bundled OLMo 2 example's alternatives differ only in serving, so they share D: one alternative is
        // cheaper at every volume and no lines cross, which the report says.
        var olmo = Html(ExampleResults.Model);
        Assert.Contains("data-chart=\"tradeoff\"", olmo, StringComparison.Ordinal);
        Assert.Contains("no two lines cross", olmo, StringComparison.Ordinal);
        // A single alternative has nothing to trade against.
        var single = ResultsBuilder.From(StudyAssessor.Assess(Study[..Study.IndexOf("alternatives:", StringComparison.Ordinal)], "single.yaml"), null);
        Assert.DoesNotContain("data-chart=\"tradeoff\"", Html(single), StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_crossing_is_the_break_even_of_its_two_designs()
    {
        // The reasoning-vs-training example: 'small-self-consistency' and 'large-one-chain' cross at
        // N* = (3,014,609 − 628,761) ÷ (4.6488e-5 − 4.2663e-5) ≈ 6.24e11 requests (the arithmetic is in
        // tests/Cradle.Acceptance.Tests/ReasoningVsTrainingExampleTests.cs).
        var chart = TradeoffChart.Cumulative(ExampleResults.ReasoningModel, 0)!;
        var crossing = Assert.Single(chart.Series.Single(s => s.Name == "crossings").Values);
        Assert.Equal(6.2377e11, crossing, 0.0005e11);
    }

    [Fact]
    public void An_alternative_that_misses_a_constraint_is_drawn_and_named_so_without_a_break_even()
    {
        // The one-chain 8B model misses GSM8K ≥ 0.88 (0.845), as the Monte Carlo comparison finds; built from the
        // assessment, and from its results JSON read back (the HTML report of `cradle report`).
        var path = Path.Combine(ExampleResults.Root, "examples", "reasoning-vs-training", "study.yaml");
        var assessment = StudyAssessor.Assess(File.ReadAllText(path), "examples/reasoning-vs-training/study.yaml", [], null, new MonteCarloOptions(200, 7, 2));
        var chart = TradeoffChart.Cumulative(ResultsBuilder.From(assessment, null), 0)!;
        Assert.Contains("small-one-chain (misses the quality constraint)", chart.Svg, StringComparison.Ordinal);
        Assert.DoesNotContain("large-one-chain (misses", chart.Svg, StringComparison.Ordinal);
        Assert.Single(chart.Series.Single(s => s.Name == "crossings").Values);
        Assert.Contains("small-one-chain (misses the quality constraint)", TradeoffChart.Cumulative(ExampleResults.ReasoningModel, 0)!.Svg, StringComparison.Ordinal);
    }

    private static string Html(AssessmentResults model)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        HtmlReport.Write(model, writer);
        return writer.ToString();
    }
}
