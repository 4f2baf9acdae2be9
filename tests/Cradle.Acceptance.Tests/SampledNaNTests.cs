namespace Cradle.Acceptance.Tests;

/// <summary>
/// A sampled value that is not a number is the study's error, named at the parameter that became NaN with the draw
/// that made it so, whichever command met it.
/// </summary>
public sealed class SampledNaNTests
{
    /// <summary>
    /// x is drawn from a normal with a relative SD of 2: about 31 % of the draws are below 0, where sqrt gives NaN. The
    /// deterministic value (x = 1) is fine, so only sampling meets it.
    /// </summary>
    private const string SampledNaN = """
        cradle: 1
        name: tiny
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1 request
          description: one answered request
        system_boundary:
          included: [pre-training, inference, hardware-manufacture]
        impact_categories: [gwp100, water]
        devices:
          gpu:
            power: 400 W
            embodied:
              gwp100: 100 kg CO2e
              water: 50 L
        hardware:
          fleet:
            device: gpu
            per_node: 4
            lifespan: 2 year
            utilisation: 0.5
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
            hardware: fleet
            site: s
            energy:
              value: sqrt(x) * base_energy
            device_time: 2000 h
        inference:
          hardware: fleet
          site: s
          lifetime_requests: 1e6 request
          energy_per_request: 0.002 kWh/request
          device_time_per_request: 1 s/request
        parameters:
          x:
            value: 1
            uncertainty: {distribution: normal, relative_sd: 2}
          base_energy:
            value: 1000 kWh
        """;

    [Theory]
    [InlineData("assess", "--mc", "4096")]
    [InlineData("breakeven", "--mc", "4096")]
    [InlineData("sensitivity", "--samples", "4096")]
    public async Task A_draw_that_is_not_a_number_is_named_at_its_parameter(string command, string option, string size)
    {
        using var temp = new TempDirectory();
        var study = temp.Write("nan.yaml", SampledNaN);
        Assert.Equal(0, (await CliRunner.InProcessAsync("assess", study)).ExitCode);
        var run = await CliRunner.InProcessAsync(command, study, option, size);
        Assert.Equal(1, run.ExitCode);
        // The energy is written on line 40, column 14; x on line 50.
        Assert.Contains($"{study}:40:14: error [sample-not-finite] stages.pre_training.energy: stages.pre_training.energy = sqrt(x) * base_energy is not a number in a Monte Carlo draw where x = -", run.Error, StringComparison.Ordinal);
        Assert.Contains("(line 50)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draw_that_is_not_a_number_in_a_comparison_is_named_in_its_study()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("nan.yaml", SampledNaN);
        var other = temp.Write("other.yaml", SampledNaN.Replace("sqrt(x) * base_energy", "base_energy", StringComparison.Ordinal));
        var run = await CliRunner.InProcessAsync("compare", study, other, "--mc", "4096");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{study}:40:14: error [sample-not-finite] stages.pre_training.energy: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(other, run.Error, StringComparison.Ordinal);
    }
}
