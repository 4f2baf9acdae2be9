using System.Globalization;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;
using Cradle.Studies.Assessment;

namespace Cradle.Reports.Tests;

/// <summary>
/// The model card says what its number counts: which development stages, whether the hardware's manufacture is in it,
/// and which alternative it describes; a study that leaves training out gives no training figure rather than 0.
/// </summary>
public sealed class ModelCardTests
{
    // Serving only: 0.001 kWh per request on a 0.4 kg/kWh grid, PUE 1.2; training is outside the boundary.
    private const string InferenceOnly = """
        cradle: 1
        name: serving only
        goal: {application: tests, audience: tests}
        functional_unit: {amount: 1 request, description: one request}
        system_boundary:
          included: [inference]
          excluded: {pre-training: trained by someone else}
        impact_categories: [gwp100]
        devices:
          gpu: {power: 700 W}
        hardware:
          box: {device: gpu, lifespan: 4 year}
        grids:
          g: {basis: direct, per_kwh: {gwp100: 0.4 kg CO2e/kWh}}
        sites:
          s: {grid: g, pue: 1.2, wue: 0 L/kWh}
        inference:
          hardware: box
          site: s
          lifetime_requests: 1e6 request
          energy_per_request: 0.001 kWh/request
          device_time_per_request: 1 s/request
        """;

    private static string Card(AssessmentResults model, string? alternative = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ModelCardReport.Write(model, writer, alternative);
        return writer.ToString();
    }

    private static string SourceLine(string card) => card.Split('\n').Single(l => l.StartsWith("  source:", StringComparison.Ordinal));

    [Fact]
    public void An_inference_only_study_gives_no_training_emissions_and_says_why()
    {
        var assessment = StudyAssessor.Assess(InferenceOnly, "serving.yaml");
        var card = Card(ResultsBuilder.From(assessment, null));

        // It used to write "emissions: 0": training was not free, it was outside the boundary.
        Assert.DoesNotContain("emissions:", card, StringComparison.Ordinal);
        Assert.DoesNotContain("co2_eq_emissions", card.Split("## Environmental impact")[0], StringComparison.Ordinal);
        Assert.Contains("experimentation and training were outside this study's system boundary, not zero", card, StringComparison.Ordinal);
    }

    [Fact]
    public void The_source_lists_the_stages_counted_and_whether_manufacture_is_in_it()
    {
        var model = ExampleResults.Model;
        Assert.Equal(["experimentation", "pre-training", "inference", "hardware-manufacture"], model.Included);

        Assert.Contains("; experimentation, pre-training, with the hardware's manufacture share; location-based carbon\"", SourceLine(Card(model)), StringComparison.Ordinal);
        var withoutManufacture = model with { Included = ["pre-training", "inference"] };
        Assert.Contains("; pre-training, without the hardware's manufacture (outside the boundary); location-based carbon\"", SourceLine(Card(withoutManufacture)), StringComparison.Ordinal);
    }

    [Fact]
    public void With_alternatives_the_card_names_the_one_it_describes()
    {
        var model = ExampleResults.Model;

        var first = Card(model);
        Assert.Contains(", alternative 'offline-batching' (reference catalog", SourceLine(first), StringComparison.Ordinal);
        Assert.Contains("These figures are for alternative 'offline-batching'", first, StringComparison.Ordinal);
        Assert.Contains("(one of 3 alternatives in the results: 'offline-batching', 'poisson-8rps', 'poisson-1rps'): All 2,400", first, StringComparison.Ordinal);

        var chosen = Card(model, "poisson-1rps");
        Assert.Contains(", alternative 'poisson-1rps' (reference catalog", SourceLine(chosen), StringComparison.Ordinal);
        // Its per-request table is the chosen alternative's: its total, not the first one's.
        var total = NumberFormat.Format(model.Alternatives[2].Totals[0]);
        Assert.Contains($"| **total** | **{total}**", chosen, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_alternative_is_refused_with_the_list()
    {
        var error = Assert.Throws<ReportException>(() => Card(ExampleResults.Model, "poisson-2rps"));
        Assert.Equal("the results have no alternative 'poisson-2rps'; the alternatives are: offline-batching, poisson-8rps, poisson-1rps.", error.Message);
    }
}
