using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// Through the command line: a request served by a data-centre fleet and by phones (on-device serving, its own device
/// and grid) shows each fleet in the table and in the JSON, and the JSON reads back with them.
/// </summary>
public sealed class FleetsCommandTests
{
    // Per request on each fleet (gwp100, PUE 1, hardware outside the boundary): the data centre 0.004 kWh × 0.5 kg/kWh
    // = 2e-3 kg; the phones 0.001 kWh × 0.1 kg/kWh = 1e-4 kg. Shares 0.6 and 0.4 of 10⁹ requests (from their counts):
    // contributions 1.2e-3 and 4e-5 kg, 1.24e-3 kg in all (96.8 % and 3.2 %).
    private const string Study = """
        cradle: 1
        name: fleets
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1 request
          description: one answered request
        system_boundary:
          included: [inference]
          excluded:
            hardware-manufacture: serving hardware not known
        impact_categories: [gwp100]
        grids:
          g:
            basis: life-cycle
            per_kwh:
              gwp100: 0.5 kg CO2e/kWh
          home-grid:
            basis: life-cycle
            per_kwh:
              gwp100: 0.1 kg CO2e/kWh
        sites:
          dc:
            grid: g
            pue: 1
            wue: 0 L/kWh
          homes:
            grid: home-grid
            pue: 1
            wue: 0 L/kWh
        inference:
          fleets:
            datacentre:
              site: dc
              energy_per_request: 0.004 kWh/request
              requests: 6e8 request
            phones:
              site: homes
              energy_per_request: 0.001 kWh/request
              requests: 4e8 request
              years: 3 year
        """;

    [Fact]
    public async Task The_table_and_the_json_show_each_fleet()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("fleets.yaml", Study);

        var table = await CliRunner.InProcessAsync("assess", study);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Serving fleets", table.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n  datacentre \(60\.0 %\) +\S+ · \S+ \(96\.8 %\)\n  phones \(40\.0 %\) +\S+ · \S+ \(3\.2 %\)\n", table.Output);
        Assert.Matches(@"  inference@phones \(inference\) +\S+", table.Output);

        var json = await CliRunner.InProcessAsync("assess", study, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        var fleets = document.RootElement.GetProperty("alternatives")[0].GetProperty("fleets").EnumerateArray()
            .Select(f => (Id: f.GetProperty("id").GetString(), Share: f.GetProperty("share").GetDouble(),
                PerRequest: f.GetProperty("per_request").GetProperty("gwp100").GetDouble(), Value: f.GetProperty("values").GetProperty("gwp100").GetDouble()))
            .ToList();
        Assert.Equal(["datacentre", "phones"], fleets.Select(f => f.Id));
        Assert.Equal([0.6, 0.4], fleets.Select(f => Math.Round(f.Share, 12)));
        Assert.Equal([2e-3, 1e-4], fleets.Select(f => Math.Round(f.PerRequest, 15)));
        Assert.Equal([1.2e-3, 4e-5], fleets.Select(f => Math.Round(f.Value, 15)));

        var results = temp.Write("fleets.json", json.Output);
        var read = Cradle.Results.Json.ResultsReader.Read(File.ReadAllText(results));
        Assert.Equal(2, read.Alternatives[0].Fleets.Count);
        Assert.Equal(1e-4, read.Alternatives[0].Fleets[1].PerRequest[0], 15);
        var markdown = await CliRunner.InProcessAsync("report", results, "--format", "md");
        Assert.Equal(0, markdown.ExitCode);
        Assert.Matches(@"\| phones \| 40\.0 % \| \S+ \| \S+ \| 3\.2 % \|", markdown.Output);
        var html = await CliRunner.InProcessAsync("report", results, "--format", "html");
        Assert.Equal(0, html.ExitCode);
        Assert.Contains("<h3>Serving fleets — Results</h3>", html.Output, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\">96.8 %</td>", html.Output, StringComparison.Ordinal);
    }
}
