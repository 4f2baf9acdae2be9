namespace Cradle.Acceptance.Tests;

/// <summary>
/// Through the command line: a stage known only from a declared footprint is amortised like any other, and the
/// categories it does not declare are listed as not covered for that stage, in the table and the JSON, never as zero.
/// </summary>
public sealed class DeclaredFootprintCommandTests
{
    private const string Study = """
        cradle: 1
        name: declared pre-training
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1000 request
          description: one thousand answered requests
        system_boundary:
          included: [pre-training, inference]
          excluded:
            hardware-manufacture: serving hardware not known
        impact_categories: [gwp100, water]
        grids:
          g:
            basis: life-cycle
            per_kwh:
              gwp100: 0.5 kg CO2e/kWh
              water: 2 L/kWh
        sites:
          s:
            grid: g
            pue: 1.5
            wue: 0.25 L/kWh
        stages:
          pre-training:
            footprint:
              gwp100: {value: 420 t CO2e, source: the developer's model card, basis: location-based}
        inference:
          site: s
          lifetime_requests: 1e9 request
          energy_per_request: 0.002 kWh/request
        """;

    [Fact]
    public async Task A_declared_stage_is_amortised_and_its_missing_water_is_not_covered_for_that_stage()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("declared.yaml", Study);

        var table = await CliRunner.InProcessAsync("assess", study);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Water consumption for stage pre-training", table.Output, StringComparison.Ordinal);
        // The stage row says it instead of a zero: 0.42 kg CO2e (21.9 % of 1.92), water not covered.
        Assert.Matches(@"\* pre-training +0\.4200 \(21\.9 %\) +not covered", table.Output);
        Assert.Contains("missing-indicator-data", table.Error + table.Output, StringComparison.Ordinal);
        // Development water is a gap, so Equation (1) says so instead of 0 and of a break-even of "never".
        Assert.Matches(@"\+ amortised experimentation\+training +0\.4200 +not covered", table.Output);
        Assert.Matches(@"break-even lifetime \(requests\) +2\.800e\+8 +not covered", table.Output);

        var json = await CliRunner.InProcessAsync("assess", study, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        var alternative = document.RootElement.GetProperty("alternatives")[0];
        var gap = alternative.GetProperty("not_covered_categories")[0];
        Assert.Equal(("water", "pre-training"), (gap.GetProperty("id").GetString(), gap.GetProperty("stage").GetString()));
        // 420,000 kg CO2e × 1,000 ÷ 1e9 requests = 0.42 kg; serving 1,000 × 0.002 kWh × 1.5 × 0.5 kg/kWh = 1.5 kg.
        Assert.Equal(1.92, alternative.GetProperty("totals").GetProperty("gwp100").GetDouble(), 12);

        var results = temp.Write("declared.json", json.Output);
        var markdown = await CliRunner.InProcessAsync("report", results, "--format", "md");
        Assert.Equal(0, markdown.ExitCode);
        Assert.Contains("Water consumption for stage pre-training", markdown.Output, StringComparison.Ordinal);
        Assert.Matches(@"\| \*\*pre-training\*\* \| 0\.4200 \| 21\.9 % \| not covered \| – \|", markdown.Output);
        var html = await CliRunner.InProcessAsync("report", results, "--format", "html");
        Assert.Equal(0, html.ExitCode);
        Assert.Contains("<td class=\"n\">not covered</td><td class=\"n\">–</td>", html.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Equation_one_monte_carlo_csv_model_card_and_break_even_say_not_covered_where_development_gives_no_water()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("declared.yaml", Study);

        // Development water: the declared pre-training gives none, so it is 0 in the system; every place that would
        // print that 0 (or a break-even of "never", since D = 0 ⇒ N* = 0 ÷ i) prints "not covered" instead.
        // gwp100 for comparison: D = 420,000 kg; i = 0.002 kWh × 1.5 × 0.5 kg/kWh = 0.0015 kg/request ⇒ N* = 2.8e8.
        var table = await CliRunner.InProcessAsync("assess", study, "--mc", "200");
        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"pre-training \(mean, 95 %\) +0\.4200 \[0\.4200–0\.4200\] +not covered", table.Output);
        Assert.Matches(@"experimentation\+training, whole +420,000 +not covered", table.Output);

        var json = await CliRunner.InProcessAsync("assess", study, "--mc", "200", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        var results = temp.Write("declared.json", json.Output);

        var markdown = await CliRunner.InProcessAsync("report", results, "--format", "md");
        Assert.Contains("| amortised experimentation + training | 0.4200 | not covered |", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("| experimentation + training, whole | 420,000 | not covered |", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("| break-even lifetime (requests) | 2.800e+8 | not covered |", markdown.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("never", markdown.Output, StringComparison.Ordinal);

        var html = await CliRunner.InProcessAsync("report", results, "--format", "html");
        Assert.Contains("<tr><td>break-even lifetime (requests)</td><td class=\"n\">2.800e+8</td><td class=\"n\">not covered</td></tr>", html.Output, StringComparison.Ordinal);
        Assert.Contains("<tr><td>experimentation + training, whole</td><td class=\"n\">420,000</td><td class=\"n\">not covered</td></tr>", html.Output, StringComparison.Ordinal);

        var card = await CliRunner.InProcessAsync("report", results, "--format", "model-card");
        Assert.Contains("| pre-training | 0.4200 [0.4200, 0.4200] | not covered |", card.Output, StringComparison.Ordinal);
        Assert.Contains("after 2.800e+8 requests (gwp100), not covered (water).", card.Output, StringComparison.Ordinal);
        Assert.Contains("420,000 kg CO2 eq, not covered (water).", card.Output, StringComparison.Ordinal);

        var csv = await CliRunner.InProcessAsync("report", results, "--format", "csv");
        Assert.Contains("Results,pre-training,water,L,not covered,,,,", csv.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Results,pre-training,water,L,0,", csv.Output, StringComparison.Ordinal);

        var breakEven = await CliRunner.InProcessAsync("breakeven", study);
        Assert.Equal(0, breakEven.ExitCode);
        Assert.Contains("water: not covered (a declared stage does not give it)", breakEven.Output, StringComparison.Ordinal);
        Assert.Contains("gwp100: 2.800e+8 requests", breakEven.Output, StringComparison.Ordinal);
    }
}
