using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// `cradle tradeoff` and `compare --accept-unmet-constraints` through the command line, on a small study whose
/// figures are derived by hand: PUE 1.5 × 0.5 kg CO2e/kWh = 0.75 kg per kWh, no embodied impacts.
/// </summary>
public sealed class TradeoffCommandTests
{
    // trained-further: D = 3,000 kWh × 0.75 = 2,250 kg, i = 0.001 × 0.75 = 0.00075 kg/request;
    // reasoning: D = 1,000 × 0.75 = 750 kg, i = 0.004 × 0.75 = 0.003 kg/request; small misses GSM8K ≥ 0.7.
    internal const string Study = """
        cradle: 1
        name: think longer or train more
        goal: {application: tests, audience: tests}
        functional_unit:
          amount: 1 request
          description: one answered maths question
          quality: {benchmark: GSM8K, metric: accuracy, min: 0.7}
          latency: {percentile: 95, max: 2 s}
        system_boundary:
          included: [pre-training, inference]
          excluded: {hardware-manufacture: not needed for the arithmetic}
        impact_categories: [gwp100]
        parameters:
          train_energy: 1000 kWh
          request_energy: 0.002 kWh/request
        devices:
          gpu: {power: 400 W}
        hardware:
          fleet: {device: gpu, lifespan: 2 year}
        grids:
          g: {basis: life-cycle, per_kwh: {gwp100: 0.5 kg CO2e/kWh}}
        sites:
          s: {grid: g, pue: 1.5}
        stages:
          pre-training: {hardware: fleet, site: s, energy: train_energy, device_time: 2000 h}
        inference:
          hardware: fleet
          site: s
          lifetime_requests: 1e6 request
          energy_per_request: request_energy
          device_time_per_request: 1 s/request
        alternatives:
          trained-further:
            parameters: {train_energy: 3000 kWh, request_energy: 0.001 kWh/request}
            delivers:
              quality: {benchmark: GSM8K, metric: accuracy, value: 0.74, source: eval run 12}
              latency: {percentile: 95, value: 1.2 s, source: load test 3}
          reasoning:
            parameters: {train_energy: 1000 kWh, request_energy: 0.004 kWh/request}
            delivers:
              quality: {benchmark: GSM8K, metric: accuracy, value: 0.78, source: eval run 13}
              latency: {percentile: 95, value: 1.9 s, source: load test 4}
          small:
            parameters: {train_energy: 500 kWh}
            delivers:
              quality: {benchmark: GSM8K, metric: accuracy, value: 0.61, source: eval run 15}
              latency: {percentile: 95, value: 0.8 s, source: load test 6}
        """;

    [Fact]
    public async Task Tradeoff_prints_the_break_even_and_the_requests_a_budget_serves()
    {
        using var directory = new TempDirectory();
        var study = directory.Write("tradeoff.yaml", Study);
        var table = await CliRunner.InProcessAsync("tradeoff", study, "--between", "trained-further,reasoning", "--budget", "3000 kg CO2e");
        Assert.True(table.ExitCode == 0, table.Error);
        // N* = (2,250 − 750) ÷ (0.003 − 0.00075) = 666,666.67; budget: (3,000 − 2,250) ÷ 0.00075 = 10⁶, (3,000 − 750) ÷ 0.003 = 750,000.
        Assert.Contains("gwp100: 'trained-further' repays its extra training against 'reasoning' after 666,667 requests", table.Output, StringComparison.Ordinal);
        Assert.Contains("trained-further (gwp100): 1.000e+6 requests", table.Output, StringComparison.Ordinal);
        Assert.Contains("reasoning (gwp100): 750,000 requests", table.Output, StringComparison.Ordinal);

        var other = await CliRunner.InProcessAsync("tradeoff", study, "--between", "reasoning,trained-further");
        Assert.Contains("gwp100: beyond 666,667 requests 'reasoning' costs more than 'trained-further'", other.Output, StringComparison.Ordinal);

        var json = await CliRunner.InProcessAsync("tradeoff", study, "--between", "trained-further,reasoning", "--budget", "3000 kg CO2e",
            "--format", "json", "--mc", "200", "--seed", "4");
        Assert.True(json.ExitCode == 0, json.Error);
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal("cradle.tradeoff/1", root.GetProperty("schema").GetString());
        var breakEven = root.GetProperty("break_even").GetProperty("gwp100");
        Assert.Equal("a-repays", breakEven.GetProperty("outcome").GetString());
        Assert.Equal(1500 / 0.00225, breakEven.GetProperty("requests").GetDouble(), 3);
        Assert.Equal(200, breakEven.GetProperty("draws_by_outcome").GetProperty("a-repays").GetInt32());
        var served = root.GetProperty("budget").GetProperty("requests_served").GetProperty("reasoning").GetProperty("gwp100");
        Assert.Equal(750_000, served.GetProperty("requests").GetDouble(), 3);
    }

    [Fact]
    public async Task Tradeoff_refuses_an_unknown_alternative_naming_the_closest()
    {
        using var directory = new TempDirectory();
        var run = await CliRunner.InProcessAsync("tradeoff", directory.Write("tradeoff.yaml", Study), "--between", "trained-furthr,reasoning");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[unknown-alternative]", run.Error, StringComparison.Ordinal);
        Assert.Contains("closest: trained-further", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tradeoff_needs_two_ids_and_a_budget_in_a_unit_of_the_study()
    {
        using var directory = new TempDirectory();
        var study = directory.Write("tradeoff.yaml", Study);
        var one = await CliRunner.InProcessAsync("tradeoff", study, "--between", "reasoning");
        Assert.NotEqual(0, one.ExitCode);
        Assert.Contains("--between expects two alternative ids separated by a comma", one.Error, StringComparison.Ordinal);
        var budget = await CliRunner.InProcessAsync("tradeoff", study, "--between", "trained-further,reasoning", "--budget", "5 L");
        Assert.Equal(1, budget.ExitCode);
        Assert.Contains("[budget-unit]", budget.Error, StringComparison.Ordinal);
        Assert.Contains("gwp100 (kg CO2 eq)", budget.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_refuses_an_alternative_that_misses_the_quality_minimum_and_marks_it_when_accepted()
    {
        using var directory = new TempDirectory();
        var study = directory.Write("tradeoff.yaml", Study);
        var refused = await CliRunner.InProcessAsync("compare", study, "--mc", "0");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("[constraint-unmet]", refused.Error, StringComparison.Ordinal);
        Assert.Contains("alternative 'small': GSM8K accuracy 0.61 < functional unit minimum 0.7 (source: eval run 15)", refused.Error, StringComparison.Ordinal);

        const string Reason = "to show what the missing quality saves";
        var table = await CliRunner.InProcessAsync("compare", study, "--mc", "0", "--accept-unmet-constraints", Reason);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("[UNMET] alternative 'small': GSM8K accuracy 0.61 < functional unit minimum 0.7", table.Output, StringComparison.Ordinal);
        Assert.Contains("compared anyway because: " + Reason, table.Output, StringComparison.Ordinal);
        Assert.Contains("Secondary view, not a comparison on the functional unit: impact per unit of quality", table.Output, StringComparison.Ordinal);

        var json = await CliRunner.InProcessAsync("compare", study, "--mc", "0", "--format", "json", "--accept-unmet-constraints", Reason);
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(Reason, root.GetProperty("unmet_constraints").GetProperty("reason").GetString());
        var small = root.GetProperty("service").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "small");
        Assert.Equal("unmet", small.GetProperty("constraints")[0].GetProperty("status").GetString());
        // reasoning: 750 ÷ 10⁶ + 0.003 = 0.00375 kg per request; ÷ 0.78 = 0.00480769 kg per accuracy point.
        var reasoning = root.GetProperty("service").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "reasoning");
        Assert.Equal(0.00375 / 0.78, reasoning.GetProperty("secondary_per_quality_point").GetProperty("gwp100").GetDouble(), 12);
    }

    [Fact]
    public async Task Assess_marks_the_alternative_that_misses_a_constraint()
    {
        using var directory = new TempDirectory();
        var run = await CliRunner.InProcessAsync("assess", directory.Write("tradeoff.yaml", Study));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("alternative 'small': GSM8K accuracy 0.61 < functional unit minimum 0.7", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    public async Task Reports_show_each_alternative_against_the_constraints_and_the_secondary_view(string format)
    {
        using var directory = new TempDirectory();
        var json = Path.Combine(directory.Path, "results.json");
        var assess = await CliRunner.InProcessAsync("assess", directory.Write("tradeoff.yaml", Study), "--mc", "64", "--format", "json", "--output", json);
        Assert.True(assess.ExitCode == 0, assess.Error);
        var report = await CliRunner.InProcessAsync("report", json, "--format", format);
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Contains("Service delivered (functional unit constraints):", report.Output, StringComparison.Ordinal);
        // Both formats escape '<'; HTML escapes the quotes too.
        var quote = format == "html" ? "&#39;" : "'";
        Assert.Contains($"UNMET: alternative {quote}small{quote}: GSM8K accuracy 0.61 &lt; functional unit minimum 0.7", report.Output, StringComparison.Ordinal);
        Assert.Contains("Secondary view, not a comparison on the functional unit", report.Output, StringComparison.Ordinal);
    }
}
