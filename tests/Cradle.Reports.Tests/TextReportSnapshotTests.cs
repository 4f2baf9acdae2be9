using System.Globalization;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;

namespace Cradle.Reports.Tests;

/// <summary>
/// Markdown, model-card and CSV output of the example, compared with committed snapshots, and identical under a
/// comma-decimal culture (numbers must not change meaning). Regenerate after an intended change with
/// CRADLE_UPDATE_SNAPSHOTS=1 ./test.sh and review the diff.
/// </summary>
public sealed class TextReportSnapshotTests
{
    public static TheoryData<string> Formats => ["md", "model-card", "csv"];

    private static string Render(AssessmentResults model, string format, CultureInfo culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            ReportFormats.Write(model, format, writer);
            return writer.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_matches_the_committed_snapshot(string format)
    {
        var actual = Stable(Render(ExampleResults.Model, format, CultureInfo.InvariantCulture));
        var path = Path.Combine(ExampleResults.Root, "tests", "Cradle.Reports.Tests", "Snapshots", format switch { "md" => "olmo2-7b.md", "csv" => "olmo2-7b.csv", _ => "olmo2-7b.model-card.md" });
        if (Environment.GetEnvironmentVariable("CRADLE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"No snapshot at {path}; run with CRADLE_UPDATE_SNAPSHOTS=1 to create it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>
    /// The output without the bundled catalog's hash, which changes with every catalog edit (ProvenanceTests checks
    /// it); the test tool version ("0.0.0-test") and the study's hash stay: they change only with the example itself.
    /// </summary>
    private static string Stable(string output) =>
        System.Text.RegularExpressions.Regex.Replace(output, "(bundled catalog:?\\*?\\*? [^,]*, SHA-256 )[0-9a-f]{64}", "$1(sha256)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_is_the_same_under_a_comma_decimal_culture(string format) =>
        Assert.Equal(Render(ExampleResults.Model, format, CultureInfo.InvariantCulture), Render(ExampleResults.Model, format, CultureInfo.GetCultureInfo("de-DE")));

    [Fact]
    public void The_model_card_carries_hugging_face_co2_eq_emissions_in_grams()
    {
        var card = Render(ExampleResults.Model, "model-card", CultureInfo.InvariantCulture);
        // Experimentation + training per model: 131,000 kWh × 1.2 × 0.332 × 1.5 + the embodied share = 85,699 kg ⇒ ≈ 8.57e7 g.
        var emissions = double.Parse(card.Split('\n').Single(l => l.StartsWith("  emissions: ", StringComparison.Ordinal))["  emissions: ".Length..], CultureInfo.InvariantCulture);
        Assert.InRange(emissions, 8.56e7, 8.58e7);
        Assert.Contains("  training_type: \"pre-training\"", card, StringComparison.Ordinal);
        Assert.Contains("  hardware_used: \"NVIDIA H100 SXM5 80GB (8 per node)\"", card, StringComparison.Ordinal);
        Assert.Contains("## Environmental impact", card, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_card_explains_a_value_outside_its_interval_only_when_there_is_one()
    {
        // The example's training energy is a measured lower bound (triangular from 1.0 to 1.2 × the value), so the
        // pre-training water draws all lie above the stated value.
        const string Explanation = "A value outside its bracket is not an error";
        var model = ExampleResults.Model;
        Assert.Contains(Explanation, Render(model, "model-card", CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // Put every stated value at its median draw: all inside their intervals, so nothing to explain.
        var a = model.Alternatives[0];
        var u = a.Uncertainty!;
        var centred = a with
        {
            Totals = [.. u.Totals.Select(s => s.Median)],
            Stages = [.. a.Stages.Select(s => s with { Values = [.. u.Stages.First(b => b.Stage == s.Stage).Values.Select(v => v.Median)] })],
        };
        var card = Render(model with { Alternatives = [centred, .. model.Alternatives.Skip(1)] }, "model-card", CultureInfo.InvariantCulture);
        Assert.DoesNotContain(Explanation, card, StringComparison.Ordinal);
        Assert.Contains("Brackets: 95 % interval", card, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_card_without_a_gwp100_result_has_no_co2_eq_emissions_block()
    {
        // Hugging Face's emissions field is grams of CO2 eq; a study assessing only other categories has none to give.
        var model = ExampleResults.Model;
        var a = model.Alternatives[0];
        var renamed = a with { Categories = [.. a.Categories.Select(c => c.Id == "gwp100" ? c with { Id = "gwp20" } : c)] };
        var card = Render(model with { Alternatives = [renamed, .. model.Alternatives.Skip(1)] }, "model-card", CultureInfo.InvariantCulture);
        Assert.DoesNotContain("co2_eq_emissions", card, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", card, StringComparison.Ordinal);
        Assert.StartsWith("## Environmental impact", card, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_has_one_row_per_alternative_stage_and_category_and_totals_add_up()
    {
        var lines = Render(ExampleResults.Model, "csv", CultureInfo.InvariantCulture).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("alternative,stage,category,unit,value,share,mc_mean,mc_p2_5,mc_p97_5", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Where(r => r[0] == "offline-batching" && r[2] == "gwp100").ToList();
        var total = double.Parse(rows.Single(r => r[1] == "total")[4], CultureInfo.InvariantCulture);
        var stages = rows.Where(r => r[1] != "total").Sum(r => double.Parse(r[4], CultureInfo.InvariantCulture));
        Assert.Equal(total, stages, 1e-12 * total);
    }

    [Fact]
    public void Results_that_are_not_cradle_results_are_refused_with_what_was_expected()
    {
        Assert.Contains("not valid JSON", Assert.Throws<ResultsFormatException>(() => ResultsReader.Read("{ nope")).Message, StringComparison.Ordinal);
        Assert.Contains("Expected results of schema 'cradle.assessment/2' or 'cradle.assessment/1' (from 'cradle assess --format json') at $.schema, found 'other/2'.",
            Assert.Throws<ResultsFormatException>(() => ResultsReader.Read("{\"schema\": \"other/2\"}")).Message, StringComparison.Ordinal);
        Assert.Contains("no schema", Assert.Throws<ResultsFormatException>(() => ResultsReader.Read("[1, 2]")).Message, StringComparison.Ordinal);
        Assert.Contains("lack the field $.study ", Assert.Throws<ResultsFormatException>(() => ResultsReader.Read("{\"schema\": \"cradle.assessment/1\"}")).Message, StringComparison.Ordinal);
        const string WrongType = """{"schema": "cradle.assessment/1", "study": {"goal": {}, "functional_unit": {}, "system_boundary": {"included": 3, "excluded": []}}, "alternatives": []}""";
        Assert.Contains("the number 3 at $.study.system_boundary.included, where schema 'cradle.assessment/1' has a list", Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(WrongType)).Message, StringComparison.Ordinal);
    }
}
