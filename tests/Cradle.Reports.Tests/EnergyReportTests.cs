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
}
