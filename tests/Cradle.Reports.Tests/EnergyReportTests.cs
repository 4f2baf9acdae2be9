using System.Text.Json.Nodes;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Reports.Rendering;

namespace Cradle.Reports.Tests;

/// <summary>The energy drawn per functional unit is read from the results and shown in every report format.</summary>
public sealed class EnergyReportTests
{
    // One scope: 0.5 kWh IT, × PUE 1.2 = 0.6 kWh facility = grid.
    private static string WithEnergy(string unit = "kWh")
    {
        var results = JsonNode.Parse(ExampleResults.Json)!;
        foreach (var alternative in results["alternatives"]!.AsArray())
        {
            alternative!["energy"] = new JsonObject
            {
                ["unit"] = unit, ["it_energy"] = 0.5, ["facility_energy"] = 0.6, ["grid_electricity"] = 0.6,
                ["scopes"] = new JsonArray(new JsonObject
                {
                    ["scope"] = "serve", ["stage"] = "inference", ["it_energy"] = 0.5, ["facility_energy"] = 0.6, ["grid_electricity"] = 0.6,
                    ["energy_boundary"] = "node", ["pue_applied"] = true, ["node_power_added"] = false, ["convention"] = "node energy, PUE applied",
                }),
            };
        }
        return results.ToJsonString();
    }

    [Fact]
    public void Markdown_html_and_csv_show_the_energy_rows_with_their_convention()
    {
        var model = ResultsReader.Read(WithEnergy());
        var energy = model.Alternatives[0].Energy!;
        Assert.Equal((0.5, 0.6, 0.6), (energy.ItEnergy, energy.FacilityEnergy, energy.GridElectricity));
        using var markdown = new StringWriter();
        MarkdownReport.Write(model, markdown);
        Assert.Contains("| serve (inference) | 0.5000 | 0.6000 | 0.6000 | node energy, PUE applied |", markdown.ToString(), StringComparison.Ordinal);
        Assert.Contains("| total | 0.5000 | 0.6000 | 0.6000 |  |", markdown.ToString(), StringComparison.Ordinal);
        using var html = new StringWriter();
        HtmlReport.Write(model, html);
        Assert.Contains("<tr><td>serve (inference)</td><td class=\"n\">0.5000</td><td class=\"n\">0.6000</td><td class=\"n\">0.6000</td><td>node energy, PUE applied</td></tr>",
            html.ToString(), StringComparison.Ordinal);
        using var csv = new StringWriter();
        CsvReport.Write(model, csv);
        var title = model.Alternatives[0].Title;
        Assert.Contains($"{title},serve (inference),it_energy,kWh,0.5,,,,", csv.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{title},total,grid_electricity,kWh,0.6,,,,", csv.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Results_without_energy_read_as_none_and_show_no_energy_table()
    {
        var results = JsonNode.Parse(ExampleResults.Json)!;
        foreach (var alternative in results["alternatives"]!.AsArray())
        {
            alternative!.AsObject().Remove("energy");
        }
        var model = ResultsReader.Read(results.ToJsonString());
        Assert.All(model.Alternatives, a => Assert.Null(a.Energy));
        using var markdown = new StringWriter();
        MarkdownReport.Write(model, markdown);
        Assert.DoesNotContain("Energy drawn", markdown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Energy_in_another_unit_is_refused()
    {
        var error = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(WithEnergy("MWh")));
        Assert.Contains("unit", error.Message, StringComparison.Ordinal);
    }
    [Fact]
    public void With_monte_carlo_the_energy_cells_give_the_mean_and_95_percent_interval()
    {
        // The serve scope's grid electricity: value 0.6, draws with mean 0.62, p2.5 0.55 and p97.5 0.71 kWh.
        var results = JsonNode.Parse(WithEnergy())!;
        JsonObject Stats(double mean, double low, double high) => new()
        {
            ["mean"] = mean, ["sd"] = 0.05, ["median"] = mean, ["p2_5"] = low, ["p5"] = low, ["p95"] = high, ["p97_5"] = high,
        };
        JsonObject Band() => new() { ["it_energy"] = Stats(0.52, 0.46, 0.6), ["facility_energy"] = Stats(0.62, 0.55, 0.71), ["grid_electricity"] = Stats(0.62, 0.55, 0.71) };
        foreach (var alternative in results["alternatives"]!.AsArray())
        {
            alternative!["energy"]!["uncertainty"] = Band();
            alternative["energy"]!["scopes"]![0]!["uncertainty"] = Band();
        }
        var model = ResultsReader.Read(results.ToJsonString());
        Assert.Equal(0.62, model.Alternatives[0].Energy!.Scopes[0].Uncertainty!.GridElectricity.Mean);
        using var markdown = new StringWriter();
        MarkdownReport.Write(model, markdown);
        Assert.Contains("| serve (inference) | 0.5000 (mean 0.5200 [0.4600, 0.6000]) | 0.6000 (mean 0.6200 [0.5500, 0.7100]) | 0.6000 (mean 0.6200 [0.5500, 0.7100]) | node energy, PUE applied |",
            markdown.ToString(), StringComparison.Ordinal);
        Assert.Contains("In brackets: the mean and the 95 % interval (2.5–97.5 %) over 4,000 Monte Carlo draws", markdown.ToString(), StringComparison.Ordinal);
        using var html = new StringWriter();
        HtmlReport.Write(model, html);
        Assert.Contains("<td class=\"n\">0.6000 (mean 0.6200 [0.5500, 0.7100])</td>", html.ToString(), StringComparison.Ordinal);
        using var csv = new StringWriter();
        CsvReport.Write(model, csv);
        Assert.Contains(",serve (inference),grid_electricity,kWh,0.6,,0.62,0.55,0.71", csv.ToString(), StringComparison.Ordinal);
    }
}
