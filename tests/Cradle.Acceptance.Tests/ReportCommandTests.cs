namespace Cradle.Acceptance.Tests;

/// <summary>`cradle report` and `cradle assess --report` as a user runs them.</summary>
public sealed class ReportCommandTests
{
    private static string Temp(string extension) => Path.Combine(Path.GetTempPath(), $"cradle-{Guid.NewGuid():N}{extension}");

    [Fact]
    public async Task Assess_writes_an_html_report_with_charts_in_one_step()
    {
        var html = Temp(".html");
        try
        {
            var run = await CliRunner.InProcessAsync("assess", Repository.Example, "--mc", "2000", "--report", html);
            Assert.True(run.ExitCode == 0, run.Error);
            var text = await File.ReadAllTextAsync(html);
            Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
            foreach (var chart in new[] { "stage-shares", "amortisation", "distribution", "tornado", "comparison" })
            {
                Assert.Contains($"data-chart=\"{chart}\"", text, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("http://", text.Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.Ordinal); // nothing fetched at view time
            Assert.Contains("Table 2", text, StringComparison.Ordinal); // the provenance of inputs travels into the report
        }
        finally
        {
            File.Delete(html);
        }
    }

    [Fact]
    public async Task The_model_card_describes_the_alternative_asked_for_and_no_other_format_takes_one()
    {
        var json = Temp(".json");
        try
        {
            Assert.Equal(0, (await CliRunner.InProcessAsync("assess", Repository.Example, "--format", "json", "--output", json)).ExitCode);

            var card = await CliRunner.InProcessAsync("report", json, "--format", "model-card", "--alternative", "poisson-8rps");
            Assert.True(card.ExitCode == 0, card.Error);
            Assert.Contains("These figures are for alternative 'poisson-8rps'", card.Output, StringComparison.Ordinal);

            var unknown = await CliRunner.InProcessAsync("report", json, "--format", "model-card", "--alternative", "poisson-2rps");
            Assert.Equal(1, unknown.ExitCode);
            Assert.Contains("the results have no alternative 'poisson-2rps'; the alternatives are: offline-batching, poisson-8rps, poisson-1rps.", unknown.Error, StringComparison.Ordinal);

            // HTML shows every alternative: an --alternative there would be silently ignored, so it is refused.
            var html = await CliRunner.InProcessAsync("report", json, "--format", "html", "--alternative", "poisson-8rps");
            Assert.Equal(1, html.ExitCode);
            Assert.Contains("--alternative chooses what the model card describes", html.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Theory]
    [InlineData("md", "## Goal and scope")]
    [InlineData("model-card", "co2_eq_emissions:")]
    [InlineData("csv", "alternative,stage,category,unit,value,share")]
    public async Task Report_turns_saved_results_into_each_format(string format, string expected)
    {
        var json = Temp(".json");
        try
        {
            Assert.Equal(0, (await CliRunner.InProcessAsync("assess", Repository.Example, "--format", "json", "--output", json)).ExitCode);
            var run = await CliRunner.InProcessAsync("report", json, "--format", format);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task Report_refuses_a_file_that_is_not_cradle_results()
    {
        var json = Temp(".json");
        await File.WriteAllTextAsync(json, "{\"schema\": \"something/else\"}");
        try
        {
            var run = await CliRunner.InProcessAsync("report", json);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Expected results of schema 'cradle.assessment/2' or 'cradle.assessment/1'", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task A_report_file_without_a_known_extension_is_refused_before_any_work()
    {
        var run = await CliRunner.InProcessAsync("assess", Repository.Example, "--report", Temp(".pdf"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(".html, .md, .model-card.md or .csv", run.Error, StringComparison.Ordinal);
    }
}
