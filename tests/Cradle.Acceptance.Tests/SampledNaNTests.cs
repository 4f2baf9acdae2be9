namespace Cradle.Acceptance.Tests;

/// <summary>
/// A sampled value that is not a number is the study's error, named at the parameter that became NaN with the draw
/// that made it so, whichever command met it.
/// </summary>
public sealed class SampledNaNTests
{
    /// <summary>
    /// The fuzzer's small study without its alternatives, its training energy made sqrt(x) × 1,000 kWh with x drawn from
    /// a normal of relative SD 2: about 31 % of the draws are below 0, where sqrt gives NaN. The deterministic value
    /// (x = 1) is fine, so only sampling meets it.
    /// </summary>
    private static readonly string SampledNaN = Fuzzing.SeedStudies.Small[..Fuzzing.SeedStudies.Small.IndexOf("alternatives:", StringComparison.Ordinal)]
        .Replace("    energy: 1000 kWh\n", "    energy:\n      value: sqrt(x) * base_energy\n", StringComparison.Ordinal)
        .Replace("parameters:\n", "parameters:\n  x:\n    value: 1\n    uncertainty: {distribution: normal, relative_sd: 2}\n  base_energy:\n    value: 1000 kWh\n", StringComparison.Ordinal);

    /// <summary>Where the energy's expression starts, as "line:column", and the line of x's value.</summary>
    private static (string Energy, int X) Places()
    {
        var lines = SampledNaN.Split('\n');
        var energy = Array.FindIndex(lines, l => l.Contains("sqrt(x)", StringComparison.Ordinal));
        var x = Array.FindIndex(lines, l => l == "  x:");
        Assert.True(energy >= 0 && x >= 0, SampledNaN);
        return ($"{energy + 1}:{lines[energy].IndexOf("sqrt", StringComparison.Ordinal) + 1}", x + 2);
    }

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
        var (energy, x) = Places();
        Assert.Contains($"{study}:{energy}: error [sample-not-finite] stages.pre-training.energy: stages.pre_training.energy = sqrt(x) * base_energy is not a number in a Monte Carlo draw where x = -", run.Error, StringComparison.Ordinal);
        Assert.Contains($"(line {x})", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draw_that_is_not_a_number_in_a_comparison_is_named_in_its_study()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("nan.yaml", SampledNaN);
        var other = temp.Write("other.yaml", SampledNaN.Replace("sqrt(x) * base_energy", "base_energy", StringComparison.Ordinal));
        var run = await CliRunner.InProcessAsync("compare", study, other, "--mc", "4096");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{study}:{Places().Energy}: error [sample-not-finite] stages.pre-training.energy: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(other, run.Error, StringComparison.Ordinal);
    }
}
