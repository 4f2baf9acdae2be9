namespace Cradle.Acceptance.Tests;

/// <summary>
/// Through the command line: a consequential study stops at the goal's approach line (exit 1, no numbers printed),
/// and TRACI 2.1 categories Cradle does not cover are said in the text and listed in the JSON, never as zeros.
/// </summary>
public sealed class CatalogReachCommandTests
{
    [Fact]
    public async Task A_consequential_study_stops_at_the_approach_line_and_prints_no_results()
    {
        using var temp = new TempDirectory();
        var text = (await File.ReadAllTextAsync(Repository.Example)).Replace("approach: attributional", "approach: consequential", StringComparison.Ordinal);
        var study = temp.Write("consequential.yaml", text);
        var run = await CliRunner.InProcessAsync("assess", study);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{study}:18:13: error [consequential-unsupported] goal.approach: consequential modelling needs marginal grid factors", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Per functional unit", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Traci_categories_not_covered_are_listed_in_text_and_json()
    {
        using var temp = new TempDirectory();
        var text = (await File.ReadAllTextAsync(Repository.Example))
            .Replace("impact_categories: [gwp100, water]", "impact_categories: [gwp100, water, acidification]", StringComparison.Ordinal)
            .Replace("    basis: direct\n", "    basis: direct\n    emissions:\n      so2: 0.2 g/kWh\n", StringComparison.Ordinal);
        var study = temp.Write("traci.yaml", text);

        var table = await CliRunner.InProcessAsync("assess", study);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("not covered (traci-2.1, not assessed, not zero): Global warming (TRACI 2.1, kg CO2 eq); Human health, cancer", table.Output, StringComparison.Ordinal);

        var json = await CliRunner.InProcessAsync("assess", study, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        var notCovered = document.RootElement.GetProperty("alternatives")[0].GetProperty("not_covered_categories");
        Assert.Equal(5, notCovered.GetArrayLength());
        Assert.Equal("ecotoxicity", notCovered[3].GetProperty("id").GetString());
        Assert.Equal("traci-2.1", notCovered[3].GetProperty("method").GetString());
        var totals = document.RootElement.GetProperty("alternatives")[0].GetProperty("totals");
        Assert.False(totals.TryGetProperty("ecotoxicity", out _));
        Assert.True(totals.GetProperty("acidification").GetDouble() > 0);
    }
}
