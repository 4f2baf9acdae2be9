using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// A study linked to a background database, end to end through the command line: the OLMo example exported to
/// openLCA, kept with <c>cradle import openlca-jsonld … -o</c>, and a second study whose grid takes its factors from
/// the export's grid-electricity process; and the USDA beef product system (tests/data/openlca-jsonld) as a stage's
/// footprint. The background is solved once and held fixed across Monte Carlo draws.
/// </summary>
public sealed class BackgroundLinkCommandTests
{
    private const string Study = """
        cradle: 1
        name: Linked grid
        goal:
          application: check links to a background database
          audience: Cradle's tests
        functional_unit:
          amount: 1 model
          description: one model
        system_boundary:
          included: [experimentation]
          excluded:
            inference: not served
        impact_categories: [gwp100, water]
        background:
          olmo:
            file: olmo-kept.zip
        grids:
          austin:
            basis: direct
            per_kwh:
              from_background: olmo
              process: "inference: grid electricity, Austin Energy (Texas) (offline-batching)"
        LINK_UNCERTAINTY
        sites:
          dc:
            grid: austin
            pue: 1.0
            wue: 0 L/kWh
        stages:
          experimentation:
            site: dc
            energy: {value: 1000 kWh, boundary: facility, uncertainty: {distribution: normal, sd: 100 kWh}}
        """;

    private static async Task<string> KeptOlmoExportAsync(TempDirectory temp)
    {
        var export = await CliRunner.InProcessAsync("export", Path.Combine(Repository.Root, "examples", "olmo2-7b", "study.yaml"),
            "--format", "openlca-jsonld", "-o", temp.File("olmo.zip"));
        Assert.True(export.ExitCode == 0, export.Error);
        var kept = await CliRunner.InProcessAsync("import", "openlca-jsonld", temp.File("olmo.zip"), "--name", "OLMo 2 7B export", "--version", "1", "-o", temp.File("olmo-kept.zip"));
        Assert.True(kept.ExitCode == 0, kept.Error);
        return temp.File("olmo-kept.zip");
    }

    [Fact]
    public async Task A_grid_linked_to_a_kept_export_gets_its_factors_with_provenance()
    {
        using var temp = new TempDirectory();
        await KeptOlmoExportAsync(temp);
        var study = temp.Write("study.yaml", Study.Replace("LINK_UNCERTAINTY\n", "", StringComparison.Ordinal));

        var run = await CliRunner.InProcessAsync("assess", study, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var alternative = json.RootElement.GetProperty("alternatives")[0];
        // 1,000 kWh × 0.332 kg CO2e/kWh and × 1.49 L/kWh (Austin Energy; Morrison 2025's serving water factor).
        Assert.Equal(332, alternative.GetProperty("totals").GetProperty("gwp100").GetDouble(), 9);
        Assert.Equal(1490, alternative.GetProperty("totals").GetProperty("water").GetDouble(), 9);
        var factor = alternative.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "grids.austin.per_kwh.gwp100");
        Assert.Equal("modelled", factor.GetProperty("provenance").GetString());
        Assert.StartsWith("background database 'OLMo 2 7B export' version 1 (package SHA-256 ", factor.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Contains("3.6 MJ × 0.0922222 kg CO2 eq per MJ", factor.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monte_Carlo_draws_the_foreground_and_holds_the_background_fixed()
    {
        using var temp = new TempDirectory();
        await KeptOlmoExportAsync(temp);
        var fixedStudy = temp.Write("fixed.yaml", Study.Replace("LINK_UNCERTAINTY\n", "", StringComparison.Ordinal));
        var drawn = temp.Write("drawn.yaml", Study.Replace("LINK_UNCERTAINTY", "      uncertainty: {distribution: lognormal, gsd: 1.2}", StringComparison.Ordinal));

        static async Task<JsonElement> TotalsAsync(string study)
        {
            var run = await CliRunner.InProcessAsync("assess", study, "--mc", "300", "--seed", "11", "--format", "json");
            Assert.True(run.ExitCode == 0, run.Error);
            return JsonDocument.Parse(run.Output).RootElement.GetProperty("alternatives")[0].GetProperty("uncertainty").GetProperty("totals").Clone();
        }

        // Fixed background: every draw is the drawn energy × 0.332 kg/kWh and × 1.49 L/kWh, so each statistic of the
        // two categories stands in the ratio 0.332 : 1.49, and the run repeats exactly with the same seed.
        var once = await TotalsAsync(fixedStudy);
        foreach (var statistic in new[] { "mean", "p5", "median", "p95" })
        {
            Assert.Equal(0.332 / 1.49, once.GetProperty("gwp100").GetProperty(statistic).GetDouble() / once.GetProperty("water").GetProperty(statistic).GetDouble(), 12);
        }
        Assert.Equal(once.GetRawText(), (await TotalsAsync(fixedStudy)).GetRawText());

        // Uncertainty put on the link draws each of its figures: the ratio no longer holds draw by draw.
        var withLink = await TotalsAsync(drawn);
        Assert.NotEqual(0.332 / 1.49, withLink.GetProperty("gwp100").GetProperty("p95").GetDouble() / withLink.GetProperty("water").GetProperty("p95").GetDouble(), 6);
        Assert.True(withLink.GetProperty("gwp100").GetProperty("sd").GetDouble() > once.GetProperty("gwp100").GetProperty("sd").GetDouble());
    }

    // Hand-computed in tests/Cradle.Interchange.Tests/Reading/BackgroundInventoryTests.cs: 32,747,804.18975 kg CO2 eq
    // for the system's 2,914,841.44 kg live weight; 100 kg of it is 1,123.4797… kg CO2 eq.
    [Fact]
    public async Task The_beef_product_system_as_a_stage_footprint_gives_the_hand_computed_GWP100()
    {
        using var temp = new TempDirectory();
        var kept = await CliRunner.InProcessAsync("import", "openlca-jsonld", Path.Combine(Repository.Root, "tests", "data", "openlca-jsonld", "bw2io_beef-cattle-finishing"),
            "--name", "USDA LCA Commons beef cattle finishing", "--version", "2018-07-31", "-o", temp.File("beef.zip"));
        Assert.True(kept.ExitCode == 0, kept.Error);
        var header = Study[..Study.IndexOf("background:", StringComparison.Ordinal)].Replace("[gwp100, water]", "[gwp100]", StringComparison.Ordinal);
        var study = temp.Write("study.yaml", header + """
            background:
              beef:
                file: beef.zip
            stages:
              experimentation:
                footprint:
                  from_background: beef
                  product_system: "beef cattle finishing; CCF operation; at auction; LW"
                  amount: 100 kg
            """);

        var run = await CliRunner.InProcessAsync("assess", study, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(32_747_804.18975 / 2_914_841.44 * 100, json.RootElement.GetProperty("alternatives")[0].GetProperty("totals").GetProperty("gwp100").GetDouble(), 9);
    }
}
