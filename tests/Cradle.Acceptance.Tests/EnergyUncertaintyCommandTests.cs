using System.Globalization;
using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// Through the command line: with <c>--mc</c>, the energy rows get their Monte Carlo mean and 95 % interval, in the
/// table and in the JSON, from the same draws as the categories.
/// </summary>
public sealed class EnergyUncertaintyCommandTests
{
    // Serving energy triangular, minimum and mode 0.002, maximum 0.0026 kWh/request; 1,000 requests per functional unit.
    private const string Study = """
        cradle: 1
        name: uncertain serving energy
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1000 request
          description: one thousand answered requests
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
        sites:
          s:
            grid: g
            pue: 1.5
        inference:
          site: s
          lifetime_requests: 1e9 request
          energy_per_request:
            value: 0.002 kWh/request
            uncertainty: {distribution: triangular, min: 0.002 kWh/request, max: 0.0026 kWh/request}
        """;

    [Fact]
    public async Task The_energy_rows_have_the_triangle_mean_times_pue_in_table_and_json()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("study.yaml", Study);

        var table = await CliRunner.InProcessAsync("assess", study, "--mc", "20000");
        Assert.Equal(0, table.ExitCode);
        // Under the inference row: IT mean 1,000 × (0.002 + 0.002 + 0.0026) ÷ 3 = 2.2 kWh, grid 2.2 × 1.5 = 3.3 kWh.
        Assert.Matches(@"  inference +2\.000 +3\.000 +3\.000\n    Monte Carlo \(mean, 95 %\) +2\.(199|200|201) \[", table.Output.ReplaceLineEndings("\n"));

        var json = await CliRunner.InProcessAsync("assess", study, "--mc", "20000", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        var energy = document.RootElement.GetProperty("alternatives")[0].GetProperty("energy");
        var grid = energy.GetProperty("uncertainty").GetProperty("grid_electricity");
        // Mean 3.3 kWh within 0.3 % (the SE of 20,000 draws is 0.05 %); p97.5 = 1,000 × (0.0026 − 0.0006 × √0.025) × 1.5
        // = 2.50513 × 1.5 = 3.7577 kWh.
        Assert.Equal(3.3, grid.GetProperty("mean").GetDouble(), 3.3 * 0.003);
        Assert.Equal(3.7577, grid.GetProperty("p97_5").GetDouble(), 3.7577 * 0.003);
        // The inference row's gwp100 is its grid electricity × 0.5 kg/kWh in every draw.
        var gwp = document.RootElement.GetProperty("alternatives")[0].GetProperty("uncertainty").GetProperty("totals").GetProperty("gwp100");
        Assert.Equal(gwp.GetProperty("mean").GetDouble(), grid.GetProperty("mean").GetDouble() * 0.5, 1e-12);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{energy.GetProperty("scopes")[0].GetProperty("uncertainty").GetProperty("it_energy").GetProperty("mean").GetDouble():R}"),
            string.Create(CultureInfo.InvariantCulture, $"{energy.GetProperty("uncertainty").GetProperty("it_energy").GetProperty("mean").GetDouble():R}"));
    }
}
