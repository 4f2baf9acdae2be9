namespace Cradle.Acceptance.Tests;

/// <summary>Exit codes and messages as a user meets them, running the real program.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public async Task The_example_runs_as_a_program_with_exit_code_zero()
    {
        var run = await CliRunner.ChildProcessAsync("assess", Repository.Example, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("\"schema\": \"cradle.assessment/1\"", run.Output, StringComparison.Ordinal);
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
