using System.Text.Json;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// `compare` on studies whose functional units differ: refused, naming the difference and the option; accepted with
/// --accept-different-functional-units "REASON", which the table and the JSON then show.
/// </summary>
public sealed class FunctionalUnitCompareTests
{
    private const string Reason = "both answer the same 1,000 prompts; per-token figures are for a budget";

    /// <summary>The example restated per million output tokens at 210 tokens a request.</summary>
    private static string PerToken(TempDirectory directory)
    {
        var text = File.ReadAllText(Repository.Example);
        Assert.Contains("  amount: 1000 request", text, StringComparison.Ordinal);
        Assert.Contains("  samples_per_request: 1\n", text, StringComparison.Ordinal);
        text = text.Replace("  amount: 1000 request", "  amount: 1e6 token", StringComparison.Ordinal)
            .Replace("  samples_per_request: 1\n", "  samples_per_request: 1\n  service_per_request: 210 token/request\n", StringComparison.Ordinal);
        return directory.Write("per-token.yaml", text);
    }

    [Fact]
    public async Task Compare_refuses_a_token_unit_against_a_request_unit_and_names_the_way_out()
    {
        using var directory = new TempDirectory();
        var run = await CliRunner.InProcessAsync("compare", Repository.Example, PerToken(directory), "--mc", "0");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[fu-mismatch]", run.Error, StringComparison.Ordinal);
        Assert.Contains("delivers 1000 request", run.Error, StringComparison.Ordinal);
        Assert.Contains("delivers 1e6 token", run.Error, StringComparison.Ordinal);
        Assert.Contains("--accept-different-functional-units", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_refuses_the_same_amount_with_another_description()
    {
        using var directory = new TempDirectory();
        var text = File.ReadAllText(Repository.Example);
        Assert.Contains("1,000 ShareGPT prompts", text, StringComparison.Ordinal);
        var other = directory.Write("images.yaml", text.Replace("1,000 ShareGPT prompts", "1,000 ImageNet images", StringComparison.Ordinal));
        var run = await CliRunner.InProcessAsync("compare", Repository.Example, other, "--mc", "0");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[fu-mismatch]", run.Error, StringComparison.Ordinal);
        Assert.Contains("their descriptions differ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_with_a_reason_compares_and_shows_the_reason_and_the_difference()
    {
        using var directory = new TempDirectory();
        var perToken = PerToken(directory);
        var table = await CliRunner.InProcessAsync("compare", Repository.Example, perToken, "--mc", "0", "--accept-different-functional-units", Reason);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.StartsWith("Comparison per each alternative's own functional unit\n", table.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("The functional units differ; compared anyway because: " + Reason, table.Output, StringComparison.Ordinal);
        Assert.Contains("- 'study:offline-batching' delivers 1000 request, 'per-token:offline-batching' delivers 1e6 token", table.Output, StringComparison.Ordinal);

        var json = await CliRunner.InProcessAsync("compare", Repository.Example, perToken, "--mc", "0", "--format", "json", "--accept-different-functional-units", Reason);
        Assert.True(json.ExitCode == 0, json.Error);
        var different = JsonDocument.Parse(json.Output).RootElement.GetProperty("different_functional_units");
        Assert.Equal(Reason, different.GetProperty("reason").GetString());
        Assert.NotEqual(0, different.GetProperty("differences").GetArrayLength());
    }

    [Fact]
    public async Task A_reason_for_units_that_agree_is_refused()
    {
        var run = await CliRunner.InProcessAsync("compare", Repository.Example, "--mc", "0", "--accept-different-functional-units", Reason);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[fu-accept-unneeded]", run.Error, StringComparison.Ordinal);
    }
}
