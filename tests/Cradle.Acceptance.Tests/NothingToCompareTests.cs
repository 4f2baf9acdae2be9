namespace Cradle.Acceptance.Tests;

/// <summary>compare on a single study without alternatives says so at the study, exit 1.</summary>
public sealed class NothingToCompareTests
{
    [Fact]
    public async Task One_study_without_alternatives_is_nothing_to_compare_at_the_study()
    {
        using var temp = new TempDirectory();
        var text = await File.ReadAllTextAsync(Repository.Example);
        var study = temp.Write("single.yaml", text[..text.IndexOf("\nalternatives:", StringComparison.Ordinal)] + "\n");
        var run = await CliRunner.InProcessAsync("compare", study);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{study}:1:1: error [nothing-to-compare] alternatives: a comparison needs at least two alternatives", run.Error, StringComparison.Ordinal);
    }
}
