namespace Cradle.Acceptance.Tests;

/// <summary>Exit codes and messages as a user meets them, running the real program.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public async Task The_example_runs_as_a_program_with_exit_code_zero()
    {
        var run = await CliRunner.ChildProcessAsync("assess", Repository.Example, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("\"schema\": \"cradle.assessment/2\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_study_exits_with_one_and_names_file_line_and_column()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cradle-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Repository.Example)).Replace("    per_node: 8", "    per_nod: 8", StringComparison.Ordinal));
        try
        {
            var run = await CliRunner.InProcessAsync("assess", file);
            Assert.Equal(1, run.ExitCode);
            Assert.Matches(@"cradle-[0-9a-f]+\.yaml:\d+:5: error \[unknown-key\] hardware\.jupiter-h100\.per_nod: .*did you mean 'per_node'", run.Error);
            Assert.Equal("", run.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_file_exits_with_two()
    {
        var run = await CliRunner.InProcessAsync("assess", "/nonexistent/study.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read the study file", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compare", "cannot read the study file '/nonexistent/study.yaml'")]
    [InlineData("sensitivity", "cannot read the study file '/nonexistent/study.yaml'")]
    [InlineData("breakeven", "cannot read the study file '/nonexistent/study.yaml'")]
    public async Task Interpretation_commands_exit_with_two_on_a_missing_study(string command, string message)
    {
        var run = await CliRunner.InProcessAsync(command, "/nonexistent/study.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_failure_to_write_the_output_is_not_blamed_on_the_study()
    {
        using var error = new StringWriter();
        using var output = new FullDiskWriter();
        var code = await Cradle.Cli.CradleApp.RunAsync(["breakeven", Repository.Example, "--mc", "0"], output, error);
        Assert.Equal(2, code);
        Assert.Contains("cannot write the output: No space left on device", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("study", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class FullDiskWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");
    }

    [Theory]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    [InlineData("breakeven")]
    public async Task Interpretation_commands_exit_with_one_on_an_invalid_study_or_catalog(string command)
    {
        var study = Path.Combine(Path.GetTempPath(), $"cradle-{Guid.NewGuid():N}.yaml");
        var catalog = Path.Combine(Path.GetTempPath(), $"cradle-{Guid.NewGuid():N}.catalog.yaml");
        await File.WriteAllTextAsync(study, (await File.ReadAllTextAsync(Repository.Example)).Replace("    per_node: 8", "    per_nod: 8", StringComparison.Ordinal));
        await File.WriteAllTextAsync(catalog, "grids: 3\n");
        try
        {
            var invalidStudy = await CliRunner.InProcessAsync(command, study);
            Assert.Equal(1, invalidStudy.ExitCode);
            Assert.Contains("[unknown-key] hardware.jupiter-h100.per_nod", invalidStudy.Error, StringComparison.Ordinal);

            var invalidCatalog = await CliRunner.InProcessAsync(command, Repository.Example, "--catalog", catalog);
            Assert.Equal(1, invalidCatalog.ExitCode);
            Assert.Contains("the catalog has", invalidCatalog.Error, StringComparison.Ordinal);

            var missingCatalog = await CliRunner.InProcessAsync(command, Repository.Example, "--catalog", "/nonexistent/extra.yaml");
            Assert.Equal(2, missingCatalog.ExitCode);
            Assert.Contains("cannot read the catalog file", missingCatalog.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(study);
            File.Delete(catalog);
        }
    }

    [Theory]
    [InlineData("sensitivity", "--samples", "1", "--samples expects a whole number of base samples from 2 to 2147483647")]
    [InlineData("sensitivity", "--bootstrap", "-1", "--bootstrap expects a whole number of resamples from 0 to 2147483647")]
    [InlineData("breakeven", "--embodied-share", "7", "--embodied-share expects a share of the total above 0 and below 1")]
    [InlineData("breakeven", "--embodied-share", "0", "--embodied-share expects a share of the total above 0 and below 1")]
    public async Task Options_out_of_range_are_refused_with_what_is_expected(string command, string option, string value, string message)
    {
        var run = await CliRunner.InProcessAsync(command, Repository.Example, option, value);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_is_refused_by_the_parser()
    {
        var run = await CliRunner.InProcessAsync("assess", Repository.Example, "--format", "xml");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("xml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_describes_the_command_like_the_docs()
    {
        var run = await CliRunner.InProcessAsync("assess", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("equation (1)", run.Output, StringComparison.Ordinal);
        Assert.Contains("--format", run.Output, StringComparison.Ordinal);
    }
}
