using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>`assess --mc`, `compare`, `sensitivity` and `breakeven` on the bundled example, as a user runs them.</summary>
public sealed class InterpretationCommandTests
{
    [Fact]
    public async Task Assess_with_monte_carlo_reports_the_spread_and_is_reproducible_from_its_seed()
    {
        var first = await CliRunner.InProcessAsync("assess", Repository.Example, "--mc", "20000", "--seed", "11", "--format", "json", "--threads", "1");
        var second = await CliRunner.InProcessAsync("assess", Repository.Example, "--mc", "20000", "--seed", "11", "--format", "json", "--threads", "2");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("", first.Error); // no progress bar when standard error is not a terminal
        var u = JsonDocument.Parse(first.Output).RootElement.GetProperty("alternatives")[0].GetProperty("uncertainty");
        Assert.Equal(20000, u.GetProperty("iterations").GetInt32());
        var gwp = u.GetProperty("totals").GetProperty("gwp100");
        Assert.True(gwp.GetProperty("p2_5").GetDouble() < gwp.GetProperty("median").GetDouble());
        Assert.True(gwp.GetProperty("median").GetDouble() < gwp.GetProperty("p97_5").GetDouble());
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Compare_ranks_the_serving_modes_with_their_probability()
    {
        var run = await CliRunner.InProcessAsync("compare", Repository.Example, "--mc", "5000", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var pairs = JsonDocument.Parse(run.Output).RootElement.GetProperty("pairs").EnumerateArray().ToList();
        var offlineVsSlow = pairs.Single(p => p.GetProperty("a").GetString() == "offline-batching" && p.GetProperty("b").GetString() == "poisson-1rps");
        Assert.Equal(1.0, offlineVsSlow.GetProperty("probability_a_lower").GetProperty("gwp100").GetDouble());
    }

    [Fact]
    public async Task Compare_refuses_studies_with_different_functional_units()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cradle-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Repository.Example)).Replace("  amount: 1000 request", "  amount: 1 request", StringComparison.Ordinal));
        try
        {
            var run = await CliRunner.InProcessAsync("compare", Repository.Example, file, "--mc", "10");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("[fu-mismatch]", run.Error, StringComparison.Ordinal);
            Assert.Contains("delivers 1000 request", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Sensitivity_names_the_grid_factor_as_the_main_driver_of_climate_change()
    {
        var run = await CliRunner.InProcessAsync("sensitivity", Repository.Example, "--samples", "1024", "--bootstrap", "50", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var inputs = JsonDocument.Parse(run.Output).RootElement.GetProperty("alternatives")[0].GetProperty("inputs").EnumerateArray().ToList();
        var top = inputs.OrderByDescending(i => i.GetProperty("gwp100").GetProperty("sobol_total").GetDouble()).First();
        Assert.Equal("grids.austin_energy.per_kwh.gwp100", top.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Breakeven_gives_the_curve_and_a_break_even_in_the_tens_of_billions()
    {
        var run = await CliRunner.InProcessAsync("breakeven", Repository.Example, "--mc", "2000", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var offline = JsonDocument.Parse(run.Output).RootElement.GetProperty("alternatives")[0];
        Assert.Equal(8, offline.GetProperty("curve").GetArrayLength());
        Assert.InRange(offline.GetProperty("break_even_requests").GetProperty("gwp100").GetDouble(), 1e10, 1e11);
        var table = await CliRunner.InProcessAsync("breakeven", Repository.Example, "--mc", "0");
        Assert.Contains("break-even lifetime", table.Output, StringComparison.Ordinal);
    }
}
