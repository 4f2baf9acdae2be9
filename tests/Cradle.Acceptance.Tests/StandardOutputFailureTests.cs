using Cradle.Cli;
using Cradle.Cli.Commands;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// A failed write to standard output (a full disk, a closed pipe) is the environment's failure, exit code 2 with
/// "cannot write the output", in every command; and only a write to standard output is reported so.
/// </summary>
public sealed class StandardOutputFailureTests
{
    public static TheoryData<string[]> Commands() => new()
    {
        { ["catalog", "list"] },
        { ["catalog", "show", "Germany"] },
        { ["catalog", "show", "ipcc-ar6-gwp100"] },
        { ["catalog", "search", "frankfurt"] },
        { ["catalog", "cite", "de"] },
        { ["catalog", "cite", "de", "-f", "bibtex"] },
        { ["assess", Repository.Example] },
        { ["--help"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_failed_write_to_standard_output_exits_with_two(string[] args)
    {
        var (code, error) = await RunToFullDiskAsync(args);
        Assert.Equal(2, code);
        Assert.Contains("cradle: cannot write the output: No space left on device", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("csv")]
    [InlineData("model-card")]
    public async Task Report_exits_with_two_when_standard_output_is_full(string format)
    {
        using var temp = new TempDirectory();
        var results = temp.File("results.json");
        Assert.Equal(0, (await CliRunner.InProcessAsync("assess", Repository.Example, "--format", "json", "-o", results)).ExitCode);
        var (code, error) = await RunToFullDiskAsync(["report", results, "-f", format]);
        Assert.Equal(2, code);
        Assert.Contains("cradle: cannot write the output: No space left on device", error, StringComparison.Ordinal);
        Assert.DoesNotContain("results file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_input_output_failure_in_a_study_command_is_not_called_a_failure_to_write_the_output()
    {
        using var error = new StringWriter();
        // Thrown by the command's own work, as an unwrapped failure to read would be: not the output's, so not caught as it.
        await Assert.ThrowsAsync<IOException>(() => StudyCommandRunner.RunAsync(
            [new FileInfo(Repository.Example)], [], null, null, error, _ => throw new IOException("read failed")));
        Assert.DoesNotContain("cannot write the output", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Error)> RunToFullDiskAsync(string[] args)
    {
        using var output = new FullDiskWriter();
        using var error = new StringWriter();
        var code = await CradleApp.RunAsync(args, output, error);
        return (code, error.ToString());
    }

    /// <summary>Standard output on a full disk: every write fails as /dev/full's does.</summary>
    private sealed class FullDiskWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");
    }
}
