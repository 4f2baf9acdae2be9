namespace Cradle.Acceptance.Tests;

/// <summary>
/// <c>-o/--output</c> (and assess's <c>--report</c>) never overwrite an input file, and every command that prints
/// results can write them to a file instead.
/// </summary>
public sealed class OutputSafetyTests
{
    [Theory]
    [InlineData("assess")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    [InlineData("breakeven")]
    public async Task The_output_file_may_not_be_the_study(string command)
    {
        using var temp = new TempDirectory();
        var study = temp.Example();
        var before = await File.ReadAllTextAsync(study);
        // The same file by another path: relative through its directory.
        var sameFile = Path.Combine(temp.Path, "..", Path.GetFileName(temp.Path), "study.yaml");
        foreach (var target in new[] { study, sameFile })
        {
            var run = await CliRunner.InProcessAsync(command, study, "-o", target);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"--output '{target}' is the input file '{study}'; writing there would overwrite it.", run.Error, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllTextAsync(study));
        }
    }

    [Fact]
    public async Task The_output_file_may_not_be_a_catalog_file_nor_the_study_through_a_link()
    {
        using var temp = new TempDirectory();
        var study = temp.Example();
        var catalog = temp.Write("extra.catalog.yaml", "cradle-catalog: 1\n");
        var run = await CliRunner.InProcessAsync("assess", study, "--catalog", catalog, "--output", catalog);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"is the input file '{catalog}'", run.Error, StringComparison.Ordinal);

        var link = temp.File("link.yaml");
        File.CreateSymbolicLink(link, study);
        var linked = await CliRunner.InProcessAsync("breakeven", study, "--output", link);
        Assert.Equal(1, linked.ExitCode);
        Assert.Contains($"--output '{link}' is the input file '{study}'", linked.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_may_not_be_the_study_nor_the_output_file()
    {
        using var temp = new TempDirectory();
        // A study whose name looks like a report, so that only the clash can refuse it.
        var study = temp.Example("study.md");
        var before = await File.ReadAllTextAsync(study);
        var run = await CliRunner.InProcessAsync("assess", study, "--report", study);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"--report '{study}' is the input file '{study}'", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(study));

        var both = temp.File("results.md");
        var twice = await CliRunner.InProcessAsync("assess", study, "--report", both, "-o", both);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains($"--report '{both}' is also the --output file", twice.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(both));
    }

    [Fact]
    public async Task Report_may_not_overwrite_its_results()
    {
        using var temp = new TempDirectory();
        var results = temp.File("results.json");
        Assert.Equal(0, (await CliRunner.InProcessAsync("assess", Repository.Example, "--format", "json", "-o", results)).ExitCode);
        var run = await CliRunner.InProcessAsync("report", results, "--format", "md", "-o", results);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"--output '{results}' is the input file '{results}'", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("{", await File.ReadAllTextAsync(results), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compare", "--mc", "200")]
    [InlineData("sensitivity", "--samples", "64")]
    [InlineData("breakeven", "--mc", "200")]
    public async Task Interpretation_commands_write_to_the_output_file_what_they_would_print(string command, string sizeOption, string size)
    {
        using var temp = new TempDirectory();
        var printed = await CliRunner.InProcessAsync(command, Repository.Example, sizeOption, size, "--format", "json");
        Assert.Equal(0, printed.ExitCode);
        var file = temp.File("out.json");
        var written = await CliRunner.InProcessAsync(command, Repository.Example, sizeOption, size, "--format", "json", "--output", file);
        Assert.True(written.ExitCode == 0, written.Error);
        Assert.Equal("", written.Output);
        Assert.Equal(printed.Output, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task A_directory_as_the_output_file_is_named_as_a_directory()
    {
        using var temp = new TempDirectory();
        var run = await CliRunner.InProcessAsync("sensitivity", Repository.Example, "--samples", "64", "-o", temp.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"cannot write '{temp.Path}': it is a directory", run.Error, StringComparison.Ordinal);
    }
}
